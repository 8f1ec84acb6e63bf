import { describe, expect, it } from 'vitest'
import { addDays } from '../../functions/core/dates.js'
import { entryInput, testApi } from '../support/test-db.js'

/** Logs one entry a day from `from`, every fifth one private, every seventh restricted. */
async function journalOfDays(api: Awaited<ReturnType<typeof testApi>>, from: string, days: number) {
  const ids: Record<string, string> = {}
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i)
    const visibility = i % 5 === 0 ? 'private' : i % 7 === 0 ? 'restricted' : 'public'
    const res = await api.send('POST', '/api/entries', entryInput({ start: `${date}T10:00`, end: `${date}T11:00`, title: `Dag ${date}`, visibility }))
    ids[date] = (await res.json()).id
  }
  return ids
}

async function readAllPages(api: Awaited<ReturnType<typeof testApi>>, query: string, headers: Record<string, string> = {}) {
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
    await api.send('POST', '/api/entries', entryInput({ start: '2015-03-29T23:30', end: '2015-03-29T23:45', title: 'Laat op zondag' }))
    await api.send('POST', '/api/entries', entryInput({ start: '2015-03-23T00:15', end: '2015-03-23T00:45', title: 'Vroeg op maandag' }))
    const body = await (await api.get('/api/entries?from=2015-03-23&to=2015-03-29&order=asc&limit=200', api.auth)).json()
    const titles = body.items.map((e: { title: string }) => e.title)
    expect(titles[0]).toBe('Vroeg op maandag')
    expect(titles.at(-1)).toBe('Laat op zondag')
    expect(titles.filter((t: string) => t.startsWith('Dag '))).toEqual(
      ['2015-03-23', '2015-03-24', '2015-03-25', '2015-03-26', '2015-03-27', '2015-03-28', '2015-03-29'].map((d) => `Dag ${d}`))
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
    await api.send('POST', '/api/entries', entryInput({ themes: ['zelfsturing'], counterparts: [{ name: 'Provincie Overijssel', type: 'provincie' }] }))
    const count = async (q: string) => (await (await api.get(`/api/entries?${q}`)).json()).items.length
    expect(await count('theme=open%20data')).toBe(1)
    expect(await count('counterpart=provincie%20overijssel')).toBe(1)
    expect(await count('kind=lecture')).toBe(1)
    expect(await count('kind=board')).toBe(0)
  })
})
