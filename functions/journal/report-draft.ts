import type { JournalSettings } from '../core/model/index.js'
import { draftAnnualReport, reportStats, type ReportPeriod, type ReportStats } from '../core/report/index.js'
import { localDaysToInstants } from '../core/time/index.js'
import { listAllEntries, type Db } from '../store/index.js'

/**
 * The draft of an annual report for `period` and the figures it was written from, counted once:
 * the words and the figures the site shows beside them come from the same `reportStats`.
 * Reads every entry up to the period's end (the earlier ones tell which organisations are new).
 */
export async function draftReport(
  db: Db,
  person: string,
  period: ReportPeriod,
  now: Date,
  settings: JournalSettings,
): Promise<{ markdown: string; stats: ReportStats }> {
  const entries = await listAllEntries(db, person, {
    end: localDaysToInstants(period.from, period.to, settings.timeZone).end,
  })
  const stats = reportStats(entries, period, now, settings)
  return { markdown: draftAnnualReport(stats, { locale: settings.locale }), stats }
}
