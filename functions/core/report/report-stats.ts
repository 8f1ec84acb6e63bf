import { countEntries, localStartDate, organisationsOf } from '../privacy/counted-entries.js'
import { nameKey } from '../model/slug.js'
import { entryStartInstant, type Entry } from '../model/entry.js'
import { compareNames } from '../words/natural-list.js'
import { periodSchema } from '../model/post.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import { parseWith, ValidationError } from '../model/validation.js'
import { ENTRY_KINDS, ORGANISATION_TYPES, type EntryKind, type Locale } from '../model/vocabulary.js'

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]
export interface ReportPeriod {
  from: string
  to: string
}

/** A number and the entries behind it, so every figure in a report can link to what it counts. */
export interface Figure {
  count: number
  entryIds: string[]
}
export interface OrganisationFigure extends Figure {
  name: string
  type: OrganisationType
  /** The kinds of the entries naming it: the draft lists advice and lectures apart from other contacts. */
  kinds: EntryKind[]
  /** Named by no public entry before the period, in a journal that has earlier public entries. */
  firstTime: boolean
}
export interface ReportStats {
  period: ReportPeriod
  /**
   * The appointments of the period: public entries that took place or are still to come. What
   * every other figure counts, and what a report's text must say. Cancelled entries are not in it,
   * nor moved ones: a moved appointment is counted at its new date, as the entry made for it.
   */
  total: Figure
  /** Non-zero kinds in vocabulary order; the counts add up to `total`. */
  byKind: (Figure & { kind: EntryKind })[]
  /** Organisations grouped by type (government first), alphabetical; `count` is the entries naming one of the group. */
  organisationTypes: (Figure & { type: OrganisationType; organisations: OrganisationFigure[] })[]
  /** `count` distinct organisations; `entryIds` the entries naming at least one. */
  organisations: Figure
  /**
   * Organisations met for the first time; `count` organisations, `entryIds` the entries naming them.
   * Absent when no public entry starts before the period (the journal's first year): there is
   * nothing to be new against, and "all of them" would only repeat `organisations`.
   */
  firstTimeOrganisations?: Figure & { names: string[] }
  /** Entries with a private individual, counted, never named. */
  privateIndividuals: Figure
  /** By count (most first), then alphabetically. */
  themes: (Figure & { theme: string })[]
  /** Every month of the period, empty months included. */
  perMonth: (Figure & { month: string })[]
  /** Restricted or embargoed entries in the period (slots on the site). */
  withheld: Figure
  /** Public entries in the period that were cancelled; not in `total`. */
  cancelled: Figure
  /** Public entries in the period that were moved to another date; not in `total` (their new date is). */
  moved: Figure
  /**
   * Entries naming both a subject (a non-empty summary or at least one theme; the title does not
   * count, every entry has one) and a counterpart (a private individual counts). `share` is
   * `count / total.count`, null without entries.
   */
  subjectAndCounterpart: Figure & { share: number | null }
  /**
   * Median days from an appointment's start to its publication (`createdAt`, or `publishAfter`
   * when later), one decimal; negative when announced in advance. Null without entries.
   */
  publicationDelay: { medianDays: number | null; entryIds: string[] }
}

/** The period of a report: two calendar dates, `to` not before `from`, at most two years apart. */
export function parseReportPeriod(raw: unknown): ReportPeriod {
  const period = parseWith(periodSchema, raw)
  if (period.to < period.from) throw new ValidationError([{ field: 'to', reason: 'must be on or after from' }])
  if ((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 > 731)
    throw new ValidationError([{ field: 'to', reason: 'may lie at most two years after from' }])
  return period
}

const figure = (entries: readonly PublicEntry[]): Figure => ({
  count: entries.length,
  entryIds: entries.map((e) => e.id),
})

/**
 * The figures of an annual report for `period` (local days, inclusive; any span, e.g. July–June).
 * Pass the entries up to the period's end: the earlier ones tell which organisations are new.
 * Only the public projection is counted: private entries nowhere, restricted ones as `withheld`.
 *
 * @example reportStats(entries, { from: '2014-07-01', to: '2015-06-30' }, new Date(), {
 *   timeZone: 'Europe/Amsterdam',
 *   locale: 'nl',
 * }).byKind
 * // [{ kind: 'lecture', count: 8, entryIds: [...] }, { kind: 'advice', count: 12, entryIds: [...] }]
 */
export function reportStats(
  entries: Entry[],
  period: ReportPeriod,
  now: Date,
  options: { timeZone: string; locale: Locale },
): ReportStats {
  const { timeZone } = options
  const counted = countEntries(entries, period, { now, ...options })
  const held = counted.published.filter(tookPlace)
  const organisations = organisationFigures(held, counted.hasEarlier ? counted.knownBefore : undefined)
  const firstTime = organisations.filter((o) => o.firstTime)
  const namingSubject = held.filter(
    (e) => e.counterparts.length > 0 && ((e.summary ?? '').trim() !== '' || e.themes.length > 0),
  )
  return {
    period,
    total: figure(held),
    byKind: ENTRY_KINDS.map((kind) => ({ kind, ...figure(held.filter((e) => e.kind === kind)) })).filter(
      (k) => k.count > 0,
    ),
    organisationTypes: ORGANISATION_TYPES.map((type) => {
      const group = organisations.filter((o) => o.type === type)
      return { type, ...figure(held.filter((e) => group.some((o) => o.entryIds.includes(e.id)))), organisations: group }
    }).filter((g) => g.organisations.length > 0),
    organisations: {
      count: organisations.length,
      entryIds: held.filter((e) => organisationsOf(e).length > 0).map((e) => e.id),
    },
    ...(counted.hasEarlier
      ? {
          firstTimeOrganisations: {
            count: firstTime.length,
            names: firstTime.map((o) => o.name),
            entryIds: held.filter((e) => firstTime.some((o) => o.entryIds.includes(e.id))).map((e) => e.id),
          },
        }
      : {}),
    privateIndividuals: figure(held.filter((e) => e.counterparts.some((c) => c.type === 'private-person'))),
    themes: themeFigures(held),
    perMonth: monthsOf(period).map((month) => ({
      month,
      ...figure(held.filter((e) => localStartDate(e, timeZone).startsWith(month))),
    })),
    withheld: figure(counted.withheld),
    cancelled: figure(counted.published.filter((e) => e.status === 'cancelled')),
    moved: figure(counted.published.filter((e) => e.status === 'moved')),
    subjectAndCounterpart: {
      ...figure(namingSubject),
      share: held.length > 0 ? namingSubject.length / held.length : null,
    },
    publicationDelay: {
      medianDays: median(
        held.map((e) => (Date.parse(counted.publicSince.get(e.id)!) - entryStartInstant(e).getTime()) / 86_400_000),
      ),
      entryIds: held.map((e) => e.id),
    },
  }
}

/** Held or still planned: a cancelled appointment did not take place, a moved one took place elsewhen. */
const tookPlace = (e: PublicEntry) => e.status !== 'cancelled' && e.status !== 'moved'

/**
 * One figure per organisation (keyed by name, however spelled); its first spelling and type win.
 * Without `knownBefore` (no earlier year) no organisation is first-time.
 */
function organisationFigures(
  held: readonly PublicEntry[],
  knownBefore: ReadonlySet<string> | undefined,
): OrganisationFigure[] {
  const byKey = new Map<string, OrganisationFigure>()
  for (const entry of held) {
    for (const c of organisationsOf(entry)) {
      const key = nameKey(c.name)
      const found = byKey.get(key) ?? {
        name: c.name,
        type: c.type as OrganisationType,
        kinds: [],
        firstTime: knownBefore !== undefined && !knownBefore.has(key),
        count: 0,
        entryIds: [],
      }
      found.count += 1
      found.entryIds.push(entry.id)
      if (!found.kinds.includes(entry.kind)) found.kinds.push(entry.kind)
      byKey.set(key, found)
    }
  }
  return [...byKey.values()]
    .map((o) => ({ ...o, kinds: ENTRY_KINDS.filter((k) => o.kinds.includes(k)) }))
    .sort((a, b) => compareNames(a.name, b.name))
}

function themeFigures(held: readonly PublicEntry[]): (Figure & { theme: string })[] {
  const byKey = new Map<string, Figure & { theme: string }>()
  for (const entry of held) {
    for (const theme of new Set(entry.themes)) {
      const found = byKey.get(nameKey(theme)) ?? { theme, count: 0, entryIds: [] }
      if (found.entryIds.includes(entry.id)) continue
      found.count += 1
      found.entryIds.push(entry.id)
      byKey.set(nameKey(theme), found)
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || compareNames(a.theme, b.theme))
}

/** `2014-07` … `2015-06` for a July–June period. */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = []
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = nextMonth(month)) months.push(month)
  return months
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return Math.round(value * 10) / 10
}
