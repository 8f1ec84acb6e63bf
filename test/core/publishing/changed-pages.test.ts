import { describe, expect, it } from 'vitest'
import {
  agendaPagePaths,
  arrangedTimeline,
  changedAgendaPages,
  type OrganisationEntry,
} from '../../../functions/core/publishing/index.js'

/**
 * A publish of an organisation's site rebuilds the agenda pages a change touches and removes the
 * ones that are gone; every other week, month, year, theme and organisation page stays as built.
 */
const entry = (id: string, start: string, overrides: Partial<OrganisationEntry> = {}): OrganisationEntry => ({
  id,
  person: 'bram',
  start,
  allDay: false,
  timezone: 'Europe/Amsterdam',
  kind: 'meeting',
  status: 'held',
  visibility: 'public',
  title: `Afspraak ${id}`,
  counterparts: [{ name: 'Gemeente Utrecht', type: 'gemeente' }],
  themes: ['open data'],
  links: [],
  createdAt: '2015-01-01T00:00:00Z',
  updatedAt: '2015-01-01T00:00:00Z',
  version: 1,
  ...overrides,
})

const TODAY = '2015-03-27'
const timeline = (entries: OrganisationEntry[], today = TODAY) => ({ entries, timezone: 'Europe/Amsterdam', today })
const nothing = { weeks: [], months: [], years: [], themes: [], organisations: [] }

// Weeks 10, 11 and 12 of 2015, two servants; Enschede is met once, in week 11.
const enschede = entry('b2', '2015-03-10T10:00', { counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }] })
const published = [
  entry('a1', '2015-03-03T10:00', { person: 'anna', themes: ['zelfsturing'] }),
  enschede,
  entry('b3', '2015-03-17T10:00'),
]

describe('the agenda pages a change touches', () => {
  it('rebuilds only the week, month, year, themes and organisations of an entry whose title changed', () => {
    const after = published.map((e) => (e.id === 'b3' ? { ...e, title: 'Nieuwe titel' } : e))
    expect(changedAgendaPages(timeline(published), timeline(after))).toEqual({
      rebuild: {
        weeks: ['2015-W12'],
        months: ['2015-03'],
        years: ['2015'],
        themes: ['open-data'],
        organisations: ['gemeente-utrecht'],
      },
      gone: nothing,
    })
  })

  it('tells an entry of one servant from the same id of another', () => {
    const after = [...published, entry('a1', '2015-03-17T15:00', { person: 'carla', themes: ['zelfsturing'] })]
    const changed = changedAgendaPages(timeline(published), timeline(after))
    expect(changed !== 'everything' && changed.rebuild.weeks).toEqual(['2015-W12'])
  })

  it('removes the page of an organisation met only in an entry that was made private (gone from the timeline)', () => {
    const after = published.filter((e) => e !== enschede)
    const changed = changedAgendaPages(timeline(published), timeline(after))
    expect(changed).toEqual({
      rebuild: {
        weeks: ['2015-W11'],
        months: ['2015-03'],
        years: ['2015'],
        themes: ['open-data'],
        organisations: [],
      },
      gone: { ...nothing, organisations: ['gemeente-enschede'] },
    })
  })

  it('rebuilds both weeks when an entry moves from one week to another', () => {
    const after = published.map((e) => (e.id === 'b2' ? { ...e, start: '2015-03-18T15:00' } : e))
    const changed = changedAgendaPages(timeline(published), timeline(after))
    expect(changed !== 'everything' && changed.rebuild.weeks).toEqual(['2015-W11', '2015-W12'])
  })

  it('compares with an agenda index kept from the last publish, not arranging that timeline again', () => {
    const kept = arrangedTimeline(timeline(published))
    expect(arrangedTimeline(kept).agenda).toBe(kept.agenda)
    const after = published.map((e) => (e.id === 'b2' ? { ...e, start: '2015-03-18T15:00' } : e))
    const changed = changedAgendaPages(kept, arrangedTimeline(timeline(after)))
    expect(changed !== 'everything' && changed.rebuild.weeks).toEqual(['2015-W11', '2015-W12'])
  })

  it("removes a week that no longer lies in the agenda's span, and relinks its neighbours", () => {
    // The last entry moves back to week 10: week 12 is past the last entry now, and not today's.
    const after = published.map((e) => (e.id === 'b3' ? { ...e, start: '2015-03-03T15:00' } : e))
    const changed = changedAgendaPages(timeline(published), timeline(after))
    expect(changed !== 'everything' && changed.rebuild.weeks).toEqual(['2015-W10', '2015-W11', '2015-W13'])
    expect(changed !== 'everything' && changed.gone.weeks).toEqual(['2015-W12'])
  })

  it("rebuilds a period whose neighbours changed: a new first week changes the old first week's link back", () => {
    const after = [entry('b0', '2015-02-24T10:00'), ...published]
    const changed = changedAgendaPages(timeline(published), timeline(after))
    expect(changed !== 'everything' && changed.rebuild.weeks).toEqual(['2015-W09', '2015-W10'])
    expect(changed !== 'everything' && changed.rebuild.months).toEqual(['2015-02', '2015-03'])
  })

  it("rebuilds a year whose list of months grew: a next year's entry stretches the agenda's span", () => {
    // Today lies in 2016, so both years are on the agenda before the change; 2015 lists March only.
    const later = (entries: OrganisationEntry[]) => timeline(entries, '2016-02-10')
    const changed = changedAgendaPages(later(published), later([...published, entry('b4', '2016-01-05T10:00')]))
    expect(changed !== 'everything' && changed.rebuild.years).toEqual(['2015', '2016'])
  })

  it('rebuilds nothing of the agenda when nothing changed', () => {
    expect(changedAgendaPages(timeline(published), timeline([...published]))).toEqual({
      rebuild: nothing,
      gone: nothing,
    })
  })

  it("rebuilds the pages listing a servant's entries when the servant is named otherwise, and no others", () => {
    // The deployment's own journal without a servant record is named by its profile: no entry changes.
    const named = (anna: string) => ({
      ...timeline(published),
      servants: [
        { person: 'anna', name: anna },
        { person: 'bram', name: 'Bram Visser' },
      ],
    })
    expect(changedAgendaPages(named('Anna de Vries'), named('Anna Jansen'))).toEqual({
      rebuild: {
        weeks: ['2015-W10'],
        months: ['2015-03'],
        years: ['2015'],
        themes: ['zelfsturing'],
        organisations: ['gemeente-utrecht'],
      },
      gone: nothing,
    })
  })

  it("asks for everything when the organisation's language changed (every page marks its content's language)", () => {
    const inDutch = { ...timeline(published), locale: 'nl' as const }
    expect(changedAgendaPages(inDutch, { ...inDutch, locale: 'en' })).toBe('everything')
  })

  it('asks for everything on another day ("this week" moved) or in another zone', () => {
    expect(changedAgendaPages(timeline(published), timeline(published, '2015-03-28'))).toBe('everything')
    const elsewhere = { ...timeline(published), timezone: 'Europe/London' }
    expect(changedAgendaPages(timeline(published), elsewhere)).toBe('everything')
  })
})

describe('the paths of agenda pages', () => {
  it('names each page in both languages, and a theme’s calendar', () => {
    expect(agendaPagePaths({ ...nothing, weeks: ['2015-W11'], themes: ['open-data'] })).toEqual([
      '/agenda/2015/w11/',
      '/themes/open-data/',
      '/en/agenda/2015/w11/',
      '/en/themes/open-data/',
      '/themes/open-data.ics',
    ])
  })
})
