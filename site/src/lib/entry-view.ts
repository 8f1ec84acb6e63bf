import { zonedParts } from '@core/time/index.js'
import { describeWhen, formatDate, KIND_LABELS, LANGUAGE_TAGS, STATUS_LABELS } from '@core/words/index.js'
import { PRIVATE_PERSON_LABEL, type Counterpart } from '@core/model/index.js'
import type { SnapshotEntry } from '@core/publishing/index.js'
import { STRINGS, type Locale } from './i18n.js'
import type { Journal } from './journal.js'

/**
 * How an entry reads on a page, in the reader's interface language. Restricted entries read as
 * a slot in that language; everything the author wrote stays as written.
 */
export function entryTitle(entry: SnapshotEntry, locale: Locale): string {
  return entry.visibility === 'restricted' ? STRINGS[locale].restrictedSlot : entry.title
}

export function counterpartName(c: Counterpart, locale: Locale): string {
  return c.type === 'private-person' ? PRIVATE_PERSON_LABEL[locale] : c.name
}

export const kindLabel = (entry: SnapshotEntry, locale: Locale) => KIND_LABELS[locale][entry.kind]
export const statusLabel = (entry: SnapshotEntry, locale: Locale) => STATUS_LABELS[locale][entry.status]
export const whenText = (entry: SnapshotEntry, locale: Locale, journal: Journal, dateless = false) =>
  describeWhen(entry, locale, journal.timezone, dateless)

/** The `lang` attribute for author-written text: set only when it differs from the page's language. */
export function contentLang(journal: Journal, locale: Locale): string | undefined {
  return journal.contentLocale === locale ? undefined : LANGUAGE_TAGS[journal.contentLocale]
}

/** `lang` for an entry's title: a restricted slot's label is in the interface language. */
export function titleLang(entry: SnapshotEntry, journal: Journal, locale: Locale): string | undefined {
  return entry.visibility === 'restricted' ? undefined : contentLang(journal, locale)
}

export { formatDate }

/** The local calendar date of an instant in the journal's zone. */
export function localDate(instant: string, journal: Journal): string {
  return zonedParts(new Date(instant), journal.timezone).date
}
