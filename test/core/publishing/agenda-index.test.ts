import { describe, expect, it } from 'vitest'
import { buildAgendaIndex, countEntries } from '../../../functions/core/publishing/index.js'
import type { PublicEntry } from '../../../functions/core/privacy/index.js'

let seq = 0
const entry = (start: string, overrides: Partial<PublicEntry> = {}): PublicEntry => ({
  id: `01HV${String(++seq).padStart(22, '0')}`,
  start,
  allDay: !start.includes('T'),
  timezone: 'Europe/Amsterdam',
  kind: 'meeting',
  status: 'held',
  visibility: 'public',
  title: 't',
  counterparts: [],
  themes: [],
  links: [],
  createdAt: '2015-01-01T00:00:00Z',
  updatedAt: '2015-01-01T00:00:00Z',
  version: 1,
  ...overrides,
})

describe('agenda index', () => {
  it('puts an entry on its local day in the agenda’s zone, not its UTC day', () => {
    const late = entry('2015-03-22T23:30:00+01:00') // Sunday night in Amsterdam, already Monday? no: 22:30 UTC Sunday
    const early = entry('2015-03-23T00:30:00+01:00') // Monday 00:30 in Amsterdam, Sunday 23:30 UTC
    const index = buildAgendaIndex([late, early], { timezone: 'Europe/Amsterdam', today: '2015-03-23' })
    expect(index.inWeek('2015-W12')).toEqual([late])
    expect(index.inWeek('2015-W13')).toEqual([early])
    expect(index.dateOf(early)).toBe('2015-03-23')
  })

  it('lists every week, month and year from the first entry to the last, empty ones too, and today’s', () => {
    const index = buildAgendaIndex([entry('2014-12-29'), entry('2015-01-20')], {
      timezone: 'Europe/Amsterdam',
      today: '2015-03-02',
    })
    expect(index.weeks).toEqual(['2015-W01', '2015-W02', '2015-W03', '2015-W04', '2015-W10'])
    expect(index.months).toEqual(['2014-12', '2015-01', '2015-03'])
    expect(index.years).toEqual(['2014', '2015'])
  })

  it('groups themes and organisations whatever their case or accents, named by their most used spelling', () => {
    const index = buildAgendaIndex(
      [
        entry('2015-03-16', {
          themes: ['Open overheid'],
          counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
        }),
        entry('2015-03-17', {
          themes: ['open overheid'],
          counterparts: [
            { name: 'gemeente enschede', type: 'gemeente' },
            { name: 'BZK', type: 'ministerie' },
          ],
        }),
        entry('2015-03-18', {
          themes: ['open overheid', 'Privé'],
          counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
        }),
        entry('2015-03-19', { visibility: 'restricted', themes: [], counterparts: [] }),
      ],
      { timezone: 'Europe/Amsterdam', today: '2015-03-19' },
    )
    expect(index.themes.map((t) => [t.slug, t.name, t.entries.length])).toEqual([
      ['open-overheid', 'open overheid', 3],
      ['prive', 'Privé', 1],
    ])
    expect(index.organisations.map((o) => [o.slug, o.name, o.type, o.entries.length])).toEqual([
      ['gemeente-enschede', 'Gemeente Enschede', 'gemeente', 3],
      ['bzk', 'BZK', 'ministerie', 1],
    ])
    expect(index.themes[0]!.entries.map((e) => e.start)).toEqual(['2015-03-18', '2015-03-17', '2015-03-16'])
  })

  it('counts public and withheld entries apart', () => {
    expect(countEntries([entry('2015-03-16'), entry('2015-03-16', { visibility: 'restricted' })])).toEqual({
      public: 1,
      restricted: 1,
    })
  })
})
