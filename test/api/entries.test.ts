import { describe, expect, it } from 'vitest'
import { entryInput, testApi } from '../support/test-db.js'

describe('entries API', () => {
  it('creates an entry without a status as planned until it starts, then held; a chosen status stays', async () => {
    const api = await testApi({ now: () => new Date('2015-03-16T12:00:00Z') })
    const statusOf = async (overrides: Record<string, unknown>) =>
      (await (await api.send('POST', '/api/entries', entryInput({ end: undefined, ...overrides }))).json()).status
    expect(await statusOf({ start: '2015-03-17T10:00', status: undefined })).toBe('planned')
    expect(await statusOf({ start: '2015-03-16T10:00', status: undefined })).toBe('held')
    expect(await statusOf({ start: '2015-03-17T10:00', status: 'cancelled' })).toBe('cancelled')
  })

  it('creates, reads, changes and withdraws an entry (round trip)', async () => {
    const api = await testApi()
    const created = await api.send('POST', '/api/entries', entryInput())
    expect(created.status).toBe(201)
    expect(created.headers.get('etag')).toBe('"1"')
    const entry = await created.json()
    expect(entry.start).toBe('2015-03-16T10:00:00+01:00')
    expect(created.headers.get('location')).toBe(`/api/entries/${entry.id}`)

    const read = await api.get(`/api/entries/${entry.id}`)
    expect(read.status).toBe(200)
    expect((await read.json()).title).toBe('Adviesgesprek zelfsturing')

    const patched = await api.send(
      'PATCH',
      `/api/entries/${entry.id}`,
      { start: '2015-03-16T14:00', end: '2015-03-16T15:00' },
      { 'If-Match': '"1"' },
    )
    expect(patched.status).toBe(200)
    expect(patched.headers.get('etag')).toBe('"2"')

    const history = (await (await api.get(`/api/entries/${entry.id}`)).json()).history
    expect(history).toHaveLength(2)
    expect(history[1].changes).toEqual([
      { field: 'end', from: '2015-03-16T11:30:00+01:00', to: '2015-03-16T15:00:00+01:00' },
      { field: 'start', from: '2015-03-16T10:00:00+01:00', to: '2015-03-16T14:00:00+01:00' },
    ])

    const withdrawn = await api.send(
      'DELETE',
      `/api/entries/${entry.id}`,
      { reason: 'Dubbel ingevoerd' },
      { 'If-Match': '"2"' },
    )
    expect(withdrawn.status).toBe(200)
    const after = await (await api.get(`/api/entries/${entry.id}`)).json()
    expect(after.withdrawn).toMatchObject({ reason: 'Dubbel ingevoerd' })
    expect(after.title).toBe('Adviesgesprek zelfsturing')
  })

  it('replaces an entry with PUT and keeps its id and creation time', async () => {
    const api = await testApi()
    const entry = await (await api.send('POST', '/api/entries', entryInput())).json()
    const put = await api.send(
      'PUT',
      `/api/entries/${entry.id}`,
      entryInput({ title: 'Lezing open overheid', kind: 'lecture' }),
      { 'If-Match': '"1"' },
    )
    expect(put.status).toBe(200)
    const body = await put.json()
    expect(body).toMatchObject({
      id: entry.id,
      createdAt: entry.createdAt,
      title: 'Lezing open overheid',
      kind: 'lecture',
      version: 2,
    })
  })

  it('answers 428 when a change comes without If-Match, and changes nothing', async () => {
    const api = await testApi()
    const entry = await (await api.send('POST', '/api/entries', entryInput())).json()
    const res = await api.send('PATCH', `/api/entries/${entry.id}`, { title: 'Anders' })
    expect(res.status).toBe(428)
    expect((await (await api.get(`/api/entries/${entry.id}`)).json()).title).toBe(entry.title)
  })

  it('lets exactly one of two concurrent updates with the same If-Match win', async () => {
    const api = await testApi()
    const entry = await (await api.send('POST', '/api/entries', entryInput())).json()
    const [a, b] = await Promise.all([
      api.send('PATCH', `/api/entries/${entry.id}`, { title: 'Versie A' }, { 'If-Match': '"1"' }),
      api.send('PATCH', `/api/entries/${entry.id}`, { title: 'Versie B' }, { 'If-Match': '"1"' }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 412])
    const loser = a.status === 412 ? a : b
    expect(loser.headers.get('content-type')).toContain('application/problem+json')
    const owner = await (await api.get(`/api/entries/${entry.id}`, api.auth)).json()
    expect(owner.history).toHaveLength(2)
    expect(owner.version).toBe(2)
    expect(owner.title).toBe(a.status === 200 ? 'Versie A' : 'Versie B')
  })

  it('creates one entry when a POST is retried with the same Idempotency-Key', async () => {
    const api = await testApi()
    const headers = { 'Idempotency-Key': 'retry-1' }
    const first = await api.send('POST', '/api/entries', entryInput(), headers)
    const again = await api.send('POST', '/api/entries', entryInput(), headers)
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await again.json()).id).toBe((await first.json()).id)
    const all = await (await api.get('/api/entries', api.auth)).json()
    expect(all.items).toHaveLength(1)
  })

  it('creates one entry when identical retries race each other', async () => {
    const api = await testApi()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api.send('POST', '/api/entries', entryInput(), { 'Idempotency-Key': 'race' })),
    )
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)))
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(ids.size).toBe(1)
    expect((await (await api.get('/api/entries', api.auth)).json()).items).toHaveLength(1)
  })

  it('refuses an Idempotency-Key reused with another body (422) and creates nothing', async () => {
    const api = await testApi()
    await api.send('POST', '/api/entries', entryInput(), { 'Idempotency-Key': 'k' })
    const res = await api.send('POST', '/api/entries', entryInput({ title: 'Iets anders' }), { 'Idempotency-Key': 'k' })
    expect(res.status).toBe(422)
    expect((await (await api.get('/api/entries', api.auth)).json()).items).toHaveLength(1)
  })

  it('keeps a withdrawn entry readable with its reason, without its details', async () => {
    const api = await testApi()
    const entry = await (
      await api.send('POST', '/api/entries', entryInput({ summary: 'Besproken: pilot zelfsturing' }))
    ).json()
    await api.send('DELETE', `/api/entries/${entry.id}`, { reason: 'Afspraak ging niet door' }, { 'If-Match': '"1"' })
    const res = await api.get(`/api/entries/${entry.id}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.withdrawn.reason).toBe('Afspraak ging niet door')
    expect(JSON.stringify(body)).not.toContain('pilot zelfsturing')
    const again = await api.send('DELETE', `/api/entries/${entry.id}`, { reason: 'nogmaals' }, { 'If-Match': '"2"' })
    expect(again.status).toBe(409)
  })
})
