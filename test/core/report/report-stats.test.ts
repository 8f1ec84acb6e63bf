import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS as AMSTERDAM,
  normalizeEntryInput,
  type Entry,
  newEntry,
  withdrawnEntry,
  ValidationError,
} from '../../../functions/core/model/index.js'
import { monthsOf, parseReportPeriod, reportStats } from '../../../functions/core/report/index.js'

const NOW = new Date('2015-09-01T12:00:00Z')
const YEAR = { from: '2014-07-01', to: '2015-06-30' }

/** An entry created at `createdAt` (the moment it was published, unless `publishAfter` is later). */
const entry = (id: string, start: string, overrides: Record<string, unknown> = {}, createdAt = start): Entry =>
  newEntry(
    normalizeEntryInput(
      {
        start,
        title: `Afspraak ${id}`,
        kind: 'advice',
        visibility: 'public',
        status: 'held',
        counterparts: [],
        themes: [],
        ...overrides,
      },
      AMSTERDAM_JOURNAL,
    ),
    'p',
    new Date(createdAt),
    id,
  )
const org = (name: string, type: string) => ({ name, type })

/** A July–June year as seed 004 reports it, plus entries just outside it and entries it must not show. */
const journal = [
  entry('E0', '2014-05-20T08:00:00Z', { counterparts: [org('Gemeente Almere', 'gemeente')] }),
  entry(
    'E1',
    '2014-07-03T08:00:00Z',
    { counterparts: [org('Gemeente Almere', 'gemeente')], themes: ['zelfsturing'] },
    '2014-07-04T08:00:00Z',
  ),
  entry(
    'E2',
    '2014-09-10T08:00:00Z',
    {
      kind: 'lecture',
      counterparts: [org('Gemeente Enschede', 'gemeente'), org('Ministerie van OCW', 'ministerie')],
      themes: ['overheidsinnovatie', 'zelfsturing'],
    },
    '2014-09-08T08:00:00Z',
  ),
  entry(
    'E3',
    '2014-12-31T22:30:00Z',
    { kind: 'visit', counterparts: [org('Provincie Overijssel', 'provincie')], summary: 'Over open data' },
    '2015-01-03T22:30:00Z',
  ),
  entry(
    'E4',
    '2015-01-15T09:00:00Z',
    { kind: 'meeting', counterparts: [org('HAN', 'kennisinstelling')], themes: ['Zelfsturing'] },
    '2015-01-25T09:00:00Z',
  ),
  entry(
    'E5',
    '2015-03-16T09:00:00Z',
    {
      kind: 'interview',
      counterparts: [org('CANARY-Jan Jansen', 'private-person')],
      themes: ['ambtelijk vakmanschap'],
      publishAfter: '2015-03-17T09:00:00Z',
    },
    '2015-03-11T09:00:00Z',
  ),
  entry(
    'E6',
    '2015-06-30T21:00:00Z',
    { counterparts: [org('Ministerie van VWS', 'ministerie')] },
    '2015-07-01T09:00:00Z',
  ),
  entry('E7', '2015-06-30T22:30:00Z', { counterparts: [org('Gemeente Zwolle', 'gemeente')] }),
  entry('R1', '2015-02-01T09:00:00Z', {
    visibility: 'restricted',
    counterparts: [org('CANARY-Restricted BV', 'bedrijf')],
  }),
  entry('P1', '2015-02-02T09:00:00Z', {
    visibility: 'private',
    title: 'CANARY-PRIVATE-TITLE',
    counterparts: [org('CANARY-Secret BV', 'bedrijf')],
    themes: ['canary-theme'],
  }),
  entry('C1', '2015-04-01T09:00:00Z', {
    kind: 'lecture',
    status: 'cancelled',
    counterparts: [org('Gemeente Arnhem', 'gemeente')],
  }),
  withdrawnEntry(
    entry('W1', '2015-05-01T09:00:00Z', { counterparts: [org('Gemeente Utrecht', 'gemeente')] }),
    'dubbel',
    NOW,
  ),
]
const stats = reportStats(journal, YEAR, NOW, AMSTERDAM)
const sum = (figures: { count: number }[]) => figures.reduce((n, f) => n + f.count, 0)

describe('reportStats over a July–June year', () => {
  it('counts the public, not cancelled entries of the period, and by kind adds up to that total', () => {
    expect(stats.total).toEqual({ count: 6, entryIds: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'] })
    expect(stats.byKind).toEqual([
      { kind: 'meeting', count: 1, entryIds: ['E4'] },
      { kind: 'lecture', count: 1, entryIds: ['E2'] },
      { kind: 'advice', count: 2, entryIds: ['E1', 'E6'] },
      { kind: 'interview', count: 1, entryIds: ['E5'] },
      { kind: 'visit', count: 1, entryIds: ['E3'] },
    ])
    expect(sum(stats.byKind)).toBe(stats.total.count)
  })

  it('groups organisations by type, government first, each with the entries naming it', () => {
    expect(stats.organisationTypes.map((g) => [g.type, g.organisations.map((o) => o.name), g.entryIds])).toEqual([
      ['gemeente', ['Gemeente Almere', 'Gemeente Enschede'], ['E1', 'E2']],
      ['provincie', ['Provincie Overijssel'], ['E3']],
      ['ministerie', ['Ministerie van OCW', 'Ministerie van VWS'], ['E2', 'E6']],
      ['kennisinstelling', ['HAN'], ['E4']],
    ])
    expect(stats.organisationTypes[0]!.organisations[1]).toEqual({
      name: 'Gemeente Enschede',
      type: 'gemeente',
      kinds: ['lecture'],
      firstTime: true,
      count: 1,
      entryIds: ['E2'],
    })
  })

  it('counts distinct organisations and recognises the ones met for the first time', () => {
    expect(stats.organisations).toEqual({ count: 6, entryIds: ['E1', 'E2', 'E3', 'E4', 'E6'] })
    expect(stats.firstTimeOrganisations).toEqual({
      count: 5,
      entryIds: ['E2', 'E3', 'E4', 'E6'],
      names: ['Gemeente Enschede', 'HAN', 'Ministerie van OCW', 'Ministerie van VWS', 'Provincie Overijssel'],
    })
  })

  it('counts themes however they are capitalised, most used first', () => {
    expect(stats.themes).toEqual([
      { theme: 'zelfsturing', count: 3, entryIds: ['E1', 'E2', 'E4'] },
      { theme: 'ambtelijk vakmanschap', count: 1, entryIds: ['E5'] },
      { theme: 'overheidsinnovatie', count: 1, entryIds: ['E2'] },
    ])
  })

  it('lists every month of the period, empty ones too, by the local day an entry starts on', () => {
    expect(stats.perMonth.map((m) => m.month)).toEqual([
      '2014-07',
      '2014-08',
      '2014-09',
      '2014-10',
      '2014-11',
      '2014-12',
      '2015-01',
      '2015-02',
      '2015-03',
      '2015-04',
      '2015-05',
      '2015-06',
    ])
    expect(Object.fromEntries(stats.perMonth.filter((m) => m.count > 0).map((m) => [m.month, m.entryIds]))).toEqual({
      '2014-07': ['E1'],
      '2014-09': ['E2'],
      '2014-12': ['E3'],
      '2015-01': ['E4'],
      '2015-03': ['E5'],
      '2015-06': ['E6'],
    })
    expect(sum(stats.perMonth)).toBe(stats.total.count)
  })

  it('counts withheld, cancelled and private-individual entries apart, never naming the individual', () => {
    expect(stats.withheld).toEqual({ count: 1, entryIds: ['R1'] })
    expect(stats.cancelled).toEqual({ count: 1, entryIds: ['C1'] })
    expect(stats.privateIndividuals).toEqual({ count: 1, entryIds: ['E5'] })
  })

  it('measures the share naming a subject (summary or theme) and a counterpart', () => {
    expect(stats.subjectAndCounterpart).toEqual({ count: 5, entryIds: ['E1', 'E2', 'E3', 'E4', 'E5'], share: 5 / 6 })
  })

  it('measures the median days from start to publication, counting an embargo until it lifts', () => {
    // E1 +1, E2 -2 (announced), E3 +3, E4 +10, E5 +1 (embargo), E6 +0.5 → median 1
    expect(stats.publicationDelay).toEqual({ medianDays: 1, entryIds: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'] })
  })

  it("shows no private title, private organisation or private individual's name (canary)", () => {
    expect(JSON.stringify(stats)).not.toMatch(/CANARY|canary/)
  })
})

describe('reportStats: one count for text and figures', () => {
  const year = { from: '2015-01-01', to: '2015-12-31' }
  const moved = [
    entry('M1', '2015-02-12T13:00:00Z', {
      kind: 'lecture',
      status: 'moved',
      statusNote: 'verplaatst naar 12 maart',
      counterparts: [org('Gemeente Arnhem', 'gemeente')],
    }),
    entry('M2', '2015-03-12T13:00:00Z', { kind: 'lecture', counterparts: [org('Gemeente Arnhem', 'gemeente')] }),
  ]

  it('counts a moved appointment once, at its new date', () => {
    const s = reportStats(moved, year, NOW, AMSTERDAM)
    expect(s.total).toEqual({ count: 1, entryIds: ['M2'] })
    expect(s.byKind).toEqual([{ kind: 'lecture', count: 1, entryIds: ['M2'] }])
    expect(s.moved).toEqual({ count: 1, entryIds: ['M1'] })
  })

  it('leaves "first time" out when no public entry lies before the period, however many organisations are new', () => {
    const s = reportStats(moved, year, NOW, AMSTERDAM)
    expect(s.organisations.count).toBe(1)
    expect(s).not.toHaveProperty('firstTimeOrganisations')
    expect(s.organisationTypes[0]!.organisations[0]!.firstTime).toBe(false)
  })

  it('counts "first time" against the earlier years when there are some', () => {
    const s = reportStats(
      [
        entry('A0', '2014-06-01T09:00:00Z', { counterparts: [org('Gemeente Arnhem', 'gemeente')] }),
        ...moved,
        entry('N1', '2015-05-01T09:00:00Z', { counterparts: [org('Gemeente Leiden', 'gemeente')] }),
      ],
      year,
      NOW,
      AMSTERDAM,
    )
    expect(s.organisations.count).toBe(2)
    expect(s.firstTimeOrganisations).toEqual({ count: 1, names: ['Gemeente Leiden'], entryIds: ['N1'] })
  })
})

describe('reportStats for other periods', () => {
  it.each([
    ['a calendar year', { from: '2015-01-01', to: '2015-12-31' }, 4, 12],
    ['the second half of 2014', { from: '2014-07-01', to: '2014-12-31' }, 3, 6],
    ['one month', { from: '2015-03-01', to: '2015-03-31' }, 1, 1],
    ['two years across three calendar years', { from: '2014-07-01', to: '2016-06-30' }, 7, 24],
  ])('adds up for %s', (_what, period, total, months) => {
    const s = reportStats(journal, period, NOW, AMSTERDAM)
    expect(s.total.count).toBe(total)
    expect(s.perMonth).toHaveLength(months)
    expect(sum(s.byKind)).toBe(total)
    expect(sum(s.perMonth)).toBe(total)
  })

  it('has empty figures and no measures for a period without entries', () => {
    const s = reportStats(journal, { from: '2010-01-01', to: '2010-12-31' }, NOW, AMSTERDAM)
    expect(s).toMatchObject({
      total: { count: 0 },
      byKind: [],
      organisationTypes: [],
      subjectAndCounterpart: { share: null },
      publicationDelay: { medianDays: null },
    })
  })

  it.each([
    [{ from: '2015-12-15', to: '2016-01-10' }, ['2015-12', '2016-01']],
    [{ from: '2015-03-01', to: '2015-03-01' }, ['2015-03']],
  ])('names the months of %o', (period, months) => {
    expect(monthsOf(period)).toEqual(months)
  })
})

describe('parseReportPeriod', () => {
  it('accepts a July–June year', () => {
    expect(parseReportPeriod(YEAR)).toEqual(YEAR)
  })

  it.each([
    [{ from: '2015-07-01', to: '2015-06-30' }, 'to'],
    [{ from: '2014-07-01', to: '2017-06-30' }, 'to'],
    [{ from: '2015-02-30', to: '2015-06-30' }, 'from'],
    [{ from: '2015-01-01' }, 'to'],
    [{ from: '2015-01-01', to: '2015-12-31', extra: 1 }, 'extra'],
  ])('refuses %o, naming %s', (raw, field) => {
    try {
      parseReportPeriod(raw)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).errors.map((e) => e.field)).toContain(field)
    }
  })
})
