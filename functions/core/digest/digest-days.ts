import { PRIVATE_PERSON_LABEL, type Locale } from '../model/vocabulary.js'
import { nameKey } from '../model/slug.js'
import { WORDS } from '../words/catalogue.js'
import { DIGEST_WORDS } from '../words/digest-words.js'
import { KIND_LABELS } from '../words/labels.js'
import { joinList } from '../words/natural-list.js'
import type { PublicDigestItem } from './public-digest.js'

/** How a digest is read, on its page and in its feed item: a heading per day, the items under it. */

export interface DigestDay<T> {
  /** Local day, `YYYY-MM-DD`. */
  date: string
  items: T[]
}

/**
 * The items grouped by day. Days come in the order of their first item and items keep their
 * order within a day, so an automatic (chronological) digest reads Monday to Sunday and the
 * servant's order is kept as far as a day-by-day account allows.
 */
export function digestDays<T extends { date: string }>(items: readonly T[]): DigestDay<T>[] {
  const days = new Map<string, T[]>()
  for (const item of items) days.set(item.date, [...(days.get(item.date) ?? []), item])
  return [...days].map(([date, dayItems]) => ({ date, items: dayItems }))
}

/** With whom, in the reader's language: a private individual reads "particulier" / "private individual", once. */
export function digestCounterparts(item: Pick<PublicDigestItem, 'counterparts'>, locale: Locale): string[] {
  const names = item.counterparts.map((c) => (c.type === 'private-person' ? PRIVATE_PERSON_LABEL[locale] : c.name))
  return [...new Map(names.map((name) => [nameKey(name), name])).values()]
}

/**
 * The facts line under an item's title, in the reader's language:
 * "10:00 · advies · met Gemeente Enschede en particulier", "all day · visit · cancelled".
 */
export function describeDigestItem(item: PublicDigestItem, locale: Locale): string {
  const words = WORDS[locale]
  const names = digestCounterparts(item, locale)
  return [
    item.time ?? words.allDay,
    KIND_LABELS[locale][item.kind].toLocaleLowerCase(locale),
    names.length > 0 ? `${DIGEST_WORDS[locale].with} ${joinList(names, locale)}` : '',
    words.digestStatuses[item.status] ?? '',
  ]
    .filter(Boolean)
    .join(' · ')
}
