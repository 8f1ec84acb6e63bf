import { COUNTERPART_TYPE_LABELS, formatMonth, KIND_LABELS, LANGUAGE_TAGS } from '@core/words/index.js'
import { reportFigureListings, type FigureSubject, type Figure, type ReportStats } from '@core/report/index.js'
import { STRINGS, type Locale } from './i18n.js'
import { figurePath } from './paths.js'

/**
 * How an annual report's figures read on a page: the link of each figure to its listing,
 * the listing's title, and numbers in the reader's language.
 */

/** The listing page of each figure of a report, or undefined for a figure that counts nothing. */
export function figureHrefs(
  postSlug: string,
  stats: ReportStats,
  locale: Locale,
): (figure: Figure) => string | undefined {
  const keys = new Map(reportFigureListings(stats).map((l) => [l.figure, l.key]))
  return (figure) => {
    const key = keys.get(figure)
    return key === undefined ? undefined : figurePath(postSlug, key, locale)
  }
}

/** What a listing counts, as its heading: "Lezing", "maart 2015", "Gemeente Enschede". */
export function subjectTitle(subject: FigureSubject, locale: Locale): string {
  switch (subject.figure) {
    case 'kind':
      return KIND_LABELS[locale][subject.kind]
    case 'month':
      return formatMonth(subject.month, locale)
    case 'theme':
      return subject.theme
    case 'organisation-type':
      return COUNTERPART_TYPE_LABELS[locale][subject.type]
    case 'organisation':
      return subject.name
    default:
      return STRINGS[locale].listingTitles[subject.figure]
  }
}

/** Whether the title was written by the author (a theme, an organisation) rather than the interface. */
export const isContentTitle = (subject: FigureSubject) =>
  subject.figure === 'theme' || subject.figure === 'organisation'

/** `0,98` as `98%`. */
export const formatShare = (share: number, locale: Locale) =>
  new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share)

/** The median publication delay in words: "0,4 dagen na de afspraak", "2 days before the appointment". */
export function formatDelay(days: number | null, locale: Locale): string {
  const t = STRINGS[locale]
  if (days === null) return t.none
  const number = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: 1 }).format(Math.abs(days))
  return t.delayValue(number, days < 0)
}
