import { zonedParts } from '../time/dates.js'
import { entryStartInstant, type Counterpart, type Entry } from '../model/entry.js'
import { toPublicEntry, type PublicEntry } from './public-projection.js'
import { nameKey } from '../model/slug.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * Which entries a digest or an annual report counts, decided once for both. Everything goes
 * through the public projection: private entries vanish, restricted and embargoed ones become
 * withheld slots, private individuals are "particulier". Withdrawn entries are left out entirely:
 * the journal says they were taken back, so no summary should count them.
 */
export interface CountedEntries {
  /** Public entries starting in the period, ordered by start, then id. */
  published: PublicEntry[]
  /** Restricted or embargoed entries starting in the period, as slots. */
  withheld: PublicEntry[]
  /** Keys (see `nameKey`) of organisations named by public entries before the period. */
  knownBefore: Set<string>
  /** Whether any public entry starts before the period: without one, nothing can be "new" in it. */
  hasEarlier: boolean
  /** When each published entry became public: `createdAt`, or `publishAfter` when that is later. */
  publicSince: Map<string, string>
}

export interface CountOptions {
  now: Date
  /** The journal's zone and language (`journalSettings`): days are counted there. */
  timeZone: string
  locale: Locale
  /** Organisations known from entries the caller did not pass (keys), e.g. when digesting week after week. */
  knownBefore?: ReadonlySet<string>
}

/**
 * The local calendar day an entry starts on; an all-day entry keeps its own date. Stored times
 * carry the wall clock of the entry's own zone (`2015-03-16T10:00:00+01:00`), so in that zone
 * the date is read off directly: digests of many weeks stay fast.
 */
export function localStartDate(entry: Pick<Entry, 'start' | 'allDay' | 'timezone'>, timeZone: string): string {
  return entry.allDay || entry.timezone === timeZone
    ? entry.start.slice(0, 10)
    : zonedParts(new Date(entry.start), timeZone).date
}

/** Chronological order with the id as tie-breaker, so equal start times still sort the same way every time. */
export function byStartThenId(a: PublicEntry, b: PublicEntry): number {
  return entryStartInstant(a).getTime() - entryStartInstant(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The organisations an entry names, each once. Private individuals are not organisations: they
 * cannot be told apart ("particulier"), so they neither count as a counterpart of their own nor
 * ever as a first-time one.
 */
export function organisationsOf(entry: Pick<PublicEntry, 'counterparts'>): Counterpart[] {
  const seen = new Set<string>()
  return entry.counterparts.filter((c) => {
    const key = nameKey(c.name)
    if (c.type === 'private-person' || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Adds the organisations a public entry names to `known` (a withheld slot names none). */
function addOrganisations(view: PublicEntry, known: Set<string>): void {
  if (view.visibility !== 'public' || view.withdrawn) return
  for (const c of organisationsOf(view)) known.add(nameKey(c.name))
}

/** Adds the organisations `entries` name in public to `known`: from then on they are not first-time. */
export function learnOrganisations(entries: readonly Entry[], now: Date, known: Set<string>): void {
  for (const entry of entries) {
    const view = toPublicEntry(entry, { now })
    if (view) addOrganisations(view, known)
  }
}

const later = (a: string, b: string | undefined) => (b !== undefined && Date.parse(b) > Date.parse(a) ? b : a)

/** Splits `entries` into what the period `from`..`to` (local days, inclusive) counts, plus what came before. */
export function countEntries(
  entries: readonly Entry[],
  period: { from: string; to: string },
  options: CountOptions,
): CountedEntries {
  const { timeZone } = options
  const result: CountedEntries = {
    published: [],
    withheld: [],
    knownBefore: new Set(options.knownBefore),
    hasEarlier: false,
    publicSince: new Map(),
  }
  for (const entry of entries) {
    const day = localStartDate(entry, timeZone)
    if (day > period.to) continue
    const view = toPublicEntry(entry, { now: options.now, locale: options.locale })
    if (!view || view.withdrawn) continue
    if (day < period.from) {
      addOrganisations(view, result.knownBefore)
      if (view.visibility === 'public') result.hasEarlier = true
    } else if (view.visibility === 'restricted') result.withheld.push(view)
    else {
      result.published.push(view)
      result.publicSince.set(entry.id, later(entry.createdAt, entry.publishAfter))
    }
  }
  result.published.sort(byStartThenId)
  result.withheld.sort(byStartThenId)
  return result
}
