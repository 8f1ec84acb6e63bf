import { describe, expect, it } from 'vitest'
import { testApi } from '../support/test-db.js'

const report = {
  slug: 'jaarverslag-2014-2015',
  title: 'Jaarverslag 2014/2015',
  kind: 'annual-report',
  period: { from: '2014-07-01', to: '2015-06-30' },
  body: '# Terugblik\n\nWat ik deed.',
  status: 'published',
}

describe('posts', () => {
  it('publishes a post, keeps drafts private and refuses a taken slug', async () => {
    const api = await testApi()
    expect((await api.send('POST', '/api/posts', report)).status).toBe(201)
    expect((await api.send('POST', '/api/posts', { ...report, slug: 'concept', status: 'draft' })).status).toBe(201)
    expect((await api.send('POST', '/api/posts', report)).status).toBe(409)
    const list = await (await api.get('/api/posts')).json()
    expect(list.items.map((p: { slug: string }) => p.slug)).toEqual(['jaarverslag-2014-2015'])
    expect((await api.get('/api/posts/concept')).status).toBe(404)
    expect((await api.get('/api/posts/concept', api.auth)).status).toBe(200)
  })

  it('edits a post with If-Match and shows the change in its history', async () => {
    const api = await testApi()
    await api.send('POST', '/api/posts', report)
    const res = await api.send(
      'PATCH',
      '/api/posts/jaarverslag-2014-2015',
      { title: 'Persoonlijk jaarverslag 2014/2015' },
      { 'If-Match': '"1"', 'X-Change-Reason': encodeURIComponent('Titel verduidelijkt') },
    )
    expect(res.status).toBe(200)
    const post = await (await api.get('/api/posts/jaarverslag-2014-2015')).json()
    expect(post.history.at(-1)).toMatchObject({
      reason: 'Titel verduidelijkt',
      changes: [{ field: 'title', from: 'Jaarverslag 2014/2015', to: 'Persoonlijk jaarverslag 2014/2015' }],
    })
    expect(
      (await api.send('PATCH', '/api/posts/jaarverslag-2014-2015', { title: 'Oud' }, { 'If-Match': '"1"' })).status,
    ).toBe(412)
  })

  it.each([
    [{ ...report, slug: 'Jaar Verslag' }, 'slug'],
    [{ ...report, period: undefined }, 'period'],
    [{ ...report, period: { from: '2015-06-30', to: '2014-07-01' } }, 'period.to'],
  ])('refuses %j naming %s', async (body, field) => {
    const api = await testApi()
    const res = await api.send('POST', '/api/posts', body)
    expect(res.status).toBe(400)
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field)
  })
})

describe('profile', () => {
  it('is created once, then replaced only with If-Match', async () => {
    const api = await testApi()
    expect((await api.get('/api/profile')).status).toBe(404)
    const profile = { name: 'Sanne de Vries', role: 'Adviseur overheidsinnovatie', organisation: 'Ministerie van BZK' }
    expect((await api.send('PUT', '/api/profile', profile)).status).toBe(201)
    expect((await api.send('PUT', '/api/profile', { ...profile, role: 'Programmamanager' })).status).toBe(428)
    expect(
      (await api.send('PUT', '/api/profile', { ...profile, role: 'Programmamanager' }, { 'If-Match': '"1"' })).status,
    ).toBe(200)
    expect(await (await api.get('/api/profile')).json()).toMatchObject({
      role: 'Programmamanager',
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
    })
  })
})

describe('the profile contact', () => {
  const profile = { name: 'Sanne de Vries', role: 'Adviseur', organisation: 'Ministerie van BZK' }

  it.each(['sanne@example.org', 'https://www.example.nl/reageren'])('publishes %s as the contact', async (contact) => {
    const api = await testApi()
    expect((await api.send('PUT', '/api/profile', { ...profile, contact })).status).toBe(201)
    expect((await (await api.get('/api/profile')).json()).contact).toBe(contact)
  })

  it('drops the contact when a later version leaves it out', async () => {
    const api = await testApi()
    await api.send('PUT', '/api/profile', { ...profile, contact: 'sanne@example.org' })
    expect((await api.send('PUT', '/api/profile', profile, { 'If-Match': '"1"' })).status).toBe(200)
    expect(await (await api.get('/api/profile')).json()).not.toHaveProperty('contact')
  })

  it.each(['mailto:sanne@example.org', 'http://www.example.nl/reageren', 'Sanne <sanne@example.org>', ''])(
    'refuses %j with a message that says what a contact may be',
    async (contact) => {
      const api = await testApi()
      const res = await api.send('PUT', '/api/profile', { ...profile, contact })
      expect(res.status).toBe(400)
      expect((await res.json()).errors).toEqual([
        {
          field: 'contact',
          reason:
            'must be an e-mail address (name@example.nl) or the https:// address of a web form; ' +
            'leave it out to show no contact',
        },
      ])
      expect((await api.get('/api/profile')).status).toBe(404)
    },
  )

  it('is described in the API description', async () => {
    const api = await testApi()
    const doc = await (await api.get('/api/openapi.json')).json()
    expect(doc.components.schemas.ProfileInput.properties.contact).toEqual({ type: 'string', maxLength: 2000 })
    expect(doc.paths['/api/profile'].put.description).toContain('`contact` is where readers respond')
  })
})

describe('the API description', () => {
  it('describes every route the app serves', async () => {
    const api = await testApi()
    const doc = await (await api.get('/api/openapi.json')).json()
    const served = api.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`)
    for (const route of new Set(served)) {
      const [method, path] = route.split(' ') as [string, string]
      expect(doc.paths[path]?.[method], route).toBeDefined()
    }
    expect(doc.components.schemas.EntryInput.additionalProperties).toBe(false)
  })

  it('sends secure headers', async () => {
    const api = await testApi()
    const res = await api.get('/api/health')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toContain('max-age')
    expect(await res.json()).toEqual({ status: 'ok' })
  })
})
