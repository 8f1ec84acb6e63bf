import { weekRangeOrThrow } from '../time/iso-weeks.js'
import { byStartThenId, countEntries, localStartDate, organisationsOf } from '../privacy/counted-entries.js'
import { nameKey } from '../model/slug.js'
import type { Entry } from '../model/entry.js'
import { KIND_LABELS } from '../words/labels.js'
import { joinList } from '../words/natural-list.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import { entryPath } from '../publishing/paths.js'
import { WORDS } from '../words/catalogue.js'
import { shortDay } from '../words/summary-words.js'
import type { EntryKind, Locale } from '../model/vocabulary.js'

export const DIGEST_SIZE = 10
export const MAX_ITEMS_PER_COUNTERPART = 2
export const MAX_LINE_LENGTH = 280
/** The kinds that show what the servant brings to others, favoured as seed 004's "ten tweets" did. */
export const FAVOURED_KINDS: ReadonlySet<EntryKind> = new Set(['lecture', 'advice', 'visit'])

/** One line of "the week in ten items", linking to the entry it summarises. */
export interface DigestItem {
  entryId: string
  /** Local start day, `YYYY-MM-DD`. */
  date: string
  kind: EntryKind
  /** "ma 16 mrt · advies · Gemeente Enschede · zelfsturing", at most 280 characters. */
  line: string
  /** Site path of the entry, `/agenda/entry/<id>/`. */
  path: string
  /** The servant's one line about the item, plain text (curated digests only). */
  note?: string
}

export interface DigestSelection {
  week: string
  /** In chronological order. Empty when the week has no public entries (and so gets no digest). */
  items: DigestItem[]
  /** Public entries of the week that did not make the list. */
  moreCount: number
  /** Restricted or embargoed entries of the week (slots). Private entries are counted nowhere. */
  withheldCount: number
}

export interface DigestOptions {
  /** The journal's language and zone (`journalSettings`): the week's days and the lines' words. */
  locale: Locale
  timeZone: string
  /** Organisations (name keys) named before the entries given: lets a caller pass only the week's entries. */
  knownBefore?: ReadonlySet<string>
}

/**
 * Selects "the week in ten items" from a person's entries. Give it the week's entries and, so
 * first-time counterparts can be recognised, the earlier ones; later entries are ignored.
 *
 * The rule, applied to the week's public entries (Monday–Sunday in the journal's zone):
 * 1. Ten or fewer: all of them.
 * 2. More: rank them — lectures, advice and visits first, then the other kinds, cancelled
 *    appointments last; within a rank by start time, then by id.
 * 3. First-time counterparts get a place: walking the ranking, an entry naming an organisation
 *    that no earlier public entry named (and no chosen entry names yet) is taken.
 * 4. The remaining places are filled in ranking order.
 * In steps 3 and 4 an entry is skipped when taking it would show an organisation more than
 * twice. Private individuals ("particulier") are not organisations: they never count as first-time
 * and are not capped. The items are then listed chronologically. Withdrawn entries count nowhere;
 * restricted and embargoed ones only in `withheldCount`.
 *
 * @example selectDigest(entries, '2015-W12', new Date(), { timeZone: 'Europe/Amsterdam', locale: 'nl' }).items[0].line
 * // 'ma 16 mrt · advies · Gemeente Enschede · zelfsturing'
 */
export function selectDigest(entries: Entry[], week: string, now: Date, options: DigestOptions): DigestSelection {
  const { timeZone, locale } = options
  const counted = countEntries(entries, weekRangeOrThrow(week), {
    now,
    timeZone,
    locale,
    knownBefore: options.knownBefore,
  })
  const chosen = chooseItems(counted.published, counted.knownBefore)
  return {
    week,
    items: chosen.map((entry) => digestItem(entry, locale, timeZone)),
    moreCount: counted.published.length - chosen.length,
    withheldCount: counted.withheld.length,
  }
}

const rank = (e: PublicEntry) => (e.status === 'cancelled' ? 2 : FAVOURED_KINDS.has(e.kind) ? 0 : 1)

function chooseItems(published: PublicEntry[], knownBefore: ReadonlySet<string>): PublicEntry[] {
  if (published.length <= DIGEST_SIZE) return published
  const ranked = [...published].sort((a, b) => rank(a) - rank(b) || byStartThenId(a, b))
  const keysOf = (e: PublicEntry) => organisationsOf(e).map((c) => nameKey(c.name))
  const shown = new Map<string, number>()
  const chosen = new Set<PublicEntry>()
  const take = (e: PublicEntry) => {
    chosen.add(e)
    for (const k of keysOf(e)) shown.set(k, (shown.get(k) ?? 0) + 1)
  }
  const fits = (e: PublicEntry) =>
    !chosen.has(e) &&
    chosen.size < DIGEST_SIZE &&
    keysOf(e).every((k) => (shown.get(k) ?? 0) < MAX_ITEMS_PER_COUNTERPART)
  for (const e of ranked) {
    if (fits(e) && keysOf(e).some((k) => !knownBefore.has(k) && !shown.has(k))) take(e)
  }
  for (const e of ranked) if (fits(e)) take(e)
  return [...chosen].sort(byStartThenId)
}

/**
 * The one-line rendering: day · kind · counterparts (or, without any, the title) · themes ·
 * status when not as planned. Longer than 280 characters is cut with an ellipsis.
 */
export function digestLine(entry: PublicEntry, locale: Locale, timeZone: string): string {
  const date = localStartDate(entry, timeZone)
  const names = [...new Map(entry.counterparts.map((c) => [nameKey(c.name), c.name])).values()]
  const line = [
    shortDay(date, locale),
    KIND_LABELS[locale][entry.kind].toLocaleLowerCase(locale),
    names.length > 0 ? joinList(names, locale) : entry.title,
    entry.themes.join(', '),
    WORDS[locale].digestStatuses[entry.status],
  ]
    .filter(Boolean)
    .join(' · ')
  const chars = Array.from(line)
  return chars.length <= MAX_LINE_LENGTH
    ? line
    : `${chars
        .slice(0, MAX_LINE_LENGTH - 1)
        .join('')
        .trimEnd()}…`
}

/** The digest item of a public entry. */
export function digestItem(entry: PublicEntry, locale: Locale, timeZone: string): DigestItem {
  return {
    entryId: entry.id,
    date: localStartDate(entry, timeZone),
    kind: entry.kind,
    line: digestLine(entry, locale, timeZone),
    path: entryPath(entry.id),
  }
}
