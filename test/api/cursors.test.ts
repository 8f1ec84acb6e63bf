import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/app.js'
import { newEntry, normalizeEntryInput } from '../../functions/core/model/index.js'
import { createDb, createEntry, MAX_ITEMS_READ, type Db } from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { runConcurrently } from '../support/local-server.js'
import { dynamodbEndpoint, entryInput, PERSON, testApi, testDb, type TestResponse } from '../support/test-db.js'

type App = { request(path: string): Response | Promise<Response> }
const get = async (app: App, path: string) => (await app.request(path)) as TestResponse

/** Public entries an hour apart from Monday 5 January 2015 09:00 (08:00 UTC): 3 before the private run, 5 after. */
const BEFORE = 3
/** More private entries in a row than one page may read: a page must stop inside the run. */
const PRIVATE_RUN = MAX_ITEMS_READ + 10
const AFTER = 5
const idOf = (i: number) => (i < BEFORE || i >= BEFORE + PRIVATE_RUN ? `open-${i}` : `Kanarie-geheim-${i}`)
/** The entry's start as logged (Amsterdam, UTC+1 in January) and as stored (UTC), to the minute. */
const localStart = (i: number) => new Date(Date.UTC(2015, 0, 5, 9) + i * 3_600_000).toISOString().slice(0, 16)
const utcStart = (i: number) => new Date(Date.UTC(2015, 0, 5, 8) + i * 3_600_000).toISOString().slice(0, 16)

const ALL = Array.from({ length: BEFORE + PRIVATE_RUN + AFTER }, (_, i) => i)
const PUBLIC_IDS = ALL.filter((i) => idOf(i).startsWith('open-')).map(idOf)
/** What no public answer may carry: each private entry's id, title and start. */
const CANARIES = ALL.filter((i) => !idOf(i).startsWith('open-')).flatMap((i) => [idOf(i), localStart(i), utcStart(i)])

async function journalWithPrivateRun(db: Db) {
  await runConcurrently(ALL.length, 6, async (i) => {
    const visibility = idOf(i).startsWith('open-') ? 'public' : 'private'
    const input = entryInput({ start: localStart(i), end: undefined, title: idOf(i), visibility })
    const entry = newEntry(normalizeEntryInput(input, AMSTERDAM_JOURNAL), PERSON, AMSTERDAM_JOURNAL.now, idOf(i))
    await createEntry(db, entry, { by: 'test' })
  })
}

/** The canaries a cursor carries, read as text and as base64url decoded (to UTF-8 and byte by byte). */
function canariesIn(cursor: string): string[] {
  const bytes = Buffer.from(cursor, 'base64url')
  const readings = [cursor, bytes.toString('utf8'), bytes.toString('latin1')]
  return CANARIES.filter((canary) => readings.some((text) => text.includes(canary)))
}

/** Every page of a listing, following its cursors, with each cursor it gave out. */
async function allPages(app: App, path: string) {
  const pages: string[][] = []
  const cursors: string[] = []
  let cursor: string | undefined
  do {
    const res = await get(app, `${path}${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    pages.push(body.items.map((e: { id: string }) => e.id))
    cursor = body.cursor
    if (cursor) cursors.push(cursor)
  } while (cursor && pages.length < 20)
  return { pages, cursors }
}

const LISTINGS = [
  ['the servant’s own listing', `/api/people/${PERSON}/entries?order=asc&limit=5`],
  ['the organisation’s listing', '/api/entries?order=asc&limit=5'],
] as const

describe('cursors of public listings', () => {
  let api: Awaited<ReturnType<typeof testApi>>
  beforeAll(async () => {
    api = await testApi()
    await journalWithPrivateRun(api.db)
  }, 180_000)

  it('finds a private entry’s id and start in a cursor that carries them in plain base64 (positive control)', () => {
    const i = BEFORE + 7
    const plain = { q: 'x', k: { pk: `ENTRY#${PERSON}#${idOf(i)}`, gsi1sk: `${utcStart(i)}:00.000Z#${idOf(i)}` } }
    const found = canariesIn(Buffer.from(JSON.stringify(plain)).toString('base64url'))
    expect(found).toContain(idOf(i))
    expect(found).toContain(utcStart(i))
  })

  it.each(LISTINGS)(
    'gives out no private entry’s id or start in %s’s cursors, reading past a private run longer than the read bound',
    async (_, path) => {
      const first = await (await get(api.app, path)).json()
      // Private entries are read past, not counted: the page does not stop among them (see the last describe).
      expect(first.items.map((e: { id: string }) => e.id)).toEqual(PUBLIC_IDS.slice(0, 5))
      expect(first.cursor).toEqual(expect.any(String))
      const { cursors } = await allPages(api.app, path)
      expect(cursors.flatMap(canariesIn)).toEqual([])
    },
  )

  it.each(LISTINGS)('pages %s past the private run to every public entry, once each', async (_, path) => {
    const { pages } = await allPages(api.app, path)
    expect(pages[0]).toEqual(PUBLIC_IDS.slice(0, 5))
    expect(pages.flat()).toEqual(PUBLIC_IDS)
  })

  it('gives out a different cursor each time for the same position, so equal cursors reveal nothing', async () => {
    const [one, two] = await Promise.all([0, 1].map(async () => (await get(api.app, LISTINGS[0][1])).json()))
    expect(one.items).toEqual(two.items)
    expect(one.cursor).not.toBe(two.cursor)
  })
})

/** A character that differs from `c` and is base64url too. */
const other = (c: string) => (c === 'A' ? 'B' : 'A')
const flipped = (cursor: string, at: number) => cursor.slice(0, at) + other(cursor[at]!) + cursor.slice(at + 1)

describe('a cursor the listing did not give out', () => {
  let api: Awaited<ReturnType<typeof testApi>>
  const path = '/api/entries?from=2015-03-16&to=2015-03-16&limit=1'
  let cursor: string
  beforeAll(async () => {
    api = await testApi()
    for (const time of ['09:00', '11:00', '14:00'])
      await api.send('POST', '/api/entries', entryInput({ start: `2015-03-16T${time}`, end: undefined }))
    for (const slug of ['een', 'twee'])
      await api.send('POST', '/api/posts', { slug, title: slug, kind: 'note', body: 'Tekst', status: 'published' })
    cursor = (await (await api.get(path)).json()).cursor
    expect(cursor).toEqual(expect.any(String))
  }, 60_000)

  const refusals: [string, () => Promise<string>][] = [
    ['one character changed at its start', async () => flipped(cursor, 0)],
    ['one character changed in its middle', async () => flipped(cursor, Math.floor(cursor.length / 2))],
    ['one character changed at its end', async () => flipped(cursor, cursor.length - 1)],
    ['a character added', async () => `${cursor}A`],
    ['its last characters cut off', async () => cursor.slice(0, -4)],
    [
      'one from the same listing in the other order',
      async () => (await (await api.get(`${path}&order=asc`)).json()).cursor,
    ],
    [
      'one from the servant’s own listing',
      async () => (await (await api.get(`/api/people/${PERSON}/${path.slice(5)}`)).json()).cursor,
    ],
    ['one from the posts listing', async () => (await (await api.get('/api/posts?limit=1')).json()).cursor],
    [
      'an old-style plain one naming a real position',
      async () =>
        Buffer.from(
          JSON.stringify({
            q: 'MnMbf1nWx2uUOhb3',
            k: {
              pk: 'ENTRY#x#y',
              sk: 'ENTRY',
              gsi1pk: `PERSON#${PERSON}#ENTRIES`,
              gsi1sk: '2015-03-16T10:00:00.000Z#y',
            },
          }),
        ).toString('base64url'),
    ],
  ]

  it.each(refusals)('refuses %s with 400 “start again without cursor”', async (_, make) => {
    const bad = await make()
    expect(bad).toEqual(expect.any(String))
    expect(bad).not.toBe(cursor)
    const res = await api.get(`${path}&cursor=${encodeURIComponent(bad)}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const body = await res.json()
    expect(body.detail).toContain('start again without cursor')
    expect(body.errors).toEqual([{ field: 'cursor', reason: body.detail }])
  })

  it('accepts the cursor as given out (the control for the refusals above)', async () => {
    const res = await api.get(`${path}&cursor=${cursor}`)
    expect(res.status).toBe(200)
    expect((await res.json()).items).toHaveLength(1)
  })
})

describe('cursors across instances', () => {
  /** A second API over the same table, as another Lambda instance or another `npm start` has. */
  const secondInstance = (db: Db) =>
    createApp({ db: createDb({ endpoint: dynamodbEndpoint(), table: db.table }), person: PERSON })

  async function journalOfThree() {
    const db = await testDb()
    const app = createApp({ db, person: PERSON })
    for (const [n, time] of ['09:00', '11:00', '14:00'].entries()) {
      const input = entryInput({ start: `2015-03-16T${time}`, end: undefined, title: `Overleg ${n}` })
      const entry = newEntry(normalizeEntryInput(input, AMSTERDAM_JOURNAL), PERSON, AMSTERDAM_JOURNAL.now, `e-${n}`)
      await createEntry(db, entry, { by: 'test' })
    }
    return { db, app }
  }
  const path = '/api/entries?from=2015-03-16&to=2015-03-16&order=asc&limit=1'

  it('follows a cursor one instance gave out on another, to the same next page', async () => {
    const { db, app } = await journalOfThree()
    const other = secondInstance(db)
    const first = await (await get(app, path)).json()
    const second = await (await get(other, `${path}&cursor=${first.cursor}`)).json()
    expect(second.items.map((e: { id: string }) => e.id)).toEqual(['e-1'])
    const third = await (await get(app, `${path}&cursor=${second.cursor}`)).json()
    expect(third.items.map((e: { id: string }) => e.id)).toEqual(['e-2'])
  })

  it('agrees on one key when two fresh instances give out their first cursors at the same moment', async () => {
    const { db, app } = await journalOfThree()
    const other = secondInstance(db)
    const [a, b] = await Promise.all([app, other].map(async (instance) => (await get(instance, path)).json()))
    for (const [instance, cursor] of [
      [other, a.cursor],
      [app, b.cursor],
    ] as const) {
      const res = await get(instance, `${path}&cursor=${cursor}`)
      expect(res.status).toBe(200)
      expect((await res.json()).items.map((e: { id: string }) => e.id)).toEqual(['e-1'])
    }
  })
})

/**
 * Where a page stops must not depend on private entries: two journals that look the same to the
 * public (the same public entries; one also holds a run of private ones among them) must answer
 * every public listing the same, page for page. Otherwise a reader learns from a short page with
 * a cursor that some hundreds of unseen entries lie in the range, and by narrowing `from` and
 * `to` on which days, though private entries are "counted nowhere public".
 */
describe('paging that tells nothing of private entries', () => {
  const PUBLIC_OF_DAY = 5
  let plain: Awaited<ReturnType<typeof testApi>>
  let secretive: Awaited<ReturnType<typeof testApi>>
  const entryAt = async (db: Db, minute: number, visibility: 'public' | 'private') => {
    const start = new Date(Date.UTC(2015, 0, 5, 8, minute)).toISOString().slice(0, 16)
    const title = visibility === 'public' ? `open-${minute}` : `geheim-${minute}`
    const input = entryInput({ start, end: undefined, title, visibility })
    await createEntry(db, newEntry(normalizeEntryInput(input, AMSTERDAM_JOURNAL), PERSON, AMSTERDAM_JOURNAL.now), {
      by: 'test',
    })
  }
  beforeAll(async () => {
    ;[plain, secretive] = await Promise.all([testApi(), testApi()])
    // Monday 5 January 2015: public entries at 09:00…, in the second journal private ones between them.
    for (const api of [plain, secretive])
      await runConcurrently(PUBLIC_OF_DAY, 5, (i) => entryAt(api.db, i * 100, 'public'))
    await runConcurrently(MAX_ITEMS_READ, 6, (i) => entryAt(secretive.db, 1 + i, 'private'))
  }, 180_000)

  it.each([
    ['the servant’s own listing', `/api/people/${PERSON}/entries?from=2015-01-05&to=2015-01-05&limit=10`],
    ['the organisation’s listing', '/api/entries?from=2015-01-05&to=2015-01-05&limit=10'],
    ['a filtered listing', `/api/people/${PERSON}/entries?from=2015-01-05&to=2015-01-05&limit=1&kind=lecture`],
  ])('answers %s the same with or without private entries in the range', async (_, path) => {
    const answer = async (app: App) => {
      const body = await (await get(app, path)).json()
      return { titles: body.items.map((e: { title: string }) => e.title), cursor: body.cursor !== undefined }
    }
    const [seen, withPrivate] = [await answer(plain.app), await answer(secretive.app)]
    expect(withPrivate).toEqual(seen)
  })
})
