import { beforeAll, describe, expect, it } from 'vitest'
import { newEntry, normalizeEntryInput } from '../../functions/core/model/index.js'
import { createEntry, type Db } from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { administratorToken, entryInput, PERSON, testApi } from '../support/test-db.js'

/** Words that only B's private and restricted items hold: no public answer may ever carry them. */
const CANARIES = ['Kanarie-B-prive-9d2c', 'Kanarie-B-beperkt-41ef', 'Kanarie-B-notitie-77aa', 'Kanarie-B-concept-e0b1']
const [PRIVATE_TITLE, RESTRICTED_TITLE, NOTE, DRAFT_TITLE] = CANARIES as [string, string, string, string]

const SERVANTS = [
  { person: 'a-jansen', name: 'Anna Jansen', role: 'CIO-adviseur' },
  { person: 'b-bakker', name: 'Bram Bakker', role: 'Programmamanager' },
  { person: 'c-visser', name: 'Cor Visser', role: 'Architect' },
]

/** One entry on 16 March 2015 (week 2015-W12), stored with a fixed id so the listing's order can be written out. */
async function putEntry(db: Db, person: string, id: string, time: string, overrides: Record<string, unknown> = {}) {
  const input = entryInput({ start: `2015-03-16T${time}`, end: undefined, title: `Overleg ${id}`, ...overrides })
  const entry = newEntry(normalizeEntryInput(input, AMSTERDAM_JOURNAL), person, new Date('2015-01-01T08:00:00Z'), id)
  await createEntry(db, entry, { by: 'test' })
}

/** An organisation of three servants, each with a token, and B's journal holding canaries. */
async function organisation() {
  const api = await testApi({ now: () => new Date('2026-03-02T09:00:00Z') })
  const admin = { Authorization: `Bearer ${await administratorToken(api.db)}` }
  const as: Record<string, Record<string, string>> = {}
  for (const servant of SERVANTS) {
    const res = await api.send('POST', '/api/people', servant, admin)
    expect(res.status).toBe(201)
    const added = await res.json()
    as[servant.person] = { Authorization: `Bearer ${added.firstToken.secret}` }
  }
  const { db } = api
  await putEntry(db, 'a-jansen', 'a-1', '09:00')
  await putEntry(db, 'a-jansen', 'a-2', '11:00')
  await putEntry(db, 'a-jansen', 'a-3', '14:00')
  await putEntry(db, 'b-bakker', 'b-1', '09:00', { notes: NOTE })
  await putEntry(db, 'b-bakker', 'b-2', '10:00', { title: PRIVATE_TITLE, visibility: 'private' })
  await putEntry(db, 'b-bakker', 'b-3', '13:00', { title: RESTRICTED_TITLE, visibility: 'restricted' })
  await putEntry(db, 'c-visser', 'c-1', '08:00')
  await putEntry(db, 'c-visser', 'c-2', '11:00')
  await putEntry(db, 'c-visser', 'c-3', '16:00')
  const b = as['b-bakker']!
  const post = { title: 'Notitie over samenwerking', kind: 'note', body: 'Wat ik deed.', status: 'published' }
  const made = [
    await api.send('POST', '/api/posts', { ...post, slug: 'notitie-2015' }, b),
    await api.send('POST', '/api/posts', { ...post, slug: 'concept', title: DRAFT_TITLE, status: 'draft' }, b),
    await api.send('POST', '/api/digests/2015-W12', { status: 'published' }, b),
    await api.send('PUT', '/api/profile', { name: 'Bram Bakker', role: 'Programmamanager', organisation: 'BZK' }, b),
  ]
  expect(made.map((res) => res.status)).toEqual([201, 201, 201, 201])
  return { ...api, admin, as }
}

type Org = Awaited<ReturnType<typeof organisation>>

/** B's journal as B's own token reads it: what must be unchanged after A's attempts. */
async function journalOfB(org: Org) {
  const b = org.as['b-bakker']!
  const read = async (path: string) => (await org.send('GET', path, undefined, b)).json()
  return {
    entries: await read('/api/entries?from=2015-03-16&to=2015-03-16'),
    posts: await read('/api/posts'),
    digest: await read('/api/digests/2015-W12'),
    profile: await read('/api/profile'),
    tokens: await read('/api/tokens'),
  }
}

/** Every page of a public listing, following cursors. */
async function allPages(org: Org, path: string): Promise<string[][]> {
  const pages: string[][] = []
  let cursor: string | undefined
  do {
    const body = await (await org.get(`${path}${cursor ? `&cursor=${cursor}` : ''}`)).json()
    pages.push(body.items.map((e: { id: string }) => e.id))
    cursor = body.cursor
  } while (cursor)
  return pages
}

describe('each servant acts on their own journal', () => {
  let org: Org
  beforeAll(async () => {
    org = await organisation()
  }, 60_000)

  it("writes with a servant's token in that servant's journal, readable under their name only", async () => {
    const created = await org.send('POST', '/api/entries', entryInput({ title: 'Van Anna' }), org.as['a-jansen'])
    expect(created.status).toBe(201)
    const { id, person } = await created.json()
    expect(person).toBe('a-jansen')
    expect((await org.get(`/api/people/a-jansen/entries/${id}`)).status).toBe(200)
    expect((await org.get(`/api/people/b-bakker/entries/${id}`)).status).toBe(404)
    expect((await org.get(`/api/entries/${id}`)).status).toBe(404) // the default servant's journal
  })

  it.each([
    ['read B’s private entry by its path', 'GET', '/api/people/b-bakker/entries/b-2', undefined, 403],
    ['read B’s private entry as if it were theirs', 'GET', '/api/entries/b-2', undefined, 404],
    ['list B’s entries as owner', 'GET', '/api/people/b-bakker/entries?from=2015-03-16&to=2015-03-16', undefined, 403],
    ['change B’s entry', 'PATCH', '/api/entries/b-1', { title: 'Overgenomen' }, 404],
    ['change B’s entry by its path', 'PATCH', '/api/people/b-bakker/entries/b-1', { title: 'Overgenomen' }, 403],
    ['withdraw B’s entry', 'DELETE', '/api/entries/b-1', { reason: 'weg' }, 404],
    ['withdraw B’s entry by its path', 'DELETE', '/api/people/b-bakker/entries/b-1', { reason: 'weg' }, 403],
    ['read B’s draft post', 'GET', '/api/posts/concept', undefined, 404],
    ['change B’s post', 'PATCH', '/api/posts/notitie-2015', { title: 'Overgenomen' }, 404],
    [
      'write in B’s posts',
      'POST',
      '/api/people/b-bakker/posts',
      { slug: 'x', title: 'x', kind: 'note', body: 'x' },
      403,
    ],
    ['replace B’s profile', 'PUT', '/api/people/b-bakker/profile', { name: 'Niet Bram', role: 'x' }, 403],
    ['read B’s digest as owner', 'GET', '/api/people/b-bakker/digests/2015-W12', undefined, 403],
    ['regenerate B’s digest', 'POST', '/api/people/b-bakker/digests/2015-W12', { status: 'draft' }, 403],
  ] as const)('refuses A to %s, and B’s journal stays as it was', async (_, method, path, body, status) => {
    const before = await journalOfB(org)
    const res = await org.send(method, path, body, { ...org.as['a-jansen'], 'If-Match': '"1"' })
    expect(res.status).toBe(status)
    const text = await res.text()
    for (const canary of CANARIES) expect(text).not.toContain(canary)
    expect(await journalOfB(org)).toEqual(before)
  })

  it("gives A only A's own tokens and export, and cannot revoke B's token", async () => {
    const before = await journalOfB(org)
    const a = org.as['a-jansen']!
    const tokensOfA = (await (await org.send('GET', '/api/tokens', undefined, a)).json()).items
    const idOfB = before.tokens.items[0].id
    expect(tokensOfA.map((t: { id: string }) => t.id)).not.toContain(idOfB)
    expect((await org.send('DELETE', `/api/tokens/${idOfB}`, undefined, a)).status).toBe(404)
    const exported = await org.send('GET', '/api/export', undefined, a)
    const text = await exported.text()
    expect(JSON.parse(text)).toMatchObject({ person: 'a-jansen' })
    expect(text).not.toContain('b-bakker')
    for (const canary of CANARIES) expect(text).not.toContain(canary)
    expect(await journalOfB(org)).toEqual(before)
    expect((await org.send('GET', '/api/export', undefined, org.as['b-bakker'])).status).toBe(200)
  })

  it("reads B's own profile at /api/profile with B's token, so its ETag lets B change it", async () => {
    const b = org.as['b-bakker']!
    const read = await org.send('GET', '/api/profile', undefined, b)
    expect(read.status).toBe(200)
    expect(await read.json()).toMatchObject({ name: 'Bram Bakker', role: 'Programmamanager' })
    const changed = { name: 'Bram Bakker', role: 'Programmamanager', organisation: 'BZK, CIO Rijk' }
    const put = await org.send('PUT', '/api/profile', changed, { ...b, 'If-Match': read.headers.get('etag')! })
    expect(put.status).toBe(200)
    expect((await (await org.get('/api/people/b-bakker/profile')).json()).organisation).toBe('BZK, CIO Rijk')
  })

  it('keeps Idempotency-Keys per servant: the same key from two servants makes two entries', async () => {
    const key = { 'Idempotency-Key': 'zelfde-sleutel-1' }
    const one = await org.send('POST', '/api/entries', entryInput(), { ...org.as['a-jansen'], ...key })
    const two = await org.send('POST', '/api/entries', entryInput(), { ...org.as['c-visser'], ...key })
    expect([one.status, two.status]).toEqual([201, 201])
    expect(two.headers.get('idempotent-replayed')).toBeNull()
    expect((await two.json()).person).toBe('c-visser')
  })
})

describe("servants' public records", () => {
  let org: Org
  beforeAll(async () => {
    org = await organisation()
  }, 60_000)

  it('lists every servant’s public entries, merged by start then id, over pages without repeats or skips', async () => {
    const day = '/api/entries?from=2015-03-16&to=2015-03-16&limit=3'
    expect(await allPages(org, `${day}&order=asc`)).toEqual([
      ['c-1', 'a-1', 'b-1'],
      ['a-2', 'c-2', 'b-3'],
      ['a-3', 'c-3'],
    ])
    expect(await allPages(org, day)).toEqual([
      ['c-3', 'a-3', 'b-3'],
      ['c-2', 'a-2', 'b-1'],
      ['a-1', 'c-1'],
    ])
    expect(await allPages(org, '/api/entries?from=2015-03-16&to=2015-03-16&limit=1&order=asc')).toEqual(
      ['c-1', 'a-1', 'b-1', 'a-2', 'c-2', 'b-3', 'a-3', 'c-3'].map((id) => [id]),
    )
  })

  it('refuses a cursor of another listing, or a plain one placing another servant, with 400', async () => {
    const own = await (await org.get('/api/people/a-jansen/entries?from=2015-03-16&to=2015-03-16&limit=1')).json()
    // The form cursors had before they were sealed: c-visser's first entry, claimed for b-bakker.
    const position = {
      pk: 'ENTRY#c-visser#c-1',
      sk: 'ENTRY',
      gsi1pk: 'PERSON#c-visser#ENTRIES',
      gsi1sk: '2015-03-16T07:00:00.000Z#c-1',
      person: 'b-bakker',
    }
    const plain = Buffer.from(JSON.stringify({ q: 'x', k: position })).toString('base64url')
    for (const cursor of [own.cursor, plain]) {
      const res = await org.get(`/api/entries?from=2015-03-16&to=2015-03-16&limit=1&cursor=${cursor}`)
      expect(res.status).toBe(400)
      expect((await res.json()).detail).toContain('start again without cursor')
    }
  })

  it('names the servant of each entry in the organisation’s listing', async () => {
    const body = await (await org.get('/api/entries?from=2015-03-16&to=2015-03-16&order=asc&limit=2')).json()
    expect(body.items.map((e: Record<string, string>) => [e.id, e.person, e.personName])).toEqual([
      ['c-1', 'c-visser', 'Cor Visser'],
      ['a-1', 'a-jansen', 'Anna Jansen'],
    ])
  })

  it.each([
    ['/entries?from=2015-03-16&to=2015-03-16&order=asc', { items: [{ id: 'b-1' }, { id: 'b-3' }] }],
    ['/entries/b-1', { id: 'b-1', title: 'Overleg b-1' }],
    ['/posts', { items: [{ slug: 'notitie-2015' }] }],
    ['/posts/notitie-2015', { slug: 'notitie-2015', title: 'Notitie over samenwerking' }],
    ['/digests', { items: [{ week: '2015-W12' }] }],
    ['/digests/2015-W12', { week: '2015-W12', items: [{ entryId: 'b-1' }] }],
    ['/profile', { name: 'Bram Bakker', role: 'Programmamanager' }],
  ])('serves B’s %s to anyone', async (route, expected) => {
    const res = await org.get(`/api/people/b-bakker${route}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject(expected)
  })

  it('never shows B’s private or restricted words in a public answer (canary, positive control first)', async () => {
    const own = await org.send('GET', '/api/entries/b-2', undefined, org.as['b-bakker'])
    expect(await own.text()).toContain(PRIVATE_TITLE)
    const paths = [
      '/api/entries?from=2015-03-16&to=2015-03-16',
      '/api/entries?order=asc&limit=200',
      '/api/people/b-bakker/entries?from=2015-03-16&to=2015-03-16',
      '/api/people/b-bakker/entries/b-1',
      '/api/people/b-bakker/entries/b-2',
      '/api/people/b-bakker/entries/b-3',
      '/api/people/b-bakker/posts',
      '/api/people/b-bakker/posts/concept',
      '/api/people/b-bakker/digests',
      '/api/people/b-bakker/digests/2015-W12',
      '/api/people/b-bakker/profile',
      '/api/people/a-jansen/entries?from=2015-03-16&to=2015-03-16',
      '/api/people/b-bakker',
      '/api/people',
    ]
    for (const path of paths) {
      const text = await (await org.get(path)).text()
      for (const canary of CANARIES) expect(text, path).not.toContain(canary)
    }
    expect((await org.get('/api/people/b-bakker/entries/b-2')).status).toBe(404)
  })

  it.each(['/entries', '/entries/a-1', '/posts', '/posts/notitie-2015', '/digests', '/digests/2015-W12', '/profile'])(
    'answers 404 for an unknown servant at %s, saying where the servants are listed',
    async (route) => {
      const res = await org.get(`/api/people/d-nobody${route}`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect((await res.json()).detail).toBe(
        'There is no servant "d-nobody" here. GET /api/people lists the servants and their slugs.',
      )
    },
  )

  it('keeps the public record of a servant who left, in their section and in the organisation’s listing', async () => {
    const left = await org.send(
      'PATCH',
      '/api/people/b-bakker',
      { status: 'left', leftOn: '2026-02-27' },
      { ...org.admin, 'If-Match': '"1"' },
    )
    expect(left.status).toBe(200)
    expect((await org.send('GET', '/api/tokens', undefined, org.as['b-bakker'])).status).toBe(401)
    const entries = await (await org.get('/api/people/b-bakker/entries?from=2015-03-16&to=2015-03-16')).json()
    expect(entries.items.map((e: { id: string }) => e.id)).toEqual(['b-3', 'b-1'])
    expect((await org.get('/api/people/b-bakker/digests/2015-W12')).status).toBe(200)
    expect((await org.get('/api/people/b-bakker/profile')).status).toBe(200)
    expect((await allPages(org, '/api/entries?from=2015-03-16&to=2015-03-16&limit=50')).flat()).toContain('b-1')
  })

  it.each([
    ['GET', '/api/people/a-jansen/entries?from=2015-03-16&to=2015-03-16'],
    ['GET', '/api/people/a-jansen/entries/a-1'],
    ['GET', '/api/people/a-jansen/digests'],
    ['POST', '/api/people/a-jansen/digests/2015-W12'],
    ['PUT', '/api/people/a-jansen/profile'],
    ['POST', '/api/entries'],
    ['GET', '/api/export'],
    ['GET', '/api/tokens'],
  ])("refuses the administrator's token on the servant route %s %s with 403", async (method, path) => {
    const res = await org.send(method, path, method === 'GET' ? undefined : {}, org.admin)
    expect(res.status).toBe(403)
    expect((await res.json()).detail).toMatch(/administrator's token/)
  })
})

describe('a deployment of one servant', () => {
  it('lists its entries as before, each naming the servant, and serves them under its name too', async () => {
    const api = await testApi()
    const id = (await (await api.send('POST', '/api/entries', entryInput())).json()).id
    await api.send(
      'POST',
      '/api/entries',
      entryInput({ start: '2015-03-16T15:00', end: undefined, title: 'Eigen', visibility: 'private' }),
    )
    const listed = await (await api.get('/api/entries?from=2015-03-16&to=2015-03-16')).json()
    expect(listed.items.map((e: Record<string, string>) => [e.id, e.person, e.personName])).toEqual([
      [id, PERSON, undefined],
    ])
    expect((await api.get(`/api/entries/${id}`)).status).toBe(200)
    expect((await api.get(`/api/people/${PERSON}/entries/${id}`)).status).toBe(200)
    const own = await api.send('GET', `/api/people/${PERSON}/entries?from=2015-03-16&to=2015-03-16`)
    expect((await own.json()).items.map((e: { title: string }) => e.title)).toEqual([
      'Eigen',
      'Adviesgesprek zelfsturing',
    ])
  })
})
