import { zonedParts } from '../time/dates.js'
import { rememberedAnswers } from '../time/remembered.js'
import type { CounterpartType, EntryKind, EntryStatus, Locale } from '../model/vocabulary.js'

/**
 * Words and dates as a reader sees them, in Dutch and English. The site, the feeds, the iCal
 * export and the CSV all label things through here, so a kind or a status reads the same everywhere.
 */

type Labels<K extends string> = Record<Locale, Record<K, string>>

export const KIND_LABELS: Labels<EntryKind> = {
  nl: { meeting: 'Overleg', lecture: 'Lezing', advice: 'Advies', interview: 'Interview', visit: 'Werkbezoek', conference: 'Congres', board: 'Bestuursvergadering', media: 'Media', other: 'Overig' },
  en: { meeting: 'Meeting', lecture: 'Lecture', advice: 'Advice', interview: 'Interview', visit: 'Visit', conference: 'Conference', board: 'Board meeting', media: 'Media', other: 'Other' },
}

export const STATUS_LABELS: Labels<EntryStatus> = {
  nl: { planned: 'Gepland', held: 'Heeft plaatsgevonden', cancelled: 'Geannuleerd', moved: 'Verplaatst' },
  en: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled', moved: 'Moved' },
}

/** Organisation types as a heading over a group of organisations (plural). */
export const COUNTERPART_TYPE_LABELS: Labels<CounterpartType> = {
  nl: {
    gemeente: 'Gemeenten', provincie: 'Provincies', waterschap: 'Waterschappen', ministerie: 'Ministeries',
    uitvoeringsorganisatie: 'Uitvoeringsorganisaties', 'rechtspraak-om': 'Rechtspraak en OM', kennisinstelling: 'Kennisinstellingen',
    bedrijf: 'Bedrijven', media: 'Media', 'maatschappelijke-organisatie': 'Maatschappelijke organisaties',
    internationaal: 'Internationale organisaties', overig: 'Overige organisaties', 'private-person': 'Particulieren',
  },
  en: {
    gemeente: 'Municipalities', provincie: 'Provinces', waterschap: 'Water authorities', ministerie: 'Ministries',
    uitvoeringsorganisatie: 'Executive agencies', 'rechtspraak-om': 'Judiciary and public prosecution', kennisinstelling: 'Knowledge institutions',
    bedrijf: 'Companies', media: 'Media', 'maatschappelijke-organisatie': 'Civil society organisations',
    internationaal: 'International organisations', overig: 'Other organisations', 'private-person': 'Private individuals',
  },
}

/** One organisation's type, as shown beside its name: "Gemeente Enschede (gemeente)". */
export const COUNTERPART_TYPE_NAMES: Labels<CounterpartType> = {
  nl: {
    gemeente: 'gemeente', provincie: 'provincie', waterschap: 'waterschap', ministerie: 'ministerie',
    uitvoeringsorganisatie: 'uitvoeringsorganisatie', 'rechtspraak-om': 'rechtspraak of OM', kennisinstelling: 'kennisinstelling',
    bedrijf: 'bedrijf', media: 'media', 'maatschappelijke-organisatie': 'maatschappelijke organisatie',
    internationaal: 'internationale organisatie', overig: 'overig', 'private-person': 'particulier',
  },
  en: {
    gemeente: 'municipality', provincie: 'province', waterschap: 'water authority', ministerie: 'ministry',
    uitvoeringsorganisatie: 'executive agency', 'rechtspraak-om': 'judiciary or prosecution', kennisinstelling: 'knowledge institution',
    bedrijf: 'company', media: 'media', 'maatschappelijke-organisatie': 'civil society organisation',
    internationaal: 'international organisation', overig: 'other', 'private-person': 'private individual',
  },
}

/** BCP 47 tags for `Intl` and `<html lang>`. */
export const LANGUAGE_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' }

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], options)))
  return f
}

const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`)

/** `formatDate('2015-03-16', 'nl')` is `maandag 16 maart 2015`; `style: 'short'` gives `16 mrt 2015`. */
export function formatDate(date: string, locale: Locale, style: 'long' | 'short' | 'day' = 'long'): string {
  return formattedDate(`${date}|${locale}|${style}`, () => formatCalendarDay(date, locale, style))
}

/** A site build formats the same few thousand days tens of thousands of times. */
const formattedDate = rememberedAnswers<string>(100_000)

function formatCalendarDay(date: string, locale: Locale, style: 'long' | 'short' | 'day'): string {
  const options: Intl.DateTimeFormatOptions = style === 'long'
    ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : style === 'short' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }
  return formatter(locale, options).format(calendarDay(date))
}

/** `formatMonth('2015-03', 'en')` is `March 2015`. */
export function formatMonth(month: string, locale: Locale, withYear = true): string {
  return formatter(locale, { month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(calendarDay(`${month}-01`))
}

/** An instant as `16 maart 2015 10:00` in a zone: for "changed on …" lines. */
export function formatInstant(instant: string, locale: Locale, timeZone: string): string {
  const { date, time } = zonedParts(new Date(instant), timeZone)
  return `${formatDate(date, locale, 'short')} ${time}`
}

export interface EntryTimes { start: string; end?: string; allDay: boolean; timezone: string }

type LocalTimes = { date: string; startTime?: string; endDate?: string; endTime?: string }

/** Pages ask for the same entry's times many times (lists, pages, feeds). */
const localTimes = rememberedAnswers<LocalTimes>(100_000)

/** Local date and time of an entry's start (and end) in `timeZone`. */
export function entryLocalTimes(entry: EntryTimes, timeZone: string): LocalTimes {
  return localTimes(`${entry.start}|${entry.end ?? ''}|${entry.allDay}|${timeZone}`, () => computeLocalTimes(entry, timeZone))
}

function computeLocalTimes(entry: EntryTimes, timeZone: string): LocalTimes {
  if (entry.allDay) return { date: entry.start, ...(entry.end && entry.end !== entry.start ? { endDate: entry.end } : {}) }
  const start = zonedParts(new Date(entry.start), timeZone)
  const end = entry.end ? zonedParts(new Date(entry.end), timeZone) : undefined
  return {
    date: start.date, startTime: start.time,
    ...(end ? { endTime: end.time, ...(end.date !== start.date ? { endDate: end.date } : {}) } : {}),
  }
}

/**
 * When an entry takes place, in words: `maandag 16 maart 2015, 10:00–11:30`,
 * `16 maart 2015 (hele dag)`, or with `dateless` only the times (`10:00–11:30`) for day lists.
 */
export function describeWhen(entry: EntryTimes, locale: Locale, timeZone: string, dateless = false): string {
  const t = entryLocalTimes(entry, timeZone)
  const until = locale === 'nl' ? 't/m' : 'to'
  if (entry.allDay) {
    const range = t.endDate ? ` ${until} ${formatDate(t.endDate, locale, 'short')}` : ''
    const allDay = locale === 'nl' ? 'hele dag' : 'all day'
    return dateless ? `${allDay}${range}` : `${formatDate(t.date, locale)}${range} (${allDay})`
  }
  const times = t.endTime ? `${t.startTime}–${t.endDate ? `${formatDate(t.endDate, locale, 'short')} ` : ''}${t.endTime}` : t.startTime!
  return dateless ? times : `${formatDate(t.date, locale)}, ${times}`
}
