import { LOCALES, type Locale } from '../model/vocabulary.js'
import { buildAgendaIndex, type AgendaIndex } from './agenda-index.js'
import type { OrganisationEntry } from './organisation-snapshot.js'
import { monthPath, organisationPath, themeIcsPath, themePath, weekPath, yearPath } from './paths.js'

/**
 * Which of the agenda's own pages a change touches, so that a publish rebuilds those and not the
 * hundreds of others: on an organisation's site of 50 servants a change is one entry of 15,000.
 * The pages every change may alter (home, agenda, the indexes, feeds, calendars, open data,
 * sitemap) are always built; these are the pages there are many of.
 */
export interface AgendaPageKeys {
  /** ISO weeks (`2015-W12`), months (`2015-03`) and years (`2015`). */
  weeks: string[]
  months: string[]
  years: string[]
  /** Slugs of the theme and organisation pages. */
  themes: string[]
  organisations: string[]
}

export interface ChangedPages {
  /** Pages whose content differs, or that are new. */
  rebuild: AgendaPageKeys
  /** Pages that no longer exist: a published page of an organisation no longer met must go. */
  gone: AgendaPageKeys
}

/** A timeline as published: its entries, and the zone and day it was arranged for. */
export interface PublishedTimeline {
  entries: readonly OrganisationEntry[]
  timezone: string
  today: string
  /** The language its content is in: every page marks the content's language by it. */
  locale?: Locale
  /** The servants' names: every line of the agenda names whose appointment it is. */
  servants?: readonly { person: string; name: string }[]
  /**
   * Its agenda index (`arrangedTimeline`), when the caller kept it: a publisher comparing each
   * export with the last keeps the last one's rather than arrange all its entries again.
   */
  agenda?: AgendaIndex<OrganisationEntry>
}

export type ArrangedTimeline = PublishedTimeline & Required<Pick<PublishedTimeline, 'agenda'>>

/** The timeline with its agenda index, as its pages arrange it: in its zone, as of its day. */
export function arrangedTimeline(timeline: PublishedTimeline): ArrangedTimeline {
  const { entries, timezone, today, agenda } = timeline
  return { ...timeline, agenda: agenda ?? buildAgendaIndex(entries, { timezone, today }) }
}

/**
 * The agenda pages that differ between what was published (`before`) and what is to be
 * (`after`), or `everything` when the arrangement itself moved (another zone, day or language). A
 * page is rebuilt when it lists an entry that was added, removed or changed, before or after, or
 * whose servant is named otherwise; a period's page also when its neighbours (the previous and
 * next links) changed, and a year's when the months it lists did. A timeline that carries its
 * agenda index (`arrangedTimeline`) is not arranged again.
 */
export function changedAgendaPages(before: PublishedTimeline, after: PublishedTimeline): ChangedPages | 'everything' {
  const moved = before.timezone !== after.timezone || before.today !== after.today || before.locale !== after.locale
  if (moved) return 'everything'
  const changed = changedEntries(before, after)
  const [old, now] = [arrangedTimeline(before).agenda, arrangedTimeline(after).agenda]
  const touches = (entries: readonly OrganisationEntry[]) => entries.some((e) => changed.has(e))
  const periods = (
    keys: (a: AgendaIndex<OrganisationEntry>) => string[],
    inPeriod: PeriodLookup,
    listed: (a: AgendaIndex<OrganisationEntry>, key: string) => string = () => '',
  ) => {
    const [was, is] = [keys(old), keys(now)]
    const neighbours = (list: string[]) => new Map(list.map((key, i) => [key, `${list[i - 1]}|${list[i + 1]}`]))
    const [wasAround, isAround] = [neighbours(was), neighbours(is)]
    const rebuild = is.filter(
      (key) =>
        wasAround.get(key) !== isAround.get(key) ||
        listed(old, key) !== listed(now, key) ||
        touches(inPeriod(now, key)) ||
        touches(inPeriod(old, key)),
    )
    return { rebuild, gone: was.filter((key) => !isAround.has(key)) }
  }
  const groups = (of: (a: AgendaIndex<OrganisationEntry>) => { slug: string; entries: OrganisationEntry[] }[]) => {
    const [was, is] = [new Map(of(old).map((g) => [g.slug, g])), new Map(of(now).map((g) => [g.slug, g]))]
    const rebuild = [...is.values()]
      .filter((g) => !was.has(g.slug) || touches(g.entries) || touches(was.get(g.slug)?.entries ?? []))
      .map((g) => g.slug)
    return { rebuild, gone: [...was.keys()].filter((slug) => !is.has(slug)) }
  }
  const weeks = periods(
    (a) => a.weeks,
    (a, k) => a.inWeek(k),
  )
  const months = periods(
    (a) => a.months,
    (a, k) => a.inMonth(k),
  )
  // A year's page lists its months within the agenda's span, which an entry in another year can stretch.
  const years = periods(
    (a) => a.years,
    (a, k) => a.inYear(k),
    (a, k) => a.months.filter((m) => m.startsWith(k)).join(),
  )
  const themes = groups((a) => a.themes)
  const organisations = groups((a) => a.organisations)
  const pick = (side: 'rebuild' | 'gone'): AgendaPageKeys => ({
    weeks: weeks[side],
    months: months[side],
    years: years[side],
    themes: themes[side],
    organisations: organisations[side],
  })
  return { rebuild: pick('rebuild'), gone: pick('gone') }
}

type PeriodLookup = (agenda: AgendaIndex<OrganisationEntry>, key: string) => OrganisationEntry[]

/** The site paths (folders, and theme calendars) of the agenda pages `keys`, in every language. */
export function agendaPagePaths(keys: AgendaPageKeys): string[] {
  return [
    ...LOCALES.flatMap((locale) => [
      ...keys.weeks.map((w) => weekPath(w, locale)),
      ...keys.months.map((m) => monthPath(m, locale)),
      ...keys.years.map((y) => yearPath(y, locale)),
      ...keys.themes.map((slug) => themePath(slug, locale)),
      ...keys.organisations.map((slug) => organisationPath(slug, locale)),
    ]),
    ...keys.themes.map(themeIcsPath),
  ]
}

const identity = (entry: OrganisationEntry) => `${entry.person}/${entry.id}`

/**
 * The entries added, removed or changed in any field or in their servant's name (matched by
 * servant and id): both sides' objects of each. The same object on both sides (a servant's
 * snapshot kept between two exports, see `buildOrganisationSnapshot`) is unchanged without
 * comparing its fields.
 */
function changedEntries(before: PublishedTimeline, after: PublishedTimeline): Set<OrganisationEntry> {
  const names = ({ servants = [] }: PublishedTimeline) => new Map(servants.map((s) => [s.person, s.name]))
  const [wasNamed, isNamed] = [names(before), names(after)]
  const renamed = (person: string) => wasNamed.get(person) !== isNamed.get(person)
  const was = new Map(before.entries.map((e) => [identity(e), e]))
  const changed = new Set<OrganisationEntry>()
  for (const entry of after.entries) {
    const key = identity(entry)
    const old = was.get(key)
    was.delete(key)
    const same = old === entry || (old !== undefined && JSON.stringify(old) === JSON.stringify(entry))
    if (same && !renamed(entry.person)) continue
    changed.add(entry)
    if (old) changed.add(old)
  }
  for (const gone of was.values()) changed.add(gone)
  return changed
}
