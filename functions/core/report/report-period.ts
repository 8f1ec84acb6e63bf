import type { ReportPeriod } from './report-stats.js'

/**
 * The period an annual report is drafted for unless the servant picks another: the last twelve
 * months of the journal's accounting year that have ended before `today`. The accounting year
 * starts on the day of the year the latest annual report started (a servant who accounts July to
 * June keeps doing so), or on 1 January when there is none yet.
 *
 * @example lastFullAccountingYear('2016-01-01', '2014-07-01') // { from: '2014-07-01', to: '2015-06-30' }
 * @example lastFullAccountingYear('2016-01-01') // { from: '2015-01-01', to: '2015-12-31' }
 */
export function lastFullAccountingYear(today: string, latestReportFrom?: string): ReportPeriod {
  const start = latestReportFrom?.slice(5, 10) ?? '01-01'
  // Leap days do not start accounting years: 29 February becomes 1 March.
  const monthDay = start === '02-29' ? '03-01' : start
  let year = Number(today.slice(0, 4))
  while (dayBefore(`${year + 1}-${monthDay}`) >= today) year -= 1
  return { from: `${year}-${monthDay}`, to: dayBefore(`${year + 1}-${monthDay}`) }
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}
