import { describe, expect, it } from 'vitest'
import { buildPublicSnapshot, journalItemsFrom, serializeSnapshot } from '../../functions/core/publishing/index.js'
import { listChangedSince } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi } from '../support/test-db.js'

/**
 * Later decisions apply to what was published before (DESIGN.md section 4): the reproduction of
 * the outside review, through the API and the snapshot the site is built from.
 */
const NAME = 'Jan Jansen'
let clock = new Date('2015-04-06T06:00:00Z')

async function journalWithPublishedDigest() {
  clock = new Date('2015-04-06T06:00:00Z')
  const api = await testApi({ now: () => clock })
  const later = () => {
    clock = new Date(clock.getTime() + 60_000)
  }
  const created = await api.send(
    'POST',
    '/api/entries',
    entryInput({
      start: '2015-03-31T10:00',
      end: undefined,
      counterparts: [
        { name: 'Gemeente Enschede', type: 'gemeente' },
        { name: NAME, type: 'overig' },
      ],
    }),
  )
  const id = (await created.json()).id as string
  later()
  expect((await api.send('POST', '/api/digests/2015-W14', { status: 'published' })).status).toBe(201)
  const snapshot = async () =>
    serializeSnapshot(buildPublicSnapshot(journalItemsFrom(await listChangedSince(api.db, PERSON)), { now: clock }))
  return { ...api, id, later, snapshot }
}

describe('a counterpart re-typed as a private individual after publication', () => {
  it('is "particulier" in the digest, the history and the snapshot, and no longer named anywhere', async () => {
    const api = await journalWithPublishedDigest()
    expect(await (await api.get('/api/digests/2015-W14')).text()).toContain(NAME)
    api.later()
    const patched = await api.send(
      'PATCH',
      `/api/entries/${api.id}`,
      {
        counterparts: [
          { name: 'Gemeente Enschede', type: 'gemeente' },
          { name: NAME, type: 'private-person' },
        ],
      },
      { 'If-Match': '"1"' },
    )
    expect(patched.status).toBe(200)

    const digest = await api.get('/api/digests/2015-W14')
    const digestText = await digest.text()
    expect(digestText).toContain('Gemeente Enschede en particulier')
    const entry = await api.get(`/api/entries/${api.id}`)
    const entryText = await entry.text()
    // The view changed (version 2), but under today's decision the name was never shown: no change to tell.
    expect(JSON.parse(entryText)).toMatchObject({
      version: 2,
      history: [{ action: 'create', version: 1, changes: [] }],
    })
    const listing = await (await api.get('/api/entries?from=2015-03-30&to=2015-04-05')).text()
    const snapshot = await api.snapshot()
    for (const text of [digestText, entryText, listing, snapshot]) expect(text).not.toContain(NAME)
  })
})

describe('digest counts', () => {
  it('count the week as it is now: an entry restricted after publication moves from items to withheld', async () => {
    const api = await journalWithPublishedDigest()
    expect(await (await api.get('/api/digests/2015-W14')).json()).toMatchObject({ moreCount: 0, withheldCount: 0 })
    const second = await api.send('POST', '/api/entries', entryInput({ start: '2015-04-01T10:00', end: undefined }))
    const secondId = (await second.json()).id as string
    api.later()
    // Not among the items (generated before it existed): counted as one more.
    expect(await (await api.get('/api/digests/2015-W14')).json()).toMatchObject({ moreCount: 1, withheldCount: 0 })
    await api.send('PATCH', `/api/entries/${secondId}`, { visibility: 'restricted' }, { 'If-Match': '"1"' })
    const shown = await (await api.get('/api/digests/2015-W14')).json()
    expect(shown).toMatchObject({ moreCount: 0, withheldCount: 1 })
    expect(JSON.parse(await api.snapshot()).digests[0]).toEqual(shown)
  })
})

describe('public metadata', () => {
  const publicMeta = async (api: Awaited<ReturnType<typeof journalWithPublishedDigest>>, id: string) => {
    const res = await api.get(`/api/entries/${id}`)
    const body = await res.json()
    return {
      etag: res.headers.get('etag'),
      version: body.version,
      updatedAt: body.updatedAt,
      createdAt: body.createdAt,
    }
  }

  it.each([
    ['the internal notes of a public entry', { visibility: 'public' }, { notes: 'Intern: nabellen' }],
    ['the title of a restricted entry', { visibility: 'restricted' }, { title: 'Gesprek over de reorganisatie' }],
    [
      'the counterparts of an embargoed entry',
      { publishAfter: '2099-01-01T00:00:00Z' },
      { counterparts: [{ name: 'Bedrijf BV', type: 'bedrijf' }] },
    ],
  ])('do not move when %s change', async (_what, created, patch) => {
    const api = await journalWithPublishedDigest()
    const id = (
      await (
        await api.send('POST', '/api/entries', entryInput({ start: '2015-04-02T10:00', end: undefined, ...created }))
      ).json()
    ).id as string
    const before = await publicMeta(api, id)
    api.later()
    expect((await api.send('PATCH', `/api/entries/${id}`, patch, { 'If-Match': '"1"' })).status).toBe(200)
    api.later()
    expect((await api.send('PATCH', `/api/entries/${id}`, patch, { 'If-Match': '"2"' })).status).toBe(200)
    expect((await api.get(`/api/entries/${id}`, api.auth)).headers.get('etag')).toBe('"3"')
    expect(await publicMeta(api, id)).toEqual(before)
  })

  it('move once for a change the public sees, dated then', async () => {
    const api = await journalWithPublishedDigest()
    const before = await publicMeta(api, api.id)
    api.later()
    await api.send(
      'PATCH',
      `/api/entries/${api.id}`,
      { title: 'Adviesgesprek over zelfsturende teams' },
      { 'If-Match': '"1"' },
    )
    const after = await publicMeta(api, api.id)
    expect(after).toMatchObject({
      version: before.version + 1,
      updatedAt: clock.toISOString(),
      createdAt: before.createdAt,
    })
    expect(after.etag).not.toBe(before.etag)
  })

  it('date an entry kept private for a while from the moment it became public', async () => {
    const api = await journalWithPublishedDigest()
    const id = (
      await (
        await api.send(
          'POST',
          '/api/entries',
          entryInput({ start: '2015-04-02T10:00', end: undefined, visibility: 'private' }),
        )
      ).json()
    ).id as string
    for (let n = 1; n <= 3; n++) {
      api.later()
      await api.send('PATCH', `/api/entries/${id}`, { notes: `stap ${n}` }, { 'If-Match': `"${n}"` })
    }
    api.later()
    await api.send('PATCH', `/api/entries/${id}`, { visibility: 'public' }, { 'If-Match': '"4"' })
    expect(await publicMeta(api, id)).toMatchObject({
      version: 1,
      createdAt: clock.toISOString(),
      updatedAt: clock.toISOString(),
    })
    expect((await (await api.get(`/api/entries/${id}`)).json()).history).toEqual([
      expect.objectContaining({ version: 1, action: 'create', at: clock.toISOString() }),
    ])
  })

  it('count the end of an embargo as a public change, dated when the embargo ended', async () => {
    const api = await journalWithPublishedDigest()
    const id = (
      await (
        await api.send(
          'POST',
          '/api/entries',
          entryInput({ start: '2015-04-02T10:00', end: undefined, publishAfter: '2015-04-06T12:00:00Z' }),
        )
      ).json()
    ).id as string
    expect(await publicMeta(api, id)).toMatchObject({ version: 1 })
    clock = new Date('2015-04-07T09:00:00Z')
    expect(await publicMeta(api, id)).toMatchObject({ version: 2, updatedAt: '2015-04-06T12:00:00.000Z' })
    api.later()
    await api.send('PATCH', `/api/entries/${id}`, { title: 'Adviesgesprek, nu openbaar' }, { 'If-Match': '"1"' })
    expect(await publicMeta(api, id)).toMatchObject({ version: 3, updatedAt: clock.toISOString() })
  })
})
