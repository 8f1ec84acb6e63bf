import { describe, expect, it } from 'vitest'
import { listChangedSince } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi } from '../support/test-db.js'

const MONDAY_MORNING = new Date('2015-03-23T06:00:00Z')
const CANARIES = {
  privateTitle: 'CANARY-PRIVATE-TITLE-d1g3',
  personName: 'CANARY-Jansen-d1g3',
  restrictedTitle: 'CANARY-RESTRICTED-d1g3',
}

async function journal() {
  const api = await testApi({ now: () => MONDAY_MORNING })
  const add = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.send('POST', '/api/entries', entryInput({ end: undefined, ...overrides }))
    expect(res.status).toBe(201)
    return (await res.json()).id as string
  }
  return { ...api, add }
}

describe('weekly digests API', () => {
  it('generates a draft, publishes it on request, and shows the public only the published digest', async () => {
    const api = await journal()
    const id = await api.add()
    const generated = await api.send('POST', '/api/digests/2015-W12')
    expect(generated.status).toBe(201)
    expect(generated.headers.get('location')).toBe('/api/digests/2015-W12')
    expect(await generated.json()).toMatchObject({
      week: '2015-W12',
      outcome: 'created',
      digest: {
        status: 'draft',
        intro: '',
        moreCount: 0,
        withheldCount: 0,
        version: 1,
        items: [
          { entryId: id, line: 'ma 16 mrt · advies · Gemeente Enschede · zelfsturing', path: `/agenda/entry/${id}/` },
        ],
      },
    })
    expect((await api.get('/api/digests/2015-W12')).status).toBe(404)
    expect((await (await api.get('/api/digests')).json()).items).toEqual([])
    expect((await api.get('/api/digests/2015-W12', api.auth)).status).toBe(200)

    const published = await api.send('POST', '/api/digests/2015-W12', {
      status: 'published',
      intro: 'Een week vol advies.',
    })
    expect(published.status).toBe(200)
    expect(await published.json()).toMatchObject({ outcome: 'updated', digest: { status: 'published', version: 2 } })
    const read = await api.get('/api/digests/2015-w12')
    expect(read.status).toBe(200)
    expect(read.headers.get('etag')).toMatch(/^"p-[\w-]+"$/)
    const body = await read.json()
    expect(body).toMatchObject({
      week: '2015-W12',
      intro: 'Een week vol advies.',
      publishedAt: MONDAY_MORNING.toISOString(),
    })
    expect(body).not.toHaveProperty('person')
  })

  it('gives one digest with the same content when the generation runs twice', async () => {
    const api = await journal()
    await api.add()
    await api.add({
      start: '2015-03-18T14:00',
      kind: 'lecture',
      counterparts: [{ name: 'Gemeente Almere', type: 'gemeente' }],
    })
    const first = await (await api.send('POST', '/api/digests/2015-W12', { status: 'published' })).json()
    const again = await api.send('POST', '/api/digests/2015-W12')
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ...first, outcome: 'unchanged' })
    expect((await (await api.get('/api/digests')).json()).items).toHaveLength(1)
  })

  it("keeps the servant's intro when regenerating after the week changed", async () => {
    const api = await journal()
    await api.add()
    await api.send('POST', '/api/digests/2015-W12', { intro: 'Mijn week.' })
    await api.add({
      start: '2015-03-19T09:00',
      kind: 'visit',
      counterparts: [{ name: 'Provincie Overijssel', type: 'provincie' }],
    })
    const regenerated = await (await api.send('POST', '/api/digests/2015-W12')).json()
    expect(regenerated).toMatchObject({
      outcome: 'updated',
      digest: { intro: 'Mijn week.', status: 'draft', version: 2 },
    })
    expect(regenerated.digest.items.map((i: { line: string }) => i.line)).toEqual([
      'ma 16 mrt · advies · Gemeente Enschede · zelfsturing',
      'do 19 mrt · werkbezoek · Provincie Overijssel · zelfsturing',
    ])
  })

  it('makes no digest for a week without public entries: POST says so (200), GET answers 404', async () => {
    const api = await journal()
    await api.add({ visibility: 'restricted' })
    await api.add({ visibility: 'private' })
    const generated = await api.send('POST', '/api/digests/2015-W12')
    expect(generated.status).toBe(200)
    expect(await generated.json()).toEqual({
      week: '2015-W12',
      outcome: 'empty',
      digest: null,
      detail: '2015-W12 has no public entries, so it gets no digest.',
    })
    const read = await api.get('/api/digests/2015-W12', api.auth)
    expect(read.status).toBe(404)
    expect(read.headers.get('content-type')).toContain('application/problem+json')
    expect((await read.json()).detail).toMatch(/no published digest for 2015-W12/)
  })

  it('removes a digest on regeneration once its only entry has become private', async () => {
    const api = await journal()
    const id = await api.add({ title: CANARIES.privateTitle })
    await api.send('POST', '/api/digests/2015-W12', { status: 'published' })
    await api.send('PATCH', `/api/entries/${id}`, { visibility: 'private' }, { 'If-Match': '"1"' })
    expect(await (await api.send('POST', '/api/digests/2015-W12')).json()).toMatchObject({
      outcome: 'removed',
      digest: null,
    })
    expect((await api.get('/api/digests/2015-W12')).status).toBe(404)
    expect((await (await api.get('/api/digests')).json()).items).toEqual([])
  })

  it('hides an entry made private after publication at once, before any regeneration (canary)', async () => {
    const api = await journal()
    await api.add()
    const id = await api.add({
      start: '2015-03-18T10:00',
      counterparts: [{ name: CANARIES.personName, type: 'bedrijf' }],
    })
    await api.send('POST', '/api/digests/2015-W12', { status: 'published' })
    await api.send('PATCH', `/api/entries/${id}`, { visibility: 'private' }, { 'If-Match': '"1"' })
    for (const path of ['/api/digests/2015-W12', '/api/digests']) {
      const text = await (await api.get(path)).text()
      expect(text).toContain('Gemeente Enschede')
      expect(text).not.toContain(CANARIES.personName)
    }
  })

  it('lists published digests newest week first', async () => {
    const api = await journal()
    for (const start of ['2015-03-04T10:00', '2015-03-16T10:00', '2015-03-10T10:00']) await api.add({ start })
    for (const week of ['2015-W11', '2015-W12', '2015-W10'])
      await api.send('POST', `/api/digests/${week}`, { status: 'published' })
    const list = await (await api.get('/api/digests')).json()
    expect(list.items.map((d: { week: string }) => d.week)).toEqual(['2015-W12', '2015-W11', '2015-W10'])
  })

  it('puts digests in the change log, so exports and snapshots include them', async () => {
    const api = await journal()
    await api.add()
    await api.send('POST', '/api/digests/2015-W12')
    const changed = await listChangedSince(api.db, PERSON)
    expect(changed.filter((c) => c.type === 'digest').map((c) => (c.data as { week: string }).week)).toEqual([
      '2015-W12',
    ])
  })

  it("never shows a private title or a private individual's name in any digest answer (canary)", async () => {
    const api = await journal()
    await api.add({
      title: CANARIES.privateTitle,
      visibility: 'private',
      counterparts: [{ name: CANARIES.personName, type: 'private-person' }],
    })
    await api.add({ title: CANARIES.restrictedTitle, visibility: 'restricted' })
    await api.add({ counterparts: [{ name: CANARIES.personName, type: 'private-person' }] })
    const answers = [
      await api.send('POST', '/api/digests/2015-W12', { status: 'published' }),
      await api.get('/api/digests/2015-W12'),
      await api.get('/api/digests'),
      await api.get('/api/digests/2015-W12', api.auth),
    ]
    for (const answer of answers) expect(await answer.text()).not.toMatch(/CANARY/)
    expect((await (await api.get('/api/digests/2015-W12')).json()).items[0].line).toBe(
      'ma 16 mrt · advies · particulier · zelfsturing',
    )
  })

  it.each([
    ['GET', '2015-W54'],
    ['GET', '2015-12'],
    ['POST', '2014-W53'],
    ['POST', 'last-week'],
  ])('answers %s /api/digests/%s with 400 naming the week', async (method, week) => {
    const api = await journal()
    const res =
      method === 'GET' ? await api.get(`/api/digests/${week}`) : await api.send('POST', `/api/digests/${week}`)
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'week' })])
  })

  it.each([
    ['an unknown status', { status: 'live' }, 'status'],
    ['an unknown field', { title: 'x' }, 'title'],
  ])('refuses a generation request with %s (400)', async (_what, body, field) => {
    const api = await journal()
    const res = await api.send('POST', '/api/digests/2015-W12', body)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toEqual([field])
  })

  it('refuses a body that is not JSON (415) and a generation without the owner token (401)', async () => {
    const api = await journal()
    expect(
      (await api.app.request('/api/digests/2015-W12', { method: 'POST', headers: api.auth, body: 'status=published' }))
        .status,
    ).toBe(415)
    expect((await api.app.request('/api/digests/2015-W12', { method: 'POST' })).status).toBe(401)
  })
})

describe('annual report draft API', () => {
  it('drafts a report for a July–June year with the figures behind it', async () => {
    const api = await journal()
    const ids = [
      await api.add({ start: '2014-09-03T10:00' }),
      await api.add({
        start: '2015-02-10T10:00',
        kind: 'lecture',
        counterparts: [
          { name: 'Gemeente Almere', type: 'gemeente' },
          { name: 'Ministerie van OCW', type: 'ministerie' },
        ],
      }),
    ]
    await api.add({ start: '2015-07-01T10:00', counterparts: [{ name: 'Gemeente Zwolle', type: 'gemeente' }] })
    const res = await api.send('POST', '/api/reports/draft', { from: '2014-07-01', to: '2015-06-30' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const { markdown, stats } = await res.json()
    expect(markdown).toContain('# Persoonlijk jaarverslag 2014/2015')
    expect(markdown).toContain(
      'ben ik op bezoek geweest bij de gemeenten Almere en Enschede en het ministerie van OCW.',
    )
    expect(markdown).not.toContain('Zwolle')
    expect(stats.total).toEqual({ count: 2, entryIds: ids })
  })

  it('drafts in English when the profile says so, without private names (canary)', async () => {
    const api = await journal()
    await api.send('PUT', '/api/profile', {
      name: 'Sanne de Vries',
      role: 'Adviseur',
      organisation: 'Ministerie van BZK',
      locale: 'en',
    })
    await api.add({ start: '2014-09-03T10:00', counterparts: [{ name: CANARIES.personName, type: 'private-person' }] })
    await api.add({ start: '2014-09-04T10:00', title: CANARIES.privateTitle, visibility: 'private' })
    const text = await (await api.send('POST', '/api/reports/draft', { from: '2014-07-01', to: '2015-06-30' })).text()
    expect(text).toContain('# Personal annual report 2014/2015')
    expect(text).toContain('Private individuals: 1 appointment')
    expect(text).not.toMatch(/CANARY/)
  })

  it.each([
    [{ from: '2015-07-01', to: '2015-06-30' }, 'to'],
    [{ from: '2015-13-01', to: '2015-06-30' }, 'from'],
    [{}, 'from'],
  ])('refuses the period %o with 400 naming %s', async (body, field) => {
    const api = await journal()
    const res = await api.send('POST', '/api/reports/draft', body)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('is for the owner only', async () => {
    const api = await journal()
    const res = await api.app.request('/api/reports/draft', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: '2014-07-01', to: '2015-06-30' }),
    })
    expect(res.status).toBe(401)
  })
})
