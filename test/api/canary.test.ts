import { describe, expect, it } from 'vitest'
import { entryInput, testApi } from '../support/test-db.js'

const CANARIES = {
  privateTitle: 'CANARY-PRIVATE-TITLE-7f3a',
  restrictedTitle: 'CANARY-RESTRICTED-TITLE-91bc',
  restrictedPlace: 'CANARY-RESTRICTED-PLACE-2d4e',
  embargoTitle: 'CANARY-EMBARGO-TITLE-5e6f',
  personName: 'CANARY-PERSON-Jansen-c0de',
  internalNote: 'CANARY-INTERNAL-NOTE-a1b2',
  privateTheme: 'canary-private-theme-3c3c',
  earlierPublicTitle: 'CANARY-EARLIER-PUBLIC-TITLE-6a7b',
}

describe('canaries never reach a public route', () => {
  it('shows restricted and embargoed entries only as slots and private ones not at all', async () => {
    const api = await testApi({ now: () => new Date('2015-04-01T12:00:00Z') })
    const created = async (overrides: Record<string, unknown>) => {
      const res = await api.send('POST', '/api/entries', entryInput(overrides))
      expect(res.status).toBe(201)
      return (await res.json()).id as string
    }
    const privateId = await created({
      title: CANARIES.privateTitle,
      visibility: 'private',
      themes: [CANARIES.privateTheme],
    })
    const restrictedId = await created({
      title: CANARIES.restrictedTitle,
      location: CANARIES.restrictedPlace,
      visibility: 'restricted',
      summary: CANARIES.internalNote,
    })
    const embargoId = await created({ title: CANARIES.embargoTitle, publishAfter: '2099-01-01T00:00:00Z' })
    const personId = await created({
      title: 'Gesprek met burger',
      counterparts: [{ name: CANARIES.personName, type: 'private-person' }],
      notes: CANARIES.internalNote,
    })
    // An entry published, then restricted: its earlier public title must not come back through the history.
    const flipped = await created({ title: CANARIES.earlierPublicTitle })
    expect(await (await api.get(`/api/entries/${flipped}`)).text()).toContain(CANARIES.earlierPublicTitle)
    const restricted = { title: CANARIES.restrictedTitle, visibility: 'restricted' }
    expect((await api.send('PATCH', `/api/entries/${flipped}`, restricted, { 'If-Match': '"1"' })).status).toBe(200)

    const publicPaths = [
      '/api/entries',
      '/api/entries?from=2015-03-01&to=2015-03-31',
      '/api/entries?order=asc&limit=1',
      `/api/entries?theme=${CANARIES.privateTheme}`,
      `/api/entries?counterpart=${CANARIES.personName}`,
      ...[privateId, restrictedId, embargoId, personId, flipped].map((id) => `/api/entries/${id}`),
      '/api/posts',
      '/api/openapi.json',
      '/api/health',
    ]
    const seen: string[] = []
    for (const path of publicPaths) {
      let res = await api.get(path)
      seen.push(await res.text())
      let cursor =
        path === '/api/entries?order=asc&limit=1' ? (JSON.parse(seen.at(-1)!).cursor as string | undefined) : undefined
      while (cursor) {
        res = await api.get(`/api/entries?order=asc&limit=1&cursor=${cursor}`)
        const text = await res.text()
        seen.push(text)
        cursor = JSON.parse(text).cursor
      }
    }
    const everything = seen.join('\n')
    for (const canary of Object.values(CANARIES)) expect(everything).not.toContain(canary)

    expect((await api.get(`/api/entries/${privateId}`)).status).toBe(404)
    const slot = await (await api.get(`/api/entries/${restrictedId}`)).json()
    expect(slot).toMatchObject({ visibility: 'restricted', title: 'Besloten afspraak', counterparts: [] })
    expect(everything).toContain('particulier')
  })

  it('answers a private entry exactly like a missing one', async () => {
    const api = await testApi()
    const entry = await (await api.send('POST', '/api/entries', entryInput({ visibility: 'private' }))).json()
    const [forPrivate, forMissing] = await Promise.all([
      api.get(`/api/entries/${entry.id}`),
      api.get('/api/entries/01HZZZZZZZZZZZZZZZZZZZZZZZ'),
    ])
    expect(forPrivate.status).toBe(404)
    const strip = (body: string) =>
      body.replace(/\/api\/entries\/\w+/g, '/api/entries/ID').replace(/entry \w+\./, 'entry ID.')
    expect(strip(await forPrivate.text())).toBe(strip(await forMissing.text()))
  })
})
