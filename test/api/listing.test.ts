import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../functions/core/time/index.js'
import { normalizeEntryInput, newEntry } from '../../functions/core/model/index.js'
import { createEntry, MAX_ITEMS_READ, type Db } from '../../functions/store/index.js'
import { runConcurrently } from '../support/local-server.js'
import { countReads, entryInput, PERSON, testApi } from '../support/test-db.js'

/** Logs one entry a day from `from`, every fifth one private, every seventh restricted. */
async function journalOfDays(api: Awaited<ReturnType<typeof testApi>>, from: string, days: number) {
  const ids: Record<string, string> = {}
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i)
    const visibility = i % 5 === 0 ? 'private' : i % 7 === 0 ? 'restricted' : 'public'
    const res = await api.send(
      'POST',
      '/api/entries',
      entryInput({ start: `${date}T10:00`, end: `${date}T11:00`, title: `Dag ${date}`, visibility }),
    )
    ids[date] = (await res.json()).id
  }
  return ids
}

async function readAllPages(
  api: Awaited<ReturnType<typeof testApi>>,
  query: string,
  headers: Record<string, string> = {},
) {
  const pages: { id: string; start: string }[][] = []
  let cursor: string | undefined
  do {
    const res = await api.get(`/api/entries?${query}${cursor ? `&cursor=${cursor}` : ''}`, headers)
    expect(res.status).toBe(200)
    const body = await res.json()
    pages.push(body.items)
    cursor = body.cursor
  } while (cursor && pages.length < 100)
  return pages
}

describe('listing entries', () => {
  it('lists one ISO week, Monday to Sunday in Amsterdam time, including a DST change', async () => {
    const api = await testApi()
    await journalOfDays(api, '2015-03-20', 14)
    // Week 13 of 2015 ends on Sunday 29 March, the night clocks go forward.
    await api.send(
      'POST',
      '/api/entries',
      entryInput({ start: '2015-03-29T23:30', end: '2015-03-29T23:45', title: 'Laat op zondag' }),
    )
    await api.send(
      'POST',
      '/api/entries',
      entryInput({ start: '2015-03-23T00:15', end: '2015-03-23T00:45', title: 'Vroeg op maandag' }),
    )
    const body = await (
      await api.get('/api/entries?from=2015-03-23&to=2015-03-29&order=asc&limit=200', api.auth)
    ).json()
    const titles = body.items.map((e: { title: string }) => e.title)
    expect(titles[0]).toBe('Vroeg op maandag')
    expect(titles.at(-1)).toBe('Laat op zondag')
    expect(titles.filter((t: string) => t.startsWith('Dag '))).toEqual(
      ['2015-03-23', '2015-03-24', '2015-03-25', '2015-03-26', '2015-03-27', '2015-03-28', '2015-03-29'].map(
        (d) => `Dag ${d}`,
      ),
    )
  })

  it('pages through a year without repeating or skipping, whatever is filtered out', async () => {
    const api = await testApi()
    const ids = await journalOfDays(api, '2015-01-01', 60)
    for (const [query, headers, expected] of [
      ['from=2015-01-01&to=2015-12-31&limit=7', api.auth, 60],
      ['from=2015-01-01&to=2015-12-31&limit=7&order=asc', api.auth, 60],
      ['from=2015-01-01&to=2015-12-31&limit=4', {}, 48], // 12 private entries are not public
      ['limit=1&order=asc', {}, 48],
    ] as const) {
      const pages = await readAllPages(api, query, headers)
      const seen = pages.flat().map((e) => e.id)
      expect(new Set(seen).size, query).toBe(seen.length)
      expect(seen.length, query).toBe(expected)
      const starts = pages.flat().map((e) => e.start)
      const sorted = [...starts].sort()
      expect(starts, query).toEqual(query.includes('asc') ? sorted : sorted.reverse())
    }
    expect(Object.keys(ids)).toHaveLength(60)
  })

  it('filters by theme, counterpart and kind, ignoring case', async () => {
    const api = await testApi()
    await api.send('POST', '/api/entries', entryInput({ themes: ['Open data'], kind: 'lecture' }))
    await api.send(
      'POST',
      '/api/entries',
      entryInput({ themes: ['zelfsturing'], counterparts: [{ name: 'Provincie Overijssel', type: 'provincie' }] }),
    )
    const count = async (q: string) => (await (await api.get(`/api/entries?${q}`)).json()).items.length
    expect(await count('theme=open%20data')).toBe(1)
    expect(await count('counterpart=provincie%20overijssel')).toBe(1)
    expect(await count('kind=lecture')).toBe(1)
    expect(await count('kind=board')).toBe(0)
  })
})

/** `count` public entries an hour apart from 2015-01-05, stored directly (the API is not under test here). */
async function largeJournal(db: Db, count: number, counterpartOf: (i: number) => string) {
  const ids: string[] = []
  await runConcurrently(count, 6, async (i) => {
    const start = new Date(Date.UTC(2015, 0, 5, 8) + i * 3_600_000).toISOString().slice(0, 16)
    const input = entryInput({ start, end: undefined, counterparts: [{ name: counterpartOf(i), type: 'gemeente' }] })
    const entry = newEntry(
      normalizeEntryInput(input, AMSTERDAM_JOURNAL),
      PERSON,
      new Date('2015-01-01T08:00:00Z'),
      `E${String(i).padStart(4, '0')}`,
    )
    await createEntry(db, entry, { by: 'test' })
    ids[i] = entry.id
  })
  return ids
}

describe('the work one listing request may do', () => {
  /** More than two bounds' worth of entries; one in 250 with a rare counterpart. */
  const rare = (i: number) => i % 250 === 0
  let api: Awaited<ReturnType<typeof testApi>>
  let ids: string[]
  beforeAll(async () => {
    api = await testApi()
    ids = await largeJournal(api.db, MAX_ITEMS_READ * 2 + 10, (i) =>
      rare(i) ? 'Zeldzaam Genootschap' : 'Gemeente Enschede',
    )
  }, 180_000)

  it('reads at most MAX_ITEMS_READ items for a filter matching nothing, and returns a cursor to go on', async () => {
    const reads = countReads(api.db)
    const first = await (await api.get('/api/entries?limit=1&counterpart=nergens')).json()
    expect(first.items).toEqual([])
    expect(first.cursor).toEqual(expect.any(String))
    expect(reads.itemsRead).toBeLessThanOrEqual(MAX_ITEMS_READ)
    reads.reset()
    const pages = await readAllPages(api, 'limit=1&counterpart=nergens')
    expect(pages.flat()).toEqual([])
    expect(pages).toHaveLength(3)
    expect(reads.itemsRead).toBeLessThanOrEqual(ids.length)
  })

  it('still never repeats or skips an entry when pages end at the bound', async () => {
    const reads = countReads(api.db)
    const pages: { id: string }[][] = []
    let cursor = ''
    do {
      reads.reset()
      const body = await (
        await api.get(
          `/api/entries?limit=2&order=asc&counterpart=zeldzaam%20genootschap${cursor && `&cursor=${cursor}`}`,
        )
      ).json()
      expect(reads.itemsRead).toBeLessThanOrEqual(MAX_ITEMS_READ)
      pages.push(body.items)
      cursor = body.cursor
    } while (cursor)
    expect(pages.flat().map((e) => e.id)).toEqual(ids.filter((_, i) => rare(i)))
    expect(pages.slice(0, -1).some((page) => page.length < 2)).toBe(true)
  })
})
