import { formatDate } from './labels.js'
import { WORDS } from './catalogue.js'
import type { EntryKind, Locale } from '../model/vocabulary.js'

/**
 * The counting words of digests and annual reports ("3 adviesgesprekken", "ma 16 mrt"), in Dutch
 * and English. The nouns live in the catalogue (catalogue.ts); the days and months come from `Intl`.
 */

/** "3 adviesgesprekken", "1 lezing", "2 lectures". */
export function countKind(count: number, kind: EntryKind, locale: Locale): string {
  const [one, many] = WORDS[locale].kindNouns[kind]
  return `${count} ${count === 1 ? one : many}`
}

/** "1 afspraak" / "3 afspraken", "1 appointment" / "3 appointments". */
export function countAppointments(count: number, locale: Locale): string {
  const [one, many] = WORDS[locale].appointments
  return `${count} ${count === 1 ? one : many}`
}

/** `shortDay('2015-03-16', 'nl')` is "ma 16 mrt", in English "Mon 16 Mar". */
export function shortDay(date: string, locale: Locale): string {
  return formatDate(date, locale, 'short-day')
}
