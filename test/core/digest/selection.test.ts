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
import { MAX_LINE_LENGTH, selectDigest } from '../../../functions/core/digest/index.js'

const NOW = new Date('2015-06-01T12:00:00Z')
let sequence = 0
/** An entry as the API would store it; ids sort in creation order unless given. */
const entry = (overrides: Record<string, unknown> = {}, id = `E${String(++sequence).padStart(4, '0')}`): Entry =>
  newEntry(
    normalizeEntryInput(
      {
        start: '2015-03-16T10:00',
        title: 'Adviesgesprek',
        kind: 'advice',
        visibility: 'public',
        status: 'held',
        counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
        themes: ['zelfsturing'],
        ...overrides,
      },
      AMSTERDAM_JOURNAL,
    ),
    'p',
    new Date('2015-03-01T08:00:00Z'),
    id,
  )

const org = (name: string, type = 'gemeente') => ({ counterparts: [{ name, type }] })
/** The `n`th hour slot of W12 (Monday 16 March 2015 onwards), so entries have distinct start times. */
const slot = (n: number) =>
  `2015-03-${String(16 + Math.floor(n / 8)).padStart(2, '0')}T${String(9 + (n % 8)).padStart(2, '0')}:00`
/** An entry in W11 naming these organisations, so they are not first-time in W12. */
const earlier = (...names: string[]) =>
  entry({ start: '2015-03-10T10:00', counterparts: names.map((name) => ({ name, type: 'gemeente' })) })
const ids = (entries: Entry[]) => entries.map((e) => e.id)
const chosen = (entries: Entry[], week = '2015-W12') =>
  selectDigest(entries, week, NOW, AMSTERDAM).items.map((i) => i.entryId)

describe('selectDigest: which week an entry belongs to (Monday–Sunday, Europe/Amsterdam)', () => {
  it.each([
    ['the first minute of Monday', '2015-03-16T00:00', false, '2015-W12', true],
    ['the last minute of the Sunday before', '2015-03-15T23:59', false, '2015-W12', false],
    ['Sunday evening', '2015-03-22T23:30', false, '2015-W12', true],
    ['the next Monday at midnight', '2015-03-23T00:00', false, '2015-W12', false],
    ['a UTC time that is already Monday in Amsterdam', '2015-03-15T23:30:00Z', false, '2015-W12', true],
    ['an all-day entry on Sunday', '2015-03-22', true, '2015-W12', true],
    ['Sunday night after the spring DST change', '2015-03-29T23:30', false, '2015-W13', true],
    ['03:30 CEST on the DST Sunday, written in UTC', '2015-03-29T01:30:00Z', false, '2015-W13', true],
    ['Monday after the spring DST week', '2015-03-30T00:00', false, '2015-W13', false],
    ['Sunday 23:30 CET after the autumn DST change, in UTC', '2015-10-25T22:30:00Z', false, '2015-W43', true],
    ['Monday 00:00 CET after the autumn DST change, in UTC', '2015-10-25T23:00:00Z', false, '2015-W43', false],
    ['the Monday of 2015-W53 (in December)', '2015-12-28T09:00', false, '2015-W53', true],
    ['the Sunday of 2015-W53 (in January)', '2016-01-03T12:00', false, '2015-W53', true],
    ['New Year 2021, in 2020-W53', '2021-01-01T10:00', false, '2020-W53', true],
    ['the first Monday of 2021, no longer 2020-W53', '2021-01-04T10:00', false, '2020-W53', false],
    ['Monday 31 December 2018, in 2019-W01', '2018-12-31T09:00', false, '2019-W01', true],
  ])('%s (%s) in %s: %s', (_what, start, allDay, week, included) => {
    const e = entry(allDay ? { start, allDay: true } : { start })
    expect(chosen([e], week)).toEqual(included ? [e.id] : [])
  })

  it.each(['2015-W54', '2014-W53', '2015-W00', '2015-12', 'last week'])(
    'refuses the week %s, naming the field',
    (week) => {
      expect(() => selectDigest([], week, NOW, AMSTERDAM)).toThrow(ValidationError)
      try {
        selectDigest([], week, NOW, AMSTERDAM)
      } catch (error) {
        expect((error as ValidationError).errors[0]!.field).toBe('week')
      }
    },
  )
})

describe('selectDigest: the rule', () => {
  it('takes every public entry, in time order, when there are ten or fewer', () => {
    const week = Array.from({ length: 10 }, (_, n) =>
      entry({ start: slot(9 - n), kind: 'meeting', ...org(`Gemeente ${n}`) }),
    )
    const digest = selectDigest(week, '2015-W12', NOW, AMSTERDAM)
    expect(digest.items.map((i) => i.entryId)).toEqual(ids(week).reverse())
    expect(digest.moreCount).toBe(0)
  })

  it('favours lectures, advice and visits over other kinds when there are more than ten', () => {
    const names = Array.from({ length: 12 }, (_, n) => `Gemeente ${n}`)
    const meetings = names.slice(0, 8).map((name, n) => entry({ start: slot(n), kind: 'meeting', ...org(name) }))
    const favoured = names
      .slice(8)
      .map((name, n) =>
        entry({ start: slot(20 + n), kind: ['lecture', 'advice', 'visit', 'lecture'][n], ...org(name) }),
      )
    const digest = selectDigest([earlier(...names), ...meetings, ...favoured], '2015-W12', NOW, AMSTERDAM)
    expect(digest.items.map((i) => i.entryId)).toEqual([...ids(meetings.slice(0, 6)), ...ids(favoured)])
    expect(digest.moreCount).toBe(2)
  })

  it('shows one organisation at most twice, however many entries name it', () => {
    const week = Array.from({ length: 15 }, (_, n) => entry({ start: slot(n) }))
    const digest = selectDigest(week, '2015-W12', NOW, AMSTERDAM)
    expect(digest.items.map((i) => i.entryId)).toEqual(ids(week.slice(0, 2)))
    expect(digest.moreCount).toBe(13)
  })

  it('fills the places the cap leaves with entries about other organisations', () => {
    const enschede = Array.from({ length: 12 }, (_, n) => entry({ start: slot(n) }))
    const others = ['Gemeente Almere', 'Gemeente Arnhem', 'Provincie Overijssel'].map((name, n) =>
      entry({ start: slot(30 + n), kind: 'meeting', ...org(name) }),
    )
    const digest = selectDigest([...enschede, ...others], '2015-W12', NOW, AMSTERDAM)
    expect(digest.items.map((i) => i.entryId)).toEqual([...ids(enschede.slice(0, 2)), ...ids(others)])
    expect(digest.moreCount).toBe(10)
  })

  it('does not cap private individuals: each may be someone else', () => {
    const week = Array.from({ length: 12 }, (_, n) =>
      entry({ start: slot(n), counterparts: [{ name: `Burger ${n}`, type: 'private-person' }] }),
    )
    expect(selectDigest(week, '2015-W12', NOW, AMSTERDAM).items).toHaveLength(10)
  })

  it('gives a first-time counterpart a place, even in a lower-ranked entry', () => {
    const known = Array.from({ length: 11 }, (_, n) => `Gemeente ${n}`)
    const lectures = known.map((name, n) => entry({ start: slot(n), kind: 'lecture', ...org(name) }))
    const newcomer = entry({ start: slot(40), kind: 'meeting', ...org('Waterschap Vechtstromen', 'waterschap') })
    const digest = selectDigest([earlier(...known), ...lectures, newcomer], '2015-W12', NOW, AMSTERDAM)
    expect(digest.items.map((i) => i.entryId)).toEqual([...ids(lectures.slice(0, 9)), newcomer.id])
    expect(digest.moreCount).toBe(2)
  })

  it('breaks ties on equal start times by id', () => {
    const known = Array.from({ length: 12 }, (_, n) => `Gemeente ${n}`)
    const week = known.map((name, n) =>
      entry({ start: '2015-03-18T10:00', ...org(name) }, `T${String.fromCharCode(76 - n)}`),
    )
    const sortedIds = ids(week).sort()
    expect(chosen([earlier(...known), ...week])).toEqual(sortedIds.slice(0, 10))
  })

  it('gives the same digest whatever order the entries come in', () => {
    const week = Array.from({ length: 14 }, (_, n) =>
      entry({ start: slot(n % 5), kind: n % 3 ? 'meeting' : 'visit', ...org(`Gemeente ${n % 6}`) }),
    )
    const reference = selectDigest(week, '2015-W12', NOW, AMSTERDAM)
    for (const shuffled of [[...week].reverse(), [...week.slice(7), ...week.slice(0, 7)]]) {
      expect(selectDigest(shuffled, '2015-W12', NOW, AMSTERDAM)).toEqual(reference)
    }
  })

  it('ranks cancelled appointments last', () => {
    const known = Array.from({ length: 11 }, (_, n) => `Gemeente ${n}`)
    const week = known.map((name, n) =>
      entry({ start: slot(n), kind: 'meeting', status: n === 0 ? 'cancelled' : 'held', ...org(name) }),
    )
    expect(chosen([earlier(...known), ...week])).not.toContain(week[0]!.id)
  })
})

describe('selectDigest: what is counted', () => {
  it('counts restricted and embargoed entries as withheld, private ones nowhere, withdrawn ones not at all', () => {
    const digest = selectDigest(
      [
        entry(),
        entry({ visibility: 'restricted' }),
        entry({ publishAfter: '2099-01-01T00:00:00Z' }),
        entry({ visibility: 'private' }),
        withdrawnEntry(entry(), 'dubbel', NOW),
      ],
      '2015-W12',
      NOW,
      AMSTERDAM,
    )
    expect(digest).toMatchObject({ moreCount: 0, withheldCount: 2 })
    expect(digest.items).toHaveLength(1)
  })

  it('has no items for a week with only restricted and private entries, or none at all', () => {
    expect(
      selectDigest([entry({ visibility: 'restricted' }), entry({ visibility: 'private' })], '2015-W12', NOW, AMSTERDAM),
    ).toEqual({ week: '2015-W12', items: [], moreCount: 0, withheldCount: 1 })
    expect(selectDigest([], '2015-W12', NOW, AMSTERDAM)).toEqual({
      week: '2015-W12',
      items: [],
      moreCount: 0,
      withheldCount: 0,
    })
  })

  it("never shows a private entry's title or a private individual's name (canary)", () => {
    const digest = selectDigest(
      [
        entry({
          title: 'CANARY-PRIVATE-TITLE',
          visibility: 'private',
          counterparts: [{ name: 'CANARY-ORG', type: 'bedrijf' }],
        }),
        entry({ counterparts: [{ name: 'CANARY-Jansen', type: 'private-person' }] }),
        entry({ title: 'CANARY-RESTRICTED', visibility: 'restricted' }),
      ],
      '2015-W12',
      NOW,
      AMSTERDAM,
    )
    expect(JSON.stringify(digest)).not.toMatch(/CANARY/)
    expect(digest.items[0]!.line).toBe('ma 16 mrt · advies · particulier · zelfsturing')
  })
})

describe('digest lines', () => {
  it.each([
    ['advice with one organisation', {}, 'ma 16 mrt · advies · Gemeente Enschede · zelfsturing'],
    [
      'a lecture with two organisations and themes',
      {
        start: '2015-03-17T14:00',
        kind: 'lecture',
        counterparts: [
          { name: 'Gemeente Almere', type: 'gemeente' },
          { name: 'Provincie Flevoland', type: 'provincie' },
        ],
        themes: ['open data', 'zelfsturing'],
      },
      'di 17 mrt · lezing · Gemeente Almere en Provincie Flevoland · open data, zelfsturing',
    ],
    [
      'no counterparts or themes: the title says what',
      { start: '2015-03-18T09:00', kind: 'meeting', title: 'Teamoverleg', counterparts: [], themes: [] },
      'wo 18 mrt · overleg · Teamoverleg',
    ],
    [
      'a cancelled visit',
      { start: '2015-03-20', allDay: true, kind: 'visit', status: 'cancelled' },
      'vr 20 mrt · werkbezoek · Gemeente Enschede · zelfsturing · afgelast',
    ],
    [
      'two private individuals, named once',
      {
        start: '2015-03-22T11:00',
        counterparts: [
          { name: 'A', type: 'private-person' },
          { name: 'B', type: 'private-person' },
        ],
      },
      'zo 22 mrt · advies · particulier · zelfsturing',
    ],
  ])('renders %s', (_what, overrides, line) => {
    const e = entry(overrides)
    expect(selectDigest([e], '2015-W12', NOW, AMSTERDAM).items).toEqual([
      { entryId: e.id, date: e.start.slice(0, 10), kind: e.kind, line, path: `/agenda/entry/${e.id}/` },
    ])
  })

  it('writes English when asked', () => {
    expect(selectDigest([entry()], '2015-W12', NOW, { ...AMSTERDAM, locale: 'en' }).items[0]!.line).toBe(
      'Mon 16 Mar · advice · Gemeente Enschede · zelfsturing',
    )
  })

  it(`cuts a line longer than ${MAX_LINE_LENGTH} characters with an ellipsis`, () => {
    const counterparts = Array.from({ length: 8 }, (_, n) => ({
      name: `Stichting met een heel erg lange naam nummer ${n} voor de maatschappelijke dienstverlening`,
      type: 'maatschappelijke-organisatie',
    }))
    const { line } = selectDigest([entry({ counterparts })], '2015-W12', NOW, AMSTERDAM).items[0]!
    expect(Array.from(line).length).toBeLessThanOrEqual(MAX_LINE_LENGTH)
    expect(line).toMatch(/^ma 16 mrt · advies · Stichting met een heel erg lange naam nummer 0 .*…$/)
  })
})
