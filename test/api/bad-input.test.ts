import { describe, expect, it } from 'vitest'
import { entryInput, testApi } from '../support/test-db.js'

describe('bad input', () => {
  it.each([
    ['a wrong type', entryInput({ title: 7 }), 400, 'title'],
    ['an unknown field', entryInput({ secret: true }), 400, 'secret'],
    ['a bad date', entryInput({ start: '2015-02-30T10:00' }), 400, 'start'],
    ['end before start', entryInput({ end: '2015-03-16T09:00' }), 400, 'end'],
    ['a missing field', { title: 'x' }, 400, 'start'],
    ['a bad counterpart type', entryInput({ counterparts: [{ name: 'X', type: 'club' }] }), 400, 'counterparts.0.type'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_name, body, status, field) => {
    const api = await testApi()
    const res = await api.send('POST', '/api/entries', body)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = await res.json()
    expect(problem).toMatchObject({ status, title: 'Invalid input' })
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
    expect(JSON.stringify(problem)).not.toMatch(/at \w+ \(|node_modules/)
    expect((await (await api.get('/api/entries', api.auth)).json()).items).toEqual([])
  })

  it.each([
    ['invalid JSON', '{"title": ', 400, /not valid JSON/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 400, /UTF-8/],
    ['a 1 MB body', JSON.stringify(entryInput({ summary: 'x'.repeat(1024 * 1024) })), 413, /larger than/],
    ['a JSON array', '[]', 400, /fields are not valid/],
  ])('refuses %s with a problem, storing nothing', async (_name, body, status, detail) => {
    const api = await testApi()
    const res = await api.send('POST', '/api/entries', body)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect((await res.json()).detail).toMatch(detail)
    expect((await (await api.get('/api/entries', api.auth)).json()).items).toEqual([])
  })

  it('refuses a body that is not JSON with 415', async () => {
    const api = await testApi()
    const res = await api.app.request('/api/entries', {
      method: 'POST',
      headers: { ...api.auth, 'Content-Type': 'text/plain' },
      body: 'hallo',
    })
    expect(res.status).toBe(415)
  })

  it('leaves an entry unchanged after a refused edit', async () => {
    const api = await testApi()
    const entry = await (await api.send('POST', '/api/entries', entryInput())).json()
    const res = await api.send('PATCH', `/api/entries/${entry.id}`, { end: '2015-03-16T08:00' }, { 'If-Match': '"1"' })
    expect(res.status).toBe(400)
    const after = await (await api.get(`/api/entries/${entry.id}`, api.auth)).json()
    expect(after.version).toBe(1)
    expect(after.history).toHaveLength(1)
  })

  it.each([
    ['/api/entries?from=2015-13-01', 'from'],
    ['/api/entries?from=2015-03-10&to=2015-03-01', 'to'],
    ['/api/entries?limit=0', 'limit'],
    ['/api/entries?limit=5000', 'limit'],
    ['/api/entries?kind=party', 'kind'],
    ['/api/entries?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['/api/entries?colour=red', 'colour'],
  ])('refuses the query %s naming %s', async (path, field) => {
    const api = await testApi()
    const res = await api.get(path)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('answers an unknown route with a problem pointing at the OpenAPI document', async () => {
    const api = await testApi()
    const res = await api.get('/api/nothing')
    expect(res.status).toBe(404)
    expect((await res.json()).detail).toContain('/api/openapi.json')
  })
})
