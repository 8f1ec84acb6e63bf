import { describe, expect, it } from 'vitest'
import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { newEntry, normalizeEntryInput, type Entry } from '../../../functions/core/model/index.js'
import {
  accountingYearOf,
  accountingYearStartMonth,
  accountingYearStats,
} from '../../../functions/core/report/index.js'

const AMSTERDAM = { timeZone: 'Europe/Amsterdam', locale: 'nl' as const }

const entry = (id: string, start: string, visibility = 'public'): Entry =>
  newEntry(
    normalizeEntryInput(
      { start, title: `Afspraak ${id}`, kind: 'advice', visibility, status: 'held', counterparts: [], themes: [] },
      AMSTERDAM_JOURNAL,
    ),
    'p',
    new Date(`${start.slice(0, 10)}T20:00:00Z`),
    id,
  )

describe('the accounting year', () => {
  it.each([
    ['2016-01-01', 7, { from: '2015-07-01', to: '2016-06-30' }],
    ['2015-07-01', 7, { from: '2015-07-01', to: '2016-06-30' }],
    ['2015-06-30', 7, { from: '2014-07-01', to: '2015-06-30' }],
    ['2016-02-29', 1, { from: '2016-01-01', to: '2016-12-31' }],
    ['2015-11-30', 12, { from: '2014-12-01', to: '2015-11-30' }],
    ['2016-03-01', 3, { from: '2016-03-01', to: '2017-02-28' }],
  ])('holding %s, starting in month %i, is %j', (date, month, year) =>
    expect(accountingYearOf(date, month)).toEqual(year),
  )

  it('starts in the month the latest annual report starts in, else in January', () => {
    const report = (from: string, withdrawn = false) => ({
      kind: 'annual-report' as const,
      period: { from, to: from },
      ...(withdrawn ? { withdrawn: { at: '2015-08-01T00:00:00Z', reason: 'fout' } } : {}),
    })
    const note = { kind: 'note' as const }
    expect(accountingYearStartMonth([note, report('2014-07-01'), report('2013-01-01')])).toBe(7)
    expect(accountingYearStartMonth([report('2015-09-01', true), report('2014-07-01')])).toBe(7)
    expect(accountingYearStartMonth([note])).toBe(1)
  })
})

describe('the figures of the accounting year', () => {
  const journal = [
    entry('A', '2014-09-10T10:00'),
    entry('B', '2015-03-16T10:00'),
    entry('C', '2015-06-30T23:30'),
    entry('D', '2015-07-02T10:00', 'private'),
    entry('E', '2015-08-03T10:00', 'restricted'),
  ]

  it('are those of the year holding now, in the journal’s zone', () => {
    const withJuly = [...journal, entry('F', '2015-07-01T09:00')]
    const at = (instant: string) => accountingYearStats(withJuly, 7, new Date(instant), AMSTERDAM)
    expect(at('2015-06-30T21:30:00Z')?.period).toEqual({ from: '2014-07-01', to: '2015-06-30' }) // 23:30 local
    expect(at('2015-06-30T22:30:00Z')?.period).toEqual({ from: '2015-07-01', to: '2016-06-30' }) // 00:30 local
    expect(at('2015-06-30T22:30:00Z')?.total.entryIds).toEqual(['F'])
    expect(at('2015-06-30T22:30:00Z')?.withheld.entryIds).toEqual(['E'])
  })

  it('fall back to the latest year with public appointments while this one has none', () => {
    const stats = accountingYearStats(journal, 7, new Date('2016-01-01T00:00:00Z'), AMSTERDAM)
    expect(stats?.period).toEqual({ from: '2014-07-01', to: '2015-06-30' })
    expect(stats?.total.entryIds).toEqual(['A', 'B', 'C'])
  })

  it('are absent for a journal without any public appointment', () => {
    const hidden = [entry('D', '2015-07-02T10:00', 'private')]
    expect(accountingYearStats(hidden, 1, new Date('2016-01-01T00:00:00Z'), AMSTERDAM)).toBeUndefined()
    expect(accountingYearStats([], 1, new Date('2016-01-01T00:00:00Z'), AMSTERDAM)).toBeUndefined()
  })
})
