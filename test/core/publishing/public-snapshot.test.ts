import { describe, expect, it } from 'vitest'
import {
  buildPublicSnapshot,
  journalItemsFrom,
  parseSnapshot,
  serializeSnapshot,
  type JournalItems,
} from '../../../functions/core/publishing/index.js'
import { reportStats } from '../../../functions/core/report/index.js'
import { CANARIES, CANARY_NOW, canaryJournal } from '../../support/journal-fixtures.js'

const snapshotText = (items: JournalItems, now = CANARY_NOW) => serializeSnapshot(buildPublicSnapshot(items, { now }))

/** The same journal with every list reversed and every object's keys in reverse order. */
function scrambled(items: JournalItems): JournalItems {
  const reverseKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reverseKeys)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reverseKeys(v)]),
          )
        : value
  const copy = reverseKeys(items) as JournalItems
  return {
    ...copy,
    entries: [...copy.entries].reverse(),
    posts: [...copy.posts].reverse(),
    revisions: [...copy.revisions].reverse(),
    digests: [...copy.digests].reverse(),
  }
}

describe('public snapshot', () => {
  it('is byte-identical for the same journal, whatever order the store returned it in', () => {
    const items = canaryJournal().items()
    expect(snapshotText(scrambled(items))).toBe(snapshotText(items))
    expect(snapshotText(canaryJournal().items())).toBe(snapshotText(items))
  })

  it.each(Object.entries(CANARIES))('contains nothing private: %s', (_name, canary) => {
    const items = canaryJournal().items()
    expect(JSON.stringify(items)).toContain(canary) // the journal does hold it
    expect(snapshotText(items).toLowerCase()).not.toContain(canary.toLowerCase())
  })

  it('keeps a restricted entry as a slot with its time, kind and slot history', () => {
    const snapshot = buildPublicSnapshot(canaryJournal().items(), { now: CANARY_NOW })
    const slot = snapshot.entries.find((e) => e.start.startsWith('2015-03-17'))!
    expect(slot).toMatchObject({
      visibility: 'restricted',
      title: 'Besloten afspraak',
      kind: 'meeting',
      counterparts: [],
      themes: [],
    })
    expect(slot.history.at(-1)?.changes.map((c) => c.field)).toEqual(['start'])
  })

  it('publishes an embargoed entry once its moment has passed', () => {
    const before = buildPublicSnapshot(canaryJournal().items(), { now: CANARY_NOW })
    const after = buildPublicSnapshot(canaryJournal().items(), { now: new Date('2015-04-01T00:00:01Z') })
    const find = (s: typeof before) => s.entries.find((e) => e.start.startsWith('2015-03-18'))!
    expect(find(before)).toMatchObject({ visibility: 'restricted' })
    expect(find(after)).toMatchObject({ visibility: 'public', title: CANARIES.embargoTitle })
    expect(after.posts.map((p) => p.slug)).not.toContain('later')
  })

  it('orders entries by start and posts newest first, and leaves private entries out entirely', () => {
    const snapshot = buildPublicSnapshot(canaryJournal().items(), { now: new Date('2015-06-01T00:00:00Z') })
    const starts = snapshot.entries.map((e) => Date.parse(e.start))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(snapshot.entries).toHaveLength(7)
    expect(snapshot.posts.map((p) => p.slug)).toEqual(['later', 'jaarverslag-2014'])
  })

  it('carries the public history of a moved entry', () => {
    const snapshot = buildPublicSnapshot(canaryJournal().items(), { now: CANARY_NOW })
    const moved = snapshot.entries.find((e) => e.status === 'moved')!
    expect(moved.history).toHaveLength(2)
    expect(moved.history[1]).toMatchObject({ action: 'update', reason: 'op verzoek van de provincie' })
    expect(moved.history[1]!.changes.find((c) => c.field === 'start')).toMatchObject({
      from: '2015-03-12T10:00:00+01:00',
      to: '2015-03-19T14:00:00+01:00',
    })
  })

  it('keeps published digests only, without items whose entry is no longer public', () => {
    const snapshot = buildPublicSnapshot(canaryJournal().items(), { now: CANARY_NOW })
    expect(snapshot.digests.map((d) => d.week)).toEqual(['2015-W12'])
    expect(snapshot.digests[0]!.items).toHaveLength(1)
  })

  it('names its moment, language and zone, and nothing else that changes between runs', () => {
    const snapshot = buildPublicSnapshot(canaryJournal().items(), { now: CANARY_NOW })
    expect(snapshot).toMatchObject({
      format: 'open-agenda-journal/public-snapshot',
      version: 1,
      generatedAt: '2015-03-18T12:00:00.000Z',
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
    })
    expect(snapshot.profile).toMatchObject({ name: 'Anna de Vries' })
    expect(snapshot.profile).not.toHaveProperty('person')
  })

  it('reads the change log of the store into a journal', () => {
    const items = canaryJournal().items()
    const log = [
      { type: 'profile', data: items.profile },
      ...items.entries.map((data) => ({ type: 'entry', data })),
      ...items.revisions.map((data) => ({ type: 'revision', data })),
      ...items.posts.map((data) => ({ type: 'post', data })),
      ...items.digests.map((data) => ({ type: 'digest', data })),
    ]
    expect(snapshotText(journalItemsFrom(log))).toBe(snapshotText(items))
  })

  it('round-trips through its text and refuses other documents', () => {
    const text = snapshotText(canaryJournal().items())
    expect(serializeSnapshot(parseSnapshot(text))).toBe(text)
    expect(() => parseSnapshot('{"format":"something-else","version":1}')).toThrow(/not a public snapshot/)
  })
})

describe('annual report figures in the snapshot', () => {
  const MARCH = { from: '2015-03-01', to: '2015-03-31' }
  const withReport = () => {
    const journal = canaryJournal()
    journal.post(
      'maart-2015',
      { title: 'Maart 2015', kind: 'annual-report', period: MARCH, body: 'Een maand.' },
      '2015-03-18T10:00:00Z',
    )
    return journal
  }
  const figuresOf = (items: JournalItems, slug = 'maart-2015') =>
    buildPublicSnapshot(items, { now: CANARY_NOW }).posts.find((p) => p.slug === slug)?.figures

  it('gives an annual report the figures reportStats counts over its period, from entries the snapshot shows', () => {
    const items = withReport().items()
    const snapshot = buildPublicSnapshot(items, { now: CANARY_NOW })
    const figures = snapshot.posts.find((p) => p.slug === 'maart-2015')!.figures!
    expect(figures).toEqual(
      reportStats(items.entries, MARCH, CANARY_NOW, { timeZone: 'Europe/Amsterdam', locale: 'nl' }),
    )
    // Two public entries in March: one held, one moved (counted at its new date, not here).
    expect(figures.total.count).toBe(1)
    expect(figures.moved.count).toBe(1)
    expect(figures.withheld.count).toBe(3)
    const shown = new Set(snapshot.entries.map((e) => e.id))
    const counted = [
      figures.total,
      figures.withheld,
      figures.cancelled,
      figures.moved,
      ...figures.perMonth,
      ...figures.themes,
      ...figures.organisationTypes.flatMap((g) => g.organisations),
    ]
    expect(counted.flatMap((f) => f.entryIds).filter((id) => !shown.has(id))).toEqual([])
  })

  it('gives a note no figures, and a report over a period without entries figures of zero', () => {
    const snapshot = buildPublicSnapshot(withReport().items(), { now: new Date('2015-06-01T00:00:00Z') })
    expect(snapshot.posts.find((p) => p.slug === 'later')).not.toHaveProperty('figures')
    expect(snapshot.posts.find((p) => p.slug === 'jaarverslag-2014')!.figures).toMatchObject({
      total: { count: 0, entryIds: [] },
      perMonth: expect.any(Array),
    })
  })

  it('leaves a withdrawn report without figures', () => {
    const journal = withReport()
    const { posts } = journal.items()
    const withdrawn = {
      ...posts.find((p) => p.slug === 'maart-2015')!,
      withdrawn: { at: '2015-03-18T11:00:00Z', reason: 'fout' },
    }
    expect(figuresOf({ ...journal.items(), posts: [withdrawn] })).toBeUndefined()
  })

  it('is unchanged by a private entry in the period, which it never names', () => {
    const journal = withReport()
    const before = figuresOf(journal.items())
    journal.entry(
      {
        start: '2015-03-24T10:00',
        title: 'CanaryReportTitle7',
        kind: 'lecture',
        visibility: 'private',
        themes: ['CanaryReportTheme7'],
        counterparts: [{ name: 'CanaryReportOrg7', type: 'gemeente' }],
        summary: 'geheim',
      },
      '2015-03-10T09:00:00Z',
    )
    const items = journal.items()
    expect(figuresOf(items)).toEqual(before)
    expect(snapshotText(items)).not.toMatch(/canaryreport|canaryprivate/i)
  })

  it('stays byte-identical whatever order the store returned the journal in', () => {
    const items = withReport().items()
    expect(snapshotText(scrambled(items))).toBe(snapshotText(items))
  })
})
