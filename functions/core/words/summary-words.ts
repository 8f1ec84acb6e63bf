import type { EntryKind, Locale } from '../model/vocabulary.js'

/**
 * The counting words of digests and annual reports ("3 adviesgesprekken", "ma 16 mrt"), in Dutch
 * and English. Labels shared with the site (kind names, organisation types) live in labels.ts.
 */

const KIND_NOUNS: Record<Locale, Record<EntryKind, readonly [one: string, many: string]>> = {
  nl: {
    meeting: ['overleg', 'overleggen'], lecture: ['lezing', 'lezingen'], advice: ['adviesgesprek', 'adviesgesprekken'],
    interview: ['interview', 'interviews'], visit: ['werkbezoek', 'werkbezoeken'], conference: ['congres', 'congressen'],
    board: ['bestuursvergadering', 'bestuursvergaderingen'], media: ['media-optreden', 'media-optredens'], other: ['andere afspraak', 'andere afspraken'],
  },
  en: {
    meeting: ['meeting', 'meetings'], lecture: ['lecture', 'lectures'], advice: ['advisory meeting', 'advisory meetings'],
    interview: ['interview', 'interviews'], visit: ['working visit', 'working visits'], conference: ['conference', 'conferences'],
    board: ['board meeting', 'board meetings'], media: ['media appearance', 'media appearances'], other: ['other appointment', 'other appointments'],
  },
}

/** "3 adviesgesprekken", "1 lezing", "2 lectures". */
export function countKind(count: number, kind: EntryKind, locale: Locale): string {
  const [one, many] = KIND_NOUNS[locale][kind]
  return `${count} ${count === 1 ? one : many}`
}

/** "1 afspraak" / "3 afspraken", "1 appointment" / "3 appointments". */
export function countAppointments(count: number, locale: Locale): string {
  const [one, many] = locale === 'nl' ? ['afspraak', 'afspraken'] : ['appointment', 'appointments']
  return `${count} ${count === 1 ? one : many}`
}

const WEEKDAYS: Record<Locale, readonly string[]> = {
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
}
const MONTHS: Record<Locale, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}
/** Dutch abbreviates March as "mrt", not "maa". */
const SHORT_MONTHS: Record<Locale, readonly string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: MONTHS.en.map((m) => m.slice(0, 3)),
}

/** `shortDay('2015-03-16', 1, 'nl')` is "ma 16 mrt" (`isoWeekday`: 1 = Monday … 7 = Sunday). */
export function shortDay(date: string, isoWeekday: number, locale: Locale): string {
  return `${WEEKDAYS[locale][isoWeekday - 1]} ${Number(date.slice(8, 10))} ${SHORT_MONTHS[locale][Number(date.slice(5, 7)) - 1]}`
}

/** `2015-06-30` → "30 juni 2015" / "30 June 2015". */
export function dayMonthYear(date: string, locale: Locale): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[locale][Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`
}

/** `2015-03` → "maart 2015" / "March 2015". */
export function monthYear(month: string, locale: Locale): string {
  return `${MONTHS[locale][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}
