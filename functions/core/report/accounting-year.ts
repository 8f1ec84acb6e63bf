import { localStartDate } from '../privacy/counted-entries.js'
import { addDays, zonedParts } from '../time/dates.js'
import type { Entry } from '../model/entry.js'
import type { PublicPost } from '../privacy/public-projection.js'
import type { Locale } from '../model/vocabulary.js'
import { reportStats, type ReportPeriod, type ReportStats } from './report-stats.js'

/**
 * The year a servant accounts for. It starts in the month their latest annual report starts in
 * (a July–June report makes July–June years), so the year the home page shows and the report
 * count the same appointments; without a report it is the calendar year.
 */

/** The month (1–12) accounting years start in: that of the latest public annual report, else January. */
export function accountingYearStartMonth(posts: readonly Pick<PublicPost, 'kind' | 'period' | 'withdrawn'>[]): number {
  const report = posts.find((p) => p.kind === 'annual-report' && p.period && !p.withdrawn)
  return report?.period ? Number(report.period.from.slice(5, 7)) : 1
}

/**
 * The accounting year that holds `date`.
 *
 * @example accountingYearOf('2016-01-01', 7) // { from: '2015-07-01', to: '2016-06-30' }
 */
export function accountingYearOf(date: string, startMonth: number): ReportPeriod {
  const month = String(startMonth).padStart(2, '0')
  const year = Number(date.slice(0, 4)) - (date.slice(5, 7) < month ? 1 : 0)
  return { from: `${year}-${month}-01`, to: addDays(`${year + 1}-${month}-01`, -1) }
}

const yearBefore = (period: ReportPeriod): ReportPeriod => ({
  from: `${Number(period.from.slice(0, 4)) - 1}${period.from.slice(4)}`,
  to: addDays(period.from, -1),
})

/**
 * The figures of the current accounting year (the one holding `now` in the journal's zone), as
 * an annual report counts them (`reportStats`). A year without public appointments yet (a new
 * year's first days) would show only zeros: then the most recent year that has them is shown.
 * Undefined for a journal without any public appointment.
 */
export function accountingYearStats(
  entries: Entry[],
  startMonth: number,
  now: Date,
  options: { timeZone: string; locale: Locale },
): ReportStats | undefined {
  const earliest = entries.reduce<string | undefined>((first, e) => {
    const day = localStartDate(e, options.timeZone)
    return first === undefined || day < first ? day : first
  }, undefined)
  if (earliest === undefined) return undefined
  const today = zonedParts(now, options.timeZone).date
  for (let year = accountingYearOf(today, startMonth); year.to >= earliest; year = yearBefore(year)) {
    const stats = reportStats(entries, year, now, options)
    if (stats.total.count > 0) return stats
  }
  return undefined
}
