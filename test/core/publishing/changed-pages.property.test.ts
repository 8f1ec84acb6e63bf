import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildAgendaIndex,
  changedAgendaPages,
  type AgendaPageKeys,
  type OrganisationEntry,
  type PublishedTimeline,
} from '../../../functions/core/publishing/index.js'

/**
 * Over random sequences of edits, a partial publish rebuilds every agenda page whose content
 * differs and removes exactly the pages that no longer exist. The oracle renders each page's
 * content the brute-force way, from the agenda index alone (what the page templates read: the
 * entries listed, their servants' names, the period links, a year's list of months), and compares
 * every page before and after; it does not use `changedAgendaPages`.
 */
const DAYS = ['2014-12-29', '2015-01-02', '2015-03-03', '2015-03-10', '2015-03-31', '2015-06-09', '2016-01-04']
const THEMES = ['open data', 'Open Data', 'zelfsturing', 'water']
const COUNTERPARTS = [
  { name: 'Gemeente Utrecht', type: 'gemeente' },
  { name: 'gemeente utrecht', type: 'overig' },
  { name: 'Jan Jansen', type: 'private-person' },
  { name: 'Rijkswaterstaat', type: 'uitvoeringsorganisatie' },
] as const

type Shape = Pick<OrganisationEntry, 'person' | 'start' | 'visibility' | 'title' | 'themes' | 'counterparts'> & {
  withdrawn: boolean
}
const shape = fc.record({
  person: fc.constantFrom('anna', 'bram'),
  start: fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom('T09:00', 'T23:30')).map(([d, t]) => `${d}${t}`),
  visibility: fc.constantFrom('public' as const, 'restricted' as const),
  title: fc.constantFrom('Overleg', 'Werkbezoek'),
  themes: fc.subarray(THEMES, { maxLength: 2 }),
  counterparts: fc.subarray([...COUNTERPARTS], { maxLength: 2 }),
  withdrawn: fc.boolean(),
})

type Edit =
  | { kind: 'add'; id: number; entry: Shape }
  | { kind: 'change'; id: number; entry: Partial<Shape> }
  | { kind: 'remove'; id: number }
  | { kind: 'rename'; person: 'anna' | 'bram'; name: string }
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.nat(7), entry: shape }),
  fc.record({
    kind: fc.constant('change' as const),
    id: fc.nat(7),
    entry: shape.chain((s) => fc.subarray(Object.entries(s)).map(Object.fromEntries)),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.nat(7) }),
  fc.record({
    kind: fc.constant('rename' as const),
    person: fc.constantFrom('anna' as const, 'bram' as const),
    name: fc.constantFrom('A', 'B', 'C'),
  }),
)

interface State {
  entries: Map<number, Shape>
  names: Map<string, string>
}
function apply(state: State, e: Edit): State {
  const entries = new Map(state.entries)
  const names = new Map(state.names)
  if (e.kind === 'add') entries.set(e.id, e.entry)
  if (e.kind === 'change' && entries.has(e.id)) entries.set(e.id, { ...entries.get(e.id)!, ...e.entry })
  if (e.kind === 'remove') entries.delete(e.id)
  if (e.kind === 'rename') names.set(e.person, e.name)
  return { entries, names }
}

/**
 * The timeline as exported. With `made`, an entry no edit touched is the same object as before, as
 * a publisher passes it that kept the servant's snapshot (`buildOrganisationSnapshot`).
 */
function published(
  { entries, names }: State,
  today: string,
  made?: WeakMap<Shape, OrganisationEntry>,
): PublishedTimeline {
  const list = [...entries].map(([id, s]): OrganisationEntry => {
    const kept = made?.get(s)
    if (kept?.id === entryId(id)) return kept
    const entry = exported(id, s)
    made?.set(s, entry)
    return entry
  })
  return {
    entries: list,
    timezone: 'Europe/Amsterdam',
    today,
    locale: 'nl',
    servants: [...names].map(([person, name]) => ({ person, name })),
  }
}

const entryId = (id: number) => `01E${String(id).padStart(23, '0')}`

function exported(id: number, s: Shape): OrganisationEntry {
  const { withdrawn, ...rest } = s
  return {
    id: entryId(id),
    allDay: false,
    timezone: 'Europe/Amsterdam',
    kind: 'meeting',
    status: 'held',
    links: [],
    createdAt: '2015-01-01T00:00:00Z',
    updatedAt: '2015-01-01T00:00:00Z',
    version: 1,
    ...rest,
    start: new Date(`${s.start}:00+01:00`).toISOString(),
    ...(withdrawn && { withdrawn: { at: '2015-04-01T00:00:00Z', reason: 'dubbel' } }),
  } as OrganisationEntry
}

/** Every agenda page's content, by kind and key, rendered from the index the pages read. */
function pages(t: PublishedTimeline): Record<keyof AgendaPageKeys, Map<string, string>> {
  const agenda = buildAgendaIndex(t.entries, t)
  const names = new Map((t.servants ?? []).map((s) => [s.person, s.name]))
  const shown = (list: OrganisationEntry[]) => list.map((e) => [e, names.get(e.person)])
  const period = (keys: string[], inIt: (k: string) => OrganisationEntry[], extra = (_k: string): unknown => null) =>
    new Map(keys.map((k, i) => [k, JSON.stringify([shown(inIt(k)), keys[i - 1], keys[i + 1], extra(k)])]))
  return {
    weeks: period(agenda.weeks, agenda.inWeek),
    months: period(agenda.months, agenda.inMonth),
    // A year's page lists its months within the agenda's span, with their counts.
    years: period(agenda.years, agenda.inYear, (y) => agenda.months.filter((m) => m.startsWith(y))),
    themes: new Map(agenda.themes.map((g) => [g.slug, JSON.stringify([g.name, shown(g.entries)])])),
    organisations: new Map(
      agenda.organisations.map((g) => [g.slug, JSON.stringify([g.name, g.type, shown(g.entries)])]),
    ),
  }
}

const KINDS = ['weeks', 'months', 'years', 'themes', 'organisations'] as const

describe('the agenda pages a change touches, over random edits', () => {
  // Today inside the entries' span, and past it (today's month and year are on the agenda, empty);
  // every entry a new object, or the untouched ones kept (the same objects on both sides).
  it.each([
    ['2015-06-10', 'new'],
    ['2016-02-10', 'new'],
    ['2015-06-10', 'kept'],
  ])(
    'rebuilds every page whose content differs or is new, and removes exactly the pages gone (today %s, entries %s)',
    (today, objects) => {
      const start: State = {
        entries: new Map(),
        names: new Map([
          ['anna', 'Anna'],
          ['bram', 'Bram'],
        ]),
      }
      fc.assert(
        fc.property(
          fc.array(edit, { maxLength: 8 }),
          fc.array(edit, { minLength: 1, maxLength: 3 }),
          (setup, change) => {
            const before = setup.reduce(apply, start)
            const after = change.reduce(apply, before)
            const made = objects === 'kept' ? new WeakMap<Shape, OrganisationEntry>() : undefined
            const [wasPublished, isPublished] = [published(before, today, made), published(after, today, made)]
            const [was, is] = [pages(wasPublished), pages(isPublished)]
            const changed = changedAgendaPages(wasPublished, isPublished)
            if (changed === 'everything') throw new Error('same day, zone and language: never everything')
            for (const kind of KINDS) {
              const differing = [...is[kind]].filter(([key, content]) => was[kind].get(key) !== content).map(([k]) => k)
              expect(changed.rebuild[kind], kind).toEqual(expect.arrayContaining(differing))
              expect(
                changed.rebuild[kind].every((key) => is[kind].has(key)),
                kind,
              ).toBe(true)
              expect(changed.gone[kind].sort(), kind).toEqual(
                [...was[kind].keys()].filter((k) => !is[kind].has(k)).sort(),
              )
            }
          },
        ),
        { numRuns: 2000 },
      )
    },
  )
})
