import type { Figure, ReportPeriod, ReportStats } from '@core/report/index.js'
import type { SnapshotPost } from '@core/publishing/index.js'
import { slugify } from '@core/model/index.js'
import { formatMonth } from '@core/words/index.js'
import { figureHrefs } from './report-view.js'
import type { Locale } from './i18n.js'
import { agendaPath, monthPath, organisationsPath, themePath, yearPath } from './paths.js'

/**
 * How the home page's year at a glance links its figures. When a public annual report covers
 * exactly the same year, its figures are the same count, so each links to the report's own
 * listing of the entries behind it. Otherwise a figure links to the page that shows what it
 * counts (a month, a theme, the organisations, the year); one with no such page (a share, a
 * median, the withheld) links nowhere rather than somewhere vague.
 */
export function accountingYearLinks(
  stats: ReportStats,
  posts: readonly SnapshotPost[],
  locale: Locale,
): { hrefOf: (figure: Figure) => string | undefined; report: SnapshotPost | undefined } {
  const report = posts.find((p) => p.figures && samePeriod(p.figures.period, stats.period))
  if (report) return { hrefOf: figureHrefs(report.slug, stats, locale), report }
  const hrefs = new Map<Figure, string>([
    [stats.total, isCalendarYear(stats.period) ? yearPath(stats.period.from.slice(0, 4), locale) : agendaPath(locale)],
    [stats.organisations, organisationsPath(locale)],
    ...stats.perMonth.map((m): [Figure, string] => [m, monthPath(m.month, locale)]),
    ...stats.themes.map((t): [Figure, string] => [t, themePath(slugify(t.theme), locale)]),
  ])
  if (stats.firstTimeOrganisations) hrefs.set(stats.firstTimeOrganisations, organisationsPath(locale))
  return { hrefOf: (figure) => (figure.count > 0 ? hrefs.get(figure) : undefined), report: undefined }
}

const samePeriod = (a: ReportPeriod, b: ReportPeriod) => a.from === b.from && a.to === b.to
const isCalendarYear = (p: ReportPeriod) => p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31`

/** A year as readers name it: `2015`, or `juli 2014 – juni 2015` for a year that starts in another month. */
export function periodName(period: ReportPeriod, locale: Locale): string {
  return isCalendarYear(period)
    ? period.from.slice(0, 4)
    : `${formatMonth(period.from.slice(0, 7), locale)} – ${formatMonth(period.to.slice(0, 7), locale)}`
}
