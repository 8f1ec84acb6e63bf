import { isoWeekOf, isoWeekRange } from '../time/iso-weeks.js'
import { addDays } from '../time/dates.js'
import { entryLocalTimes } from '../words/labels.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import { compareText, slugify } from '../model/slug.js'
import { ORGANISATION_TYPES, type CounterpartType } from '../model/vocabulary.js'

/**
 * The agenda arranged the ways readers look at it: by day, ISO week, month and year, by theme and
 * by organisation. Built once per site build in one pass over the entries (no per-page scans),
 * and shared by pages, feeds and the digest so that "this week" means the same everywhere.
 */

type IndexedEntry = Pick<
  PublicEntry,
  'id' | 'start' | 'end' | 'allDay' | 'timezone' | 'visibility' | 'themes' | 'counterparts' | 'withdrawn'
>

export interface Counts {
  public: number
  restricted: number
}
export interface Group<E> {
  slug: string
  name: string
  entries: E[]
}
export interface OrganisationGroup<E> extends Group<E> {
  type: CounterpartType
}

export interface AgendaIndex<E> {
  timezone: string
  /** Local start date (`YYYY-MM-DD`) of each entry in the agenda's zone. */
  dateOf(entry: E): string
  /** Entries starting on a local day, week (`2015-W12`), month (`2015-03`) or year (`2015`), in time order. */
  onDay(date: string): E[]
  inWeek(week: string): E[]
  inMonth(month: string): E[]
  inYear(year: string): E[]
  /**
   * Every week, month and year from the first entry to the last, empty ones too, and the
   * current one (`today`) even when it lies beyond: oldest first.
   */
  weeks: string[]
  months: string[]
  years: string[]
  /** Themes and organisations by name, with their entries newest first. */
  themes: Group<E>[]
  organisations: OrganisationGroup<E>[]
}

/** What a set of entries counts: the public ones and the withheld (restricted) ones. Private ones count nowhere. */
export function countEntries(entries: readonly Pick<PublicEntry, 'visibility'>[]): Counts {
  let restricted = 0
  for (const e of entries) if (e.visibility === 'restricted') restricted++
  return { public: entries.length - restricted, restricted }
}

export function buildAgendaIndex<E extends IndexedEntry>(
  entries: readonly E[],
  options: { timezone: string; today: string },
): AgendaIndex<E> {
  const dates = new Map<E, string>()
  const buckets = {
    day: new Map<string, E[]>(),
    week: new Map<string, E[]>(),
    month: new Map<string, E[]>(),
    year: new Map<string, E[]>(),
  }
  const put = (map: Map<string, E[]>, key: string, entry: E) => {
    const list = map.get(key)
    if (list) list.push(entry)
    else map.set(key, [entry])
  }
  const ordered = inAgendaOrder(entries)
  for (const entry of ordered) {
    const date = entryLocalTimes(entry, options.timezone).date
    dates.set(entry, date)
    put(buckets.day, date, entry)
    put(buckets.week, isoWeekOf(date), entry)
    put(buckets.month, date.slice(0, 7), entry)
    put(buckets.year, date.slice(0, 4), entry)
  }
  const days = [...buckets.day.keys()].sort()
  const [first, last] = [days[0] ?? options.today, days.at(-1) ?? options.today]
  const withToday = (list: string[], today: string) => (list.includes(today) ? list : [...list, today].sort())
  const newestFirst = [...ordered].reverse()
  return {
    timezone: options.timezone,
    dateOf: (entry) => dates.get(entry) ?? entryLocalTimes(entry, options.timezone).date,
    onDay: (date) => buckets.day.get(date) ?? [],
    inWeek: (week) => buckets.week.get(week) ?? [],
    inMonth: (month) => buckets.month.get(month) ?? [],
    inYear: (year) => buckets.year.get(year) ?? [],
    weeks: withToday(weeksBetween(first, last), isoWeekOf(options.today)),
    months: withToday(monthsBetween(first, last), options.today.slice(0, 7)),
    years: withToday(
      monthsBetween(first, last)
        .filter((m, i) => i === 0 || m.endsWith('-01'))
        .map((m) => m.slice(0, 4)),
      options.today.slice(0, 4),
    ),
    themes: themesOf(newestFirst),
    organisations: groupBy(newestFirst, (e) => (e.visibility === 'public' && !e.withdrawn ? e.counterparts : []))
      .map((g) => ({ ...g, type: g.type as CounterpartType }))
      .sort((a, b) => typeRank(a.type) - typeRank(b.type) || compareText(a.slug, b.slug)),
  }
}

function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = []
  const lastWeek = isoWeekOf(last)
  for (let monday = isoWeekRange(isoWeekOf(first))!.from; ; monday = addDays(monday, 7)) {
    const week = isoWeekOf(monday)
    weeks.push(week)
    if (week === lastWeek) return weeks
  }
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))]
  const end = last.slice(0, 7)
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    months.push(month)
    if (month >= end) return months
    if (++m > 12) {
      m = 1
      y++
    }
  }
}

const typeRank = (type: string) => {
  const i = (ORGANISATION_TYPES as readonly string[]).indexOf(type)
  return i < 0 ? ORGANISATION_TYPES.length : i
}

/** Entries by start instant, then id: the agenda's order, oldest first. */
function inAgendaOrder<E extends IndexedEntry>(entries: readonly E[]): E[] {
  return entries
    .map((entry) => ({ entry, at: Date.parse(entry.start) }))
    .sort((a, b) => a.at - b.at || compareText(a.entry.id, b.entry.id))
    .map(({ entry }) => entry)
}

/**
 * The agenda's themes (as `buildAgendaIndex` has them), without the rest of the index: the theme
 * calendars need no weeks or days (functions/core/publishing/timeline-files.ts).
 */
export const themeGroups = <E extends IndexedEntry>(entries: readonly E[]): Group<E>[] =>
  themesOf(inAgendaOrder(entries).reverse())

/** Public entries that are not withdrawn, by theme, in the order given. */
const themesOf = <E extends IndexedEntry>(entries: readonly E[]): Group<E>[] =>
  groupBy(entries, (e) =>
    e.visibility === 'public' && !e.withdrawn ? e.themes.map((t) => ({ name: t, type: undefined })) : [],
  )

/**
 * Groups entries by name, ignoring case, accents and punctuation (the slug), so "Open overheid"
 * and "open Overheid" are one theme. A group is named by its most used spelling.
 */
function groupBy<E>(
  entries: readonly E[],
  namesOf: (e: E) => readonly { name: string; type?: string }[],
): (Group<E> & { type?: string })[] {
  const groups = new Map<string, { entries: E[]; spellings: Map<string, number>; types: Map<string, number> }>()
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  for (const entry of entries) {
    const seen = new Set<string>()
    for (const { name, type } of namesOf(entry)) {
      const slug = slugify(name)
      let group = groups.get(slug)
      if (!group) groups.set(slug, (group = { entries: [], spellings: new Map(), types: new Map() }))
      bump(group.spellings, name)
      if (type) bump(group.types, type)
      if (!seen.has(slug)) {
        group.entries.push(entry)
        seen.add(slug)
      }
    }
  }
  return [...groups]
    .map(([slug, g]) => ({ slug, name: mostUsed(g.spellings)!, type: mostUsed(g.types), entries: g.entries }))
    .sort((a, b) => compareText(a.slug, b.slug))
}

function mostUsed(counts: Map<string, number>): string | undefined {
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0]
}
