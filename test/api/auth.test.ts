import { describe, expect, it } from 'vitest'
import { entryInput, testApi } from '../support/test-db.js'

const writeRoutes: [string, string][] = [
  ['POST', '/api/entries'],
  ['PUT', '/api/entries/ENTRY'],
  ['PATCH', '/api/entries/ENTRY'],
  ['DELETE', '/api/entries/ENTRY'],
  ['POST', '/api/posts'],
  ['PUT', '/api/posts/jaarverslag'],
  ['PATCH', '/api/posts/jaarverslag'],
  ['DELETE', '/api/posts/jaarverslag'],
  ['PUT', '/api/profile'],
  ['GET', '/api/export'],
]

describe('owner routes', () => {
  it.each(writeRoutes)(
    '%s %s answers 401 without a token, with a wrong one and with a revoked one',
    async (method, path) => {
      const api = await testApi()
      const entry = await (await api.send('POST', '/api/entries', entryInput())).json()
      const target = path.replace('ENTRY', entry.id)
      const body = JSON.stringify({ reason: 'x', ...entryInput() })
      for (const authorization of [undefined, 'Bearer oaj_wrong', 'Basic dXNlcjpwYXNz', 'Bearer']) {
        const res = await api.app.request(target, {
          method,
          body: method === 'GET' ? undefined : body,
          headers: {
            'Content-Type': 'application/json',
            'If-Match': '"1"',
            ...(authorization ? { Authorization: authorization } : {}),
          },
        })
        expect(res.status, `${authorization}`).toBe(401)
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      }
      const unchanged = await (await api.get(`/api/entries/${entry.id}`)).json()
      expect(unchanged.version).toBe(1)
    },
  )

  it("writes with another servant's token in that servant's own journal, never in this one", async () => {
    const api = await testApi()
    const { ownerToken } = await import('../support/test-db.js')
    const other = await ownerToken(api.db, 'someone-else')
    const res = await api.send('POST', '/api/entries', entryInput(), { Authorization: `Bearer ${other.secret}` })
    expect(res.status).toBe(201)
    expect((await res.json()).person).toBe('someone-else')
    expect((await (await api.send('GET', '/api/entries?from=2015-03-16&to=2015-03-16')).json()).items).toEqual([])
  })
})
