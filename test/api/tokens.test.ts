import { describe, expect, it } from 'vitest'
import { testApi } from '../support/test-db.js'

describe('owner tokens API', () => {
  it("shows a new token's secret once, lists tokens without secrets or digests, and the new token works", async () => {
    const api = await testApi()
    const created = await api.send('POST', '/api/tokens', { label: 'laptop' })
    expect(created.status).toBe(201)
    const token = await created.json()
    expect(token).toMatchObject({
      id: expect.stringMatching(/^tok-[0-9a-f]{12}$/),
      label: 'laptop',
      secret: expect.stringMatching(/^oaj_/),
    })
    const listed = await (await api.get('/api/tokens', api.auth)).json()
    expect(listed.items.map((t: { label: string }) => t.label)).toEqual(['test', 'laptop'])
    expect(JSON.stringify(listed)).not.toContain(token.secret)
    expect(JSON.stringify(listed)).not.toMatch(/digest/)
    expect((await api.get('/api/tokens', { Authorization: `Bearer ${token.secret}` })).status).toBe(200)
  })

  it('revokes a token so it no longer works, and says so when asked again', async () => {
    const api = await testApi()
    const token = await (await api.send('POST', '/api/tokens', { label: 'telefoon' })).json()
    const revoked = await api.send('DELETE', `/api/tokens/${token.id}`)
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toMatchObject({ id: token.id, revokedAt: expect.any(String) })
    expect((await api.get('/api/tokens', { Authorization: `Bearer ${token.secret}` })).status).toBe(401)
    const again = await api.send('DELETE', `/api/tokens/${token.id}`)
    expect(again.status).toBe(409)
  })

  it('keeps the last working token, so the owner cannot lock themselves out', async () => {
    const api = await testApi()
    const [only] = (await (await api.get('/api/tokens', api.auth)).json()).items
    const res = await api.send('DELETE', `/api/tokens/${only.id}`)
    expect(res.status).toBe(409)
    expect((await res.json()).detail).toMatch(/last working token: create another one first/)
    expect((await api.get('/api/tokens', api.auth)).status).toBe(200)
  })

  it.each([
    ['an unknown token', 'DELETE', '/api/tokens/tok-000000000000', undefined, 404],
    ['a token without label', 'POST', '/api/tokens', {}, 400],
    ['no owner token', 'GET', '/api/tokens', undefined, 401],
  ])('answers %s with %i', async (_, method, path, body, status) => {
    const api = await testApi()
    const res = await api.send(method, path, body, status === 401 ? { Authorization: '' } : {})
    expect(res.status).toBe(status)
  })
})
