import { describe, expect, it } from 'vitest'
import { administratorToken, entryInput, PERSON, testApi } from '../support/test-db.js'

/** The API with an administrator's token beside the servant's own. */
async function organisationApi() {
  const api = await testApi({ now: () => new Date('2026-03-02T09:00:00Z') })
  const admin = { Authorization: `Bearer ${await administratorToken(api.db)}` }
  return { ...api, admin }
}

/** What a problem says: its detail and each field's reason, as a person reads them. */
async function said(res: Response): Promise<string> {
  const body = (await res.json()) as { detail: string; errors?: { field: string; reason: string }[] }
  return [body.detail, ...(body.errors ?? []).map((e) => `${e.field}: ${e.reason}`)].join(' ')
}

const jansen = { person: 'a-jansen', name: 'Anna Jansen', role: 'CIO-adviseur' }

describe('the organisation administrator manages servants', () => {
  it('adds a servant with a first token shown once, and lists servants publicly without internals', async () => {
    const api = await organisationApi()
    const added = await api.send('POST', '/api/people', jansen, api.admin)
    expect(added.status).toBe(201)
    const body = await added.json()
    expect(body).toMatchObject({ ...jansen, status: 'active', firstToken: { secret: expect.stringMatching(/^oaj_/) } })
    const listed = await api.get('/api/people')
    expect(listed.status).toBe(200)
    expect(await listed.json()).toEqual({ items: [{ ...jansen, status: 'active' }] })
    expect(JSON.stringify(await (await api.get('/api/people/a-jansen')).json())).not.toContain('oaj_')
  })

  it("gives the servant's first token their own journal: the new servant writes with it", async () => {
    const api = await organisationApi()
    const added = await (await api.send('POST', '/api/people', { ...jansen, person: PERSON }, api.admin)).json()
    const own = { Authorization: `Bearer ${added.firstToken.secret}` }
    expect((await api.send('POST', '/api/entries', entryInput(), own)).status).toBe(201)
  })

  it.each([
    ['a slug taken already', { ...jansen }, 409, /servant "a-jansen" already/],
    ['a slug that is a page of the site', { ...jansen, person: 'agenda' }, 400, /"agenda" is a page of the site/],
    ['a slug with capitals and spaces', { ...jansen, person: 'A Jansen' }, 400, /lowercase letters/],
    ['a servant without a name', { person: 'b-bakker', role: 'adviseur' }, 400, /name/],
  ])('refuses %s and says what to change', async (_, input, status, message) => {
    const api = await organisationApi()
    await api.send('POST', '/api/people', jansen, api.admin)
    const res = await api.send('POST', '/api/people', input, api.admin)
    expect(res.status).toBe(status)
    expect(await said(res)).toMatch(message)
    expect((await (await api.get('/api/people')).json()).items).toHaveLength(1)
  })

  it('deactivates a servant: their tokens stop working, their public record stays, the list says so', async () => {
    const api = await organisationApi()
    const added = await (await api.send('POST', '/api/people', { ...jansen, person: PERSON }, api.admin)).json()
    const own = { Authorization: `Bearer ${added.firstToken.secret}` }
    const entry = await (await api.send('POST', '/api/entries', entryInput(), own)).json()
    const left = await api.send(
      'PATCH',
      `/api/people/${PERSON}`,
      { status: 'left', leftOn: '2026-02-27' },
      {
        ...api.admin,
        'If-Match': '"1"',
      },
    )
    expect(left.status).toBe(200)
    expect(await left.json()).toEqual({ ...jansen, person: PERSON, status: 'left', leftOn: '2026-02-27' })
    expect((await api.send('POST', '/api/entries', entryInput(), own)).status).toBe(401)
    expect((await api.send('POST', '/api/entries', entryInput())).status).toBe(401) // every token of theirs
    expect((await api.get(`/api/entries/${entry.id}`)).status).toBe(200)
  })

  it('brings a servant back with a new first token, and refuses one while they are away', async () => {
    const api = await organisationApi()
    await api.send('POST', '/api/people', jansen, api.admin)
    const change = (body: unknown, version: string) =>
      api.send('PATCH', '/api/people/a-jansen', body, { ...api.admin, 'If-Match': version })
    await change({ status: 'left', leftOn: '2026-02-27' }, '"1"')
    expect((await api.send('POST', '/api/people/a-jansen/tokens', undefined, api.admin)).status).toBe(409)
    expect(await (await change({ status: 'active' }, '"2"')).json()).toEqual({ ...jansen, status: 'active' })
    const token = await api.send('POST', '/api/people/a-jansen/tokens', undefined, api.admin)
    expect(token.status).toBe(201)
    expect((await token.json()).secret).toMatch(/^oaj_/)
  })

  it("revokes the servant's working tokens when the administrator issues a new first token", async () => {
    const api = await organisationApi()
    const added = await (await api.send('POST', '/api/people', jansen, api.admin)).json()
    const first = { Authorization: `Bearer ${added.firstToken.secret}` }
    expect((await api.send('POST', '/api/entries', entryInput(), first)).status).toBe(201)
    const issued = await api.send('POST', '/api/people/a-jansen/tokens', undefined, api.admin)
    expect(issued.status).toBe(201)
    const body = await issued.json()
    expect(body.revoked).toBe(1)
    // The servant notices: their own token no longer works; only the new one does.
    expect((await api.send('POST', '/api/entries', entryInput(), first)).status).toBe(401)
    const next = { Authorization: `Bearer ${body.secret}` }
    expect((await api.send('POST', '/api/entries', entryInput(), next)).status).toBe(201)
  })

  it.each([
    ['no If-Match', {}, { status: 'left', leftOn: '2026-02-27' }, 428],
    ['a stale If-Match', { 'If-Match': '"7"' }, { status: 'left', leftOn: '2026-02-27' }, 412],
    ['leaving without the day', { 'If-Match': '"1"' }, { status: 'left' }, 400],
    ['a day that is not a date', { 'If-Match': '"1"' }, { status: 'left', leftOn: '27-02-2026' }, 400],
  ])('refuses a change with %s and leaves the servant as they were', async (_, headers, body, status) => {
    const api = await organisationApi()
    await api.send('POST', '/api/people', jansen, api.admin)
    const res = await api.send('PATCH', '/api/people/a-jansen', body, { ...api.admin, ...headers })
    expect(res.status).toBe(status)
    expect(await (await api.get('/api/people/a-jansen')).json()).toEqual({ ...jansen, status: 'active' })
  })
})

describe('roles: each token stays on its own side', () => {
  it("refuses the administrator a servant's journal: private items, writes and the export", async () => {
    const api = await organisationApi()
    const canary = 'Kanarie-7f3a vertrouwelijk overleg'
    const secret = await (
      await api.send('POST', '/api/entries', entryInput({ title: canary, visibility: 'private' }))
    ).json()
    for (const [method, path, body] of [
      ['GET', `/api/entries/${secret.id}`, undefined],
      ['GET', '/api/entries?from=2015-03-01&to=2015-03-31', undefined],
      ['GET', '/api/export', undefined],
      ['POST', '/api/entries', entryInput()],
      ['GET', '/api/tokens', undefined],
    ] as const) {
      const res = await api.send(method, path, body, api.admin)
      expect(res.status, `${method} ${path}`).toBe(403)
      const text = await res.text()
      expect(text).not.toContain(canary)
      expect(text).toMatch(/administrator's token/)
    }
  })

  it('refuses servants and strangers the organisation routes', async () => {
    const api = await organisationApi()
    const asServant = await api.send('POST', '/api/people', jansen)
    expect(asServant.status).toBe(403)
    expect((await asServant.json()).detail).toMatch(/for the organisation's administrator/)
    expect((await api.send('POST', '/api/people', jansen, { Authorization: '' })).status).toBe(401)
    expect((await api.send('PUT', '/api/organisation', { name: 'Ministerie' })).status).toBe(403)
    expect((await (await api.get('/api/people')).json()).items).toEqual([])
  })
})

describe('the organisation', () => {
  it('is described by the administrator and read by anyone', async () => {
    const api = await organisationApi()
    expect((await api.get('/api/organisation')).status).toBe(404)
    const described = { name: 'Ministerie van Binnenlandse Zaken', siteUrl: 'https://agenda.example.nl' }
    expect((await api.send('PUT', '/api/organisation', described, api.admin)).status).toBe(201)
    expect(await (await api.get('/api/organisation')).json()).toEqual(described)
    expect((await api.send('PUT', '/api/organisation', described, api.admin)).status).toBe(428)
    const renamed = await api.send('PUT', '/api/organisation', { name: 'BZK' }, { ...api.admin, 'If-Match': '"1"' })
    expect(await renamed.json()).toEqual({ name: 'BZK' })
  })

  it('refuses a site address that is not a web address', async () => {
    const api = await organisationApi()
    const res = await api.send('PUT', '/api/organisation', { name: 'BZK', siteUrl: 'javascript:alert(1)' }, api.admin)
    expect(res.status).toBe(400)
    expect(await said(res)).toMatch(/siteUrl: must be an http\(s\) URL/)
  })
})
