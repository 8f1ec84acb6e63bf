import type { Locale } from '../model/vocabulary.js'

const AND: Record<Locale, string> = { nl: 'en', en: 'and' }

/**
 * Joins words as a sentence would: `a`, `a en b`, `a, b en c` (no comma before the last word, as
 * Dutch writes it; the English draft follows the same house style: `a, b and c`).
 *
 * @example joinList(['Almere', 'Arnhem', 'Enschede']) // 'Almere, Arnhem en Enschede'
 */
export function joinList(items: readonly string[], locale: Locale = 'nl'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${AND[locale]} ${items.at(-1)}`
}

const collators: Record<Locale, Intl.Collator> = {
  nl: new Intl.Collator('nl', { sensitivity: 'base', numeric: true }),
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
}

/** Alphabetical order as a reader expects it: case and accents do not matter, 2 before 10. */
export function compareNames(a: string, b: string, locale: Locale = 'nl'): number {
  return collators[locale].compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}
