import { beforeAll, describe, expect, it } from 'vitest'
import { newEntry, normalizeEntryInput, type Entry } from '../../functions/core/model/index.js'
import { createEntry, listEntriesOfPeople, MAX_ITEMS_READ, type Db } from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { runConcurrently } from '../support/local-server.js'
import { countReads, entryInput, testDb } from '../support/test-db.js'

const PEOPLE = ['anna', 'bram', 'cor']
/** Per person: entries every 2, 3 and 5 hours from 5 January 2015, so they interleave unevenly and share starts. */
const EVERY_HOURS: Record<string, number> = { anna: 2, bram: 3, cor: 5 }
const COUNT = 160

/** The entry `i` of `person`: id `<person>-<i>`; one in 40 is about a rare organisation. */
const idOf = (person: string, i: number) => `${person}-${String(i).padStart(3, '0')}`
const rare = (i: number) => i % 40 === 7

async function organisationJournals(db: Db) {
  const jobs = PEOPLE.flatMap((person) => Array.from({ length: COUNT }, (_, i) => [person, i] as const))
  await runConcurrently(jobs.length, 8, async (n) => {
    const [person, i] = jobs[n]!
    const start = new Date(Date.UTC(2015, 0, 5, 8) + i * EVERY_HOURS[person]! * 3_600_000).toISOString().slice(0, 16)
    const counterparts = [{ name: rare(i) ? 'Zeldzaam Genootschap' : 'Gemeente Enschede', type: 'gemeente' }]
    const input = entryInput({ start, end: undefined, counterparts })
    const entry = newEntry(
      normalizeEntryInput(input, AMSTERDAM_JOURNAL),
      person,
      AMSTERDAM_JOURNAL.now,
      idOf(person, i),
    )
    await createEntry(db, entry, { by: 'test' })
  })
}

/** Every page of the merged listing, and the most items any one page read. */
async function readAll(db: Db, options: { order: 'asc' | 'desc'; limit: number; accept?: (e: Entry) => boolean }) {
  const reads = countReads(db)
  const pages: string[][] = []
  let mostRead = 0
  let cursor: string | undefined
  do {
    reads.reset()
    const page = await listEntriesOfPeople(db, PEOPLE, { ...options, cursor })
    mostRead = Math.max(mostRead, reads.itemsRead)
    pages.push(page.items.map((e) => e.id))
    cursor = page.cursor
  } while (cursor)
  return { pages, ids: pages.flat(), mostRead }
}

describe("the organisation's merged listing of entries", () => {
  let db: Db
  beforeAll(async () => {
    db = await testDb()
    await organisationJournals(db)
  }, 180_000)

  it('gives out the first entries of three servants in order of start, then id', async () => {
    const { items } = await listEntriesOfPeople(db, PEOPLE, { order: 'asc', limit: 8 })
    // 08:00 all three; 10:00 anna; 11:00 bram; 12:00 anna; 13:00 cor; 14:00 anna and bram.
    expect(items.map((e) => e.id)).toEqual([
      'anna-000',
      'bram-000',
      'cor-000',
      'anna-001',
      'bram-001',
      'anna-002',
      'cor-001',
      'anna-003',
    ])
  })

  it.each(['asc', 'desc'] as const)(
    'pages through all 480 entries (%s) without repeating or skipping',
    async (order) => {
      const { ids } = await readAll(db, { order, limit: 7 })
      expect(ids).toHaveLength(3 * COUNT)
      expect(new Set(ids).size).toBe(3 * COUNT)
      // Cor's entries (every 5 hours) run on longest, to 795 hours after the first.
      const first = order === 'asc' ? ['anna-000', 'bram-000', 'cor-000'] : ['cor-159', 'cor-158', 'cor-157']
      expect(ids.slice(0, 3)).toEqual(first)
    },
  )

  it('pages through a filter that matches a few entries within the read bound, skipping none', async () => {
    const accept = (e: Entry) => e.counterparts[0]!.name === 'Zeldzaam Genootschap'
    const { ids, mostRead } = await readAll(db, { order: 'asc', limit: 2, accept })
    // Hours after the first start: anna-007 14, bram-007 21, cor-007 35, anna-047 94, bram-047 141 …
    expect(ids.slice(0, 4)).toEqual(['anna-007', 'bram-007', 'cor-007', 'anna-047'])
    expect([...ids].sort()).toEqual(PEOPLE.flatMap((p) => [7, 47, 87, 127].map((i) => idOf(p, i))).sort())
    expect(mostRead).toBeLessThanOrEqual(MAX_ITEMS_READ)
  })

  it('stops a page at the read bound when nothing matches, and goes on from there with its cursor', async () => {
    const { ids, pages, mostRead } = await readAll(db, { order: 'desc', limit: 5, accept: () => false })
    expect(ids).toEqual([])
    expect(pages.length).toBeGreaterThan(1)
    expect(mostRead).toBeLessThanOrEqual(MAX_ITEMS_READ)
  })
})
