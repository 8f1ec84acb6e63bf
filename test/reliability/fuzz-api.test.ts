import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mountAdmin } from '../../functions/admin/app.js'
import { createApp } from '../../functions/api/app.js'
import { COUNTERPART_TYPES, ENTRY_KINDS, VISIBILITIES } from '../../functions/core/model/index.js'
import { SESSION_SECRET } from '../admin/admin-client.js'
import { entryInput, PERSON, testApi } from '../support/test-db.js'

const CANARY = 'FUZZ-CANARY-PRIVATE-9e1d'
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u0000',
    '\ud800',
    '../../etc/passwd',
    '%00',
    '{{7*7}}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text
    '${7*7}',
    'a'.repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
)
/** Entry inputs that are mostly right, with any field replaced by something hostile or dropped. */
const mutatedEntry = fc.record(
  {
    start: fc.oneof(
      fc.constantFrom('2015-03-16T10:00', '2015-03-29T02:30', '2015-10-25T02:30:00+01:00', '2015-03-16'),
      hostile,
    ),
    end: fc.option(fc.oneof(fc.constant('2015-03-16T12:00'), hostile), { nil: undefined }),
    allDay: fc.option(fc.oneof(fc.boolean(), hostile), { nil: undefined }),
    title: hostile,
    kind: fc.oneof(fc.constantFrom(...ENTRY_KINDS), hostile),
    visibility: fc.oneof(fc.constantFrom(...VISIBILITIES), hostile),
    counterparts: fc.option(
      fc.array(fc.record({ name: hostile, type: fc.oneof(fc.constantFrom(...COUNTERPART_TYPES), hostile) }), {
        maxLength: 3,
      }),
      { nil: undefined },
    ),
    themes: fc.option(fc.oneof(fc.array(hostile, { maxLength: 3 }), hostile), { nil: undefined }),
    links: fc.option(fc.array(fc.record({ url: fc.oneof(fc.webUrl(), hostile) }), { maxLength: 2 }), {
      nil: undefined,
    }),
    extra: fc.option(hostile, { nil: undefined }),
  },
  { requiredKeys: [] },
)

const ACCEPTABLE = new Set([201, 400, 413, 415, 422])

describe('fuzzing the API input schemas', () => {
  it('never answers 500 or crashes on random or hostile entry bodies', async () => {
    const api = await testApi()
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedEntry, fc.jsonValue()), async (body) => {
        const res = await api.send('POST', '/api/entries', JSON.stringify(body))
        expect(ACCEPTABLE.has(res.status), `${res.status} for ${JSON.stringify(body).slice(0, 300)}`).toBe(true)
        const parsed = await res.json()
        if (res.status !== 201) expect(parsed.detail).toEqual(expect.any(String))
      }),
      { numRuns: 250 },
    )
  })

  it('never answers 500 on random query strings', async () => {
    const api = await testApi()
    const param = fc.constantFrom('from', 'to', 'theme', 'counterpart', 'kind', 'order', 'limit', 'cursor', 'x')
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            param,
            hostile.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          ),
          { maxLength: 4 },
        ),
        async (pairs) => {
          const query = new URLSearchParams(pairs).toString()
          const res = await api.get(`/api/entries?${query}`)
          expect([200, 400], `${res.status} for ${query}`).toContain(res.status)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('never lets a private canary out, whatever else the entry holds', async () => {
    const api = await testApi()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('private', 'restricted'),
        fc.string(),
        fc.constantFrom(...COUNTERPART_TYPES),
        async (visibility, noise, type) => {
          const res = await api.send(
            'POST',
            '/api/entries',
            entryInput({
              visibility,
              title: `${CANARY} ${noise}`.trim().slice(0, 200),
              summary: CANARY,
              location: CANARY,
              counterparts: [{ name: CANARY, type }],
              themes: [CANARY.toLowerCase()],
            }),
          )
          expect(res.status).toBe(201)
          const id = (await res.json()).id
          const bodies = await Promise.all(
            [`/api/entries/${id}`, '/api/entries?limit=200', `/api/entries?theme=${CANARY.toLowerCase()}`].map(
              async (p) => (await api.get(p)).text(),
            ),
          )
          for (const body of bodies) expect(body.toLowerCase()).not.toContain(CANARY.toLowerCase())
        },
      ),
      { numRuns: 40 },
    )
  })
})

/** A journal with a few entries and posts, so real cursors exist to be tampered with. */
async function seededJournal() {
  const api = await testApi()
  for (const day of ['2015-03-16', '2015-03-17', '2015-03-18'])
    await api.send('POST', '/api/entries', entryInput({ start: `${day}T10:00`, end: `${day}T11:00` }))
  for (const slug of ['jaarverslag-2014-2015', 'notitie']) {
    await api.send('POST', '/api/posts', {
      slug,
      title: 'Terugblik',
      kind: 'note',
      body: 'Wat ik deed.',
      status: 'published',
    })
  }
  const cursorOf = async (path: string, headers: Record<string, string> = {}) =>
    (await (await api.get(path, headers)).json()).cursor as string
  const cursors = await Promise.all([
    cursorOf('/api/entries?limit=1'),
    cursorOf('/api/entries?limit=1&order=asc'),
    cursorOf('/api/entries?limit=1&from=2015-03-17&to=2015-03-18'),
    cursorOf('/api/entries?limit=1', api.auth),
    cursorOf('/api/posts?limit=1'),
  ])
  expect(cursors.every(Boolean)).toBe(true)
  const deps = { db: api.db, person: PERSON }
  return { app: mountAdmin(createApp(deps), { ...deps, sessionSecret: SESSION_SECRET }), cursors }
}

const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    '::x',
    'http://',
    'http://[::1',
    '//evil.example/admin',
    'javascript:alert(1)',
    '"3"',
    'W/"x"',
    '*',
    '%',
    '%00',
    '\u0000',
    'a'.repeat(3000),
    '../'.repeat(40),
  ),
  fc.nat().map(String),
)

/** A real cursor edited: one character replaced, some cut off or some added. */
const editedCursor = (cursors: string[]) =>
  fc
    .tuple(fc.constantFrom(...cursors), fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), fc.nat(2))
    .map(([cursor, pick, text, how]) => {
      const at = pick % cursor.length
      if (how === 0) return cursor.slice(0, at) + text + cursor.slice(at + 1)
      if (how === 1) return cursor.slice(0, at)
      return cursor.slice(0, at) + text + cursor.slice(at)
    })

/** A cursor of the form they had before they were sealed: base64url JSON naming a position. */
const plainCursor = fc
  .record({ q: fc.string({ maxLength: 16 }), k: fc.dictionary(fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi1sk'), junk) })
  .map((payload) => Buffer.from(JSON.stringify(payload)).toString('base64url'))

const cursorValue = (cursors: string[]) =>
  fc.oneof(
    fc.constantFrom(...cursors),
    editedCursor(cursors),
    plainCursor,
    junk,
    fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  )

/** Every route a visitor without a token can reach, with the parts a client chooses left open. */
const route = (cursors: string[]) => {
  const pathPart = fc
    .oneof(
      junk,
      fc.constantFrom('01JQ3ZK8V1T6B2X9M4N5P7R8S0', 'jaarverslag-2014-2015', '2015-W12', '2015-W54', '0000-W01'),
    )
    .map(encodeURIComponent)
  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'from',
          'to',
          'theme',
          'counterpart',
          'kind',
          'order',
          'limit',
          'cursor',
          'lang',
          'next',
          'week',
        ),
        fc.oneof(junk, cursorValue(cursors)),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString())
  return fc.record({
    method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    path: fc.oneof(
      fc.constantFrom(
        '/api/health',
        '/api/entries',
        '/api/posts',
        '/api/digests',
        '/api/profile',
        '/api/openapi.json',
        '/admin/sign-in',
        '/admin/sign-out',
        '/admin',
        '/admin/admin.css',
      ),
      pathPart.map((p) => `/api/entries/${p}`),
      pathPart.map((p) => `/api/posts/${p}`),
      pathPart.map((p) => `/api/digests/${p}`),
      pathPart.map((p) => `/admin/entries/${p}`),
      pathPart.map((p) => `/admin/tokens/${p}/revoke`),
    ),
    query,
    headers: fc.dictionary(
      fc.constantFrom(
        'Referer',
        'Origin',
        'If-Match',
        'If-None-Match',
        'Accept',
        'Content-Type',
        'Authorization',
        'Cookie',
        'Accept-Language',
        'Idempotency-Key',
      ),
      junk,
      { maxKeys: 4 },
    ),
    body: fc.oneof(
      fc.constant(undefined),
      junk,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom('_csrf=x&token=y', `token=${'a'.repeat(3000)}`),
    ),
  })
}

/** Headers fetch refuses to send (control characters) are not requests a server can receive. */
const sendable = (headers: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([, v]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v))
      .map(([k, v]) => [k, v.trim()]),
  )

describe('fuzzing every public route', () => {
  it('never answers 5xx to anything a visitor without a token sends', async () => {
    const { app, cursors } = await seededJournal()
    await fc.assert(
      fc.asyncProperty(route(cursors), async ({ method, path, query, headers, body }) => {
        const url = `http://localhost:8787${path}${query ? `?${query}` : ''}`
        const withBody = ['GET', 'HEAD'].includes(method) ? undefined : body
        const res = await app.request(url, { method, headers: sendable(headers), body: withBody })
        const text = await res.text()
        const sent = `${method} ${url.slice(0, 300)} ${JSON.stringify(headers).slice(0, 300)}`
        expect(res.status, `${res.status} for ${sent}: ${text.slice(0, 300)}`).toBeLessThan(500)
      }),
      { numRuns: 600 },
    )
  }, 120_000)

  it.each([
    ['an entry id of 3,000 characters', `/api/entries/${'A'.repeat(3000)}`, 404],
    ['a post slug of 3,000 characters', `/api/posts/${'a'.repeat(3000)}`, 404],
    ['a week of 3,000 characters', `/api/digests/${'2'.repeat(3000)}`, 400],
  ])('answers %s with a problem saying so, not a 500', async (_, path, status) => {
    const { app } = await seededJournal()
    const res = await app.request(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })

  it('refuses a plain cursor naming another partition, or another listing’s, with 400 "start again"', async () => {
    const { app, cursors } = await seededJournal()
    const position = { pk: 'ENTRY#x#y', sk: 'ENTRY', gsi1pk: 'PERSON#someone-else#ENTRIES', gsi1sk: '0000' }
    const plain = Buffer.from(JSON.stringify({ q: 'x', k: position })).toString('base64url')
    for (const cursor of [plain, cursors[0]]) {
      const res = await app.request(`/api/entries?limit=1&from=2015-03-17&to=2015-03-18&cursor=${cursor}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { detail: string }).detail).toContain('start again without cursor')
    }
  })

  it('answers a refused sign-in form with a Referer that is no address with 403, not 500', async () => {
    const { app } = await seededJournal()
    const res = await app.request('http://localhost:8787/admin/sign-in', {
      method: 'POST',
      headers: { Referer: '::x', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=x',
    })
    expect(res.status).toBe(403)
  })
})
