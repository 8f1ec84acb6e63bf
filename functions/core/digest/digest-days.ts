import { PRIVATE_PERSON_LABEL, type Locale } from '../model/vocabulary.js'
import { nameKey } from '../model/slug.js'
import { WORDS } from '../words/catalogue.js'
import { DIGEST_WORDS } from '../words/digest-words.js'
import { KIND_LABELS } from '../words/labels.js'
import { joinListParts } from '../words/natural-list.js'
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
  return digestItemFacts(item, locale)
    .map((part) => part.text)
    .join('')
}

/**
 * The facts line in pieces: `name` marks an organisation's name, which is content in the journal's
 * language; everything else ("met", "advies", "particulier") is in the reader's.
 */
export function digestItemFacts(item: PublicDigestItem, locale: Locale): { text: string; name: boolean }[] {
  const words = WORDS[locale]
  const names = digestCounterparts(item, locale)
  const withWhom = names.length > 0 ? [{ text: `${DIGEST_WORDS[locale].with} `, name: false }] : []
  for (const part of joinListParts(names, locale)) {
    withWhom.push({ text: part.text, name: part.item && part.text !== PRIVATE_PERSON_LABEL[locale] })
  }
  const groups = [
    [{ text: item.time ?? words.allDay, name: false }],
    [{ text: KIND_LABELS[locale][item.kind].toLocaleLowerCase(locale), name: false }],
    withWhom,
    words.digestStatuses[item.status] ? [{ text: words.digestStatuses[item.status]!, name: false }] : [],
  ].filter((group) => group.length > 0)
  return groups.flatMap((group, i) => (i > 0 ? [{ text: ' · ', name: false }, ...group] : group))
}
