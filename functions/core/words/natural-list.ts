import { LANGUAGE_TAGS } from './labels.js'
import type { Locale } from '../model/vocabulary.js'

const lists: Record<Locale, Intl.ListFormat> = {
  nl: new Intl.ListFormat(LANGUAGE_TAGS.nl, { type: 'conjunction' }),
  en: new Intl.ListFormat(LANGUAGE_TAGS.en, { type: 'conjunction' }),
}

/**
 * Joins words as a sentence would, through `Intl.ListFormat`: `a`, `a en b`, `a, b en c`. No comma
 * before the last word, as Dutch writes it and British English (`en-GB`) does too: `a, b and c`.
 *
 * @example joinList(['Almere', 'Arnhem', 'Enschede']) // 'Almere, Arnhem en Enschede'
 */
export function joinList(items: readonly string[], locale: Locale = 'nl'): string {
  return lists[locale].format(items)
}

/** `joinList` in pieces: each item, and the commas and "en"/"and" between them, for marking items up. */
export function joinListParts(items: readonly string[], locale: Locale = 'nl'): { text: string; item: boolean }[] {
  return lists[locale].formatToParts(items).map((part) => ({ text: part.value, item: part.type === 'element' }))
}

const collators: Record<Locale, Intl.Collator> = {
  nl: new Intl.Collator('nl', { sensitivity: 'base', numeric: true }),
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
}

/** Alphabetical order as a reader expects it: case and accents do not matter, 2 before 10. */
export function compareNames(a: string, b: string, locale: Locale = 'nl'): number {
  return collators[locale].compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
