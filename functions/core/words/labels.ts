import { zonedParts } from '../time/dates.js'
import { rememberedAnswers } from '../time/remembered.js'
import { WORDS } from './catalogue.js'
import type { CounterpartType, EntryKind, EntryStatus, Locale } from '../model/vocabulary.js'

/**
 * Labels and dates as a reader sees them, in Dutch and English. The site, the feeds, the iCal
 * export and the CSV all label things through here, so a kind or a status reads the same everywhere.
 * The words come from the catalogue (catalogue.ts); dates and months from `Intl`, so CLDR decides
 * how a month is abbreviated ("mrt", "Sept"), not a table of ours.
 */

type Labels<K extends string> = Record<Locale, Record<K, string>>

export const KIND_LABELS: Labels<EntryKind> = { nl: WORDS.nl.kinds, en: WORDS.en.kinds }
export const STATUS_LABELS: Labels<EntryStatus> = { nl: WORDS.nl.statuses, en: WORDS.en.statuses }
/** Organisation types as a heading over a group of organisations (plural). */
export const COUNTERPART_TYPE_LABELS: Labels<CounterpartType> = {
  nl: WORDS.nl.counterpartTypes,
  en: WORDS.en.counterpartTypes,
}
/** One organisation's type, as shown beside its name: "Gemeente Enschede (gemeente)". */
export const COUNTERPART_TYPE_NAMES: Labels<CounterpartType> = {
  nl: WORDS.nl.counterpartTypeNames,
  en: WORDS.en.counterpartTypeNames,
}

/** BCP 47 tags for `Intl` and `<html lang>`. */
export const LANGUAGE_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' }

/**
 * A language by its own name, for a language switch: `Nederlands`, `English` (from CLDR). Kept
 * once made: every page's header asks, and making an `Intl.DisplayNames` took 2 % of a site build.
 */
export function languageName(locale: Locale): string {
  let name = languageNames.get(locale)
  if (name === undefined)
    languageNames.set(
      locale,
      (name = new Intl.DisplayNames([LANGUAGE_TAGS[locale]], { type: 'language' }).of(locale) ?? locale),
    )
  return name
}
const languageNames = new Map<Locale, string>()

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], options)))
  return f
}

const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`)

/** How much of a calendar day to say, by example (nl): */
const DATE_STYLES = {
  /** `maandag 16 maart 2015` */
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** `16 maart 2015` */
  medium: { day: 'numeric', month: 'long', year: 'numeric' },
  /** `16 mrt 2015` */
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  /** `maandag 16 maart` */
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  /** `ma 16 mrt` */
  'short-day': { weekday: 'short', day: 'numeric', month: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type DateStyle = keyof typeof DATE_STYLES

/** `formatDate('2015-03-16', 'nl')` is `maandag 16 maart 2015`; `'short'` gives `16 mrt 2015` (see DATE_STYLES). */
export function formatDate(date: string, locale: Locale, style: DateStyle = 'long'): string {
  const format = () => formatter(locale, { ...DATE_STYLES[style], timeZone: 'UTC' }).format(calendarDay(date))
  return formattedDate(`${date}|${locale}|${style}`, format)
}

/** A site build formats the same few thousand days tens of thousands of times. */
const formattedDate = rememberedAnswers<string>(100_000)

/** `formatMonth('2015-03', 'en')` is `March 2015`. */
export function formatMonth(month: string, locale: Locale, withYear = true): string {
  return formatter(locale, { month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    calendarDay(`${month}-01`),
  )
}

/** A month's short name for a chart's axis: `mrt`, `Sept`. */
export function abbreviateMonth(month: string, locale: Locale): string {
  return formatter(locale, { month: 'short', timeZone: 'UTC' }).format(calendarDay(`${month}-01`))
}

/** An instant as `16 maart 2015 10:00` in a zone: for "changed on …" lines. */
export function formatInstant(instant: string, locale: Locale, timeZone: string): string {
  const { date, time } = zonedParts(new Date(instant), timeZone)
  return `${formatDate(date, locale, 'short')} ${time}`
}

export interface EntryTimes {
  start: string
  end?: string
  allDay: boolean
  timezone: string
}

type LocalTimes = { date: string; startTime?: string; endDate?: string; endTime?: string }

/** Pages ask for the same entry's times many times (lists, pages, feeds). */
const localTimes = rememberedAnswers<LocalTimes>(100_000)

/** Local date and time of an entry's start (and end) in `timeZone`. */
export function entryLocalTimes(entry: EntryTimes, timeZone: string): LocalTimes {
  return localTimes(`${entry.start}|${entry.end ?? ''}|${entry.allDay}|${timeZone}`, () =>
    computeLocalTimes(entry, timeZone),
  )
}

function computeLocalTimes(entry: EntryTimes, timeZone: string): LocalTimes {
  if (entry.allDay)
    return { date: entry.start, ...(entry.end && entry.end !== entry.start ? { endDate: entry.end } : {}) }
  const start = zonedParts(new Date(entry.start), timeZone)
  const end = entry.end ? zonedParts(new Date(entry.end), timeZone) : undefined
  return {
    date: start.date,
    startTime: start.time,
    ...(end ? { endTime: end.time, ...(end.date !== start.date ? { endDate: end.date } : {}) } : {}),
  }
}

/**
 * When an entry takes place, in words: `maandag 16 maart 2015, 10:00–11:30`,
 * `16 maart 2015 (hele dag)`, or with `dateless` only the times (`10:00–11:30`) for day lists.
 */
export function describeWhen(entry: EntryTimes, locale: Locale, timeZone: string, dateless = false): string {
  const t = entryLocalTimes(entry, timeZone)
  const { until, allDay } = WORDS[locale]
  if (entry.allDay) {
    const range = t.endDate ? ` ${until} ${formatDate(t.endDate, locale, 'short')}` : ''
    return dateless ? `${allDay}${range}` : `${formatDate(t.date, locale)}${range} (${allDay})`
  }
  const times = t.endTime
    ? `${t.startTime}–${t.endDate ? `${formatDate(t.endDate, locale, 'short')} ` : ''}${t.endTime}`
    : t.startTime!
  return dateless ? times : `${formatDate(t.date, locale)}, ${times}`
}

/** A weekday's short name for a calendar's row: `abbreviateWeekday('2015-03-16', 'nl')` is `ma`. */
export function abbreviateWeekday(date: string, locale: Locale): string {
  return formatter(locale, { weekday: 'short', timeZone: 'UTC' }).format(calendarDay(date))
}
