import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../functions/core/words/index.js'
import { adminTest } from './admin-client.js'

const NOW = new Date('2015-03-24T09:00:00Z')

async function signedIn() {
  const admin = await adminTest({ now: () => NOW })
  await admin.signIn()
  return admin
}

const MARKDOWN = '# Terugblik\n\nEen jaar **open agenda**. <script>alert(1)</script> [klik](javascript:alert(1))'

describe('posts in the admin', () => {
  it('previews Markdown sanitised exactly as the site renders it, without saving', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin/posts/new', '/admin/posts', {
      slug: 'jaarverslag-2014',
      title: 'Jaarverslag 2014',
      kind: 'annual-report',
      periodFrom: '2014-01-01',
      periodTo: '2014-12-31',
      body: MARKDOWN,
      status: 'draft',
      action: 'preview',
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<div class="preview">${renderMarkdown(MARKDOWN)}</div>`)
    expect(html).not.toMatch(/<script>alert/)
    expect(html).toContain('<h2>Terugblik</h2>')
    expect(
      (await admin.app.request('/api/posts/jaarverslag-2014', { headers: { Authorization: `Bearer ${admin.secret}` } }))
        .status,
    ).toBe(404)
  })

  it('saves a draft, then publishes it; a stale edit shows what changed', async () => {
    const admin = await signedIn()
    const values = {
      slug: 'notitie-open-data',
      title: 'Over open data',
      kind: 'note',
      body: 'Tekst.',
      status: 'draft',
      action: 'save',
    }
    const created = await admin.submit('/admin/posts/new', '/admin/posts', values)
    expect(created.headers.get('location')).toBe('/admin/posts/notitie-open-data?done=postSaved')
    expect((await admin.app.request('/api/posts/notitie-open-data')).status).toBe(404)
    const published = await admin.submit('/admin/posts/notitie-open-data', '/admin/posts/notitie-open-data', {
      ...values,
      status: 'published',
      version: '1',
    })
    expect(published.status).toBe(303)
    expect(await (await admin.app.request('/api/posts/notitie-open-data')).json()).toMatchObject({
      title: 'Over open data',
      status: 'published',
    })
    const stale = await admin.submit('/admin/posts/notitie-open-data', '/admin/posts/notitie-open-data', {
      ...values,
      title: 'Oude versie',
      status: 'published',
      version: '1',
    })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toMatch(/<th scope="row">Status<\/th><td>draft<\/td><td>published<\/td>/)
  })

  it('refuses a taken slug beside the field', async () => {
    const admin = await signedIn()
    const values = { slug: 'dubbel', title: 'Een', kind: 'note', body: 'x', status: 'draft', action: 'save' }
    await admin.submit('/admin/posts/new', '/admin/posts', values)
    const again = await admin.submit('/admin/posts/new', '/admin/posts', values)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain(
      '<p class="error" id="f-slug-error">is al in gebruik: kies een ander adres</p>',
    )
  })
})

describe('weekly digest review in the admin', () => {
  it('generates a week, then publishes it with an intro', async () => {
    const admin = await signedIn()
    await admin.submit('/admin', '/admin/entries', {
      title: 'Advies over zelfsturende teams',
      date: '2015-03-16',
      startTime: '10:00',
      kind: 'advice',
      cp0name: 'Gemeente Enschede',
      cp0type: 'gemeente',
      visibility: 'public',
      status: 'held',
    })
    const made = await admin.submit('/admin/digests', '/admin/digests', { week: '2015-w12' })
    expect(made.headers.get('location')).toBe('/admin/digests/2015-W12')
    const page = await (await admin.get('/admin/digests/2015-W12')).text()
    expect(page).toContain('Advies over zelfsturende teams — ma 16 mrt · advies · Gemeente Enschede')
    expect(page).toContain('<span class="badge badge-draft">Concept</span>')
    expect((await admin.app.request('/api/digests/2015-W12')).status).toBe(404)
    const entryId = /name="entry0" value="([^"]+)"/.exec(page)![1]!
    const saved = await admin.submit('/admin/digests/2015-W12', '/admin/digests/2015-W12', {
      version: '1',
      entry0: entryId,
      pick0: 'on',
      order0: '1',
      note0: 'Vervolg in april.',
      intro: 'Een week over **zelfsturing**.',
      status: 'published',
    })
    expect(saved.status).toBe(303)
    expect(await (await admin.app.request('/api/digests/2015-W12')).json()).toMatchObject({
      intro: 'Een week over **zelfsturing**.',
      introHtml: '<p>Een week over <strong>zelfsturing</strong>.</p>\n',
      items: [{ title: 'Advies over zelfsturende teams', note: 'Vervolg in april.' }],
      publishedAt: expect.any(String),
    })
  })

  async function weekOf(admin: Awaited<ReturnType<typeof signedIn>>, count: number) {
    for (let i = 0; i < count; i++) {
      await admin.submit('/admin', '/admin/entries', {
        title: `Overleg ${i + 1}`,
        date: '2015-03-17',
        startTime: `${String(8 + i).padStart(2, '0')}:00`,
        kind: 'meeting',
        cp0name: `Gemeente ${i + 1}`,
        cp0type: 'gemeente',
        visibility: 'public',
        status: 'held',
      })
    }
    await admin.submit('/admin/digests', '/admin/digests', { week: '2015-W12' })
    const page = await (await admin.get('/admin/digests/2015-W12')).text()
    return [...page.matchAll(/name="(entry\d+)" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const)
  }

  it('refuses eleven items with a message that says how many, keeping the choices', async () => {
    const admin = await signedIn()
    const rows = await weekOf(admin, 11)
    const picks = Object.fromEntries(
      rows.flatMap(([field, id], i) => [
        [field, id],
        [`pick${i}`, 'on'],
      ]),
    )
    const res = await admin.submit('/admin/digests/2015-W12', '/admin/digests/2015-W12', {
      ...picks,
      version: '1',
      intro: '',
      status: 'published',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('kies hoogstens 10 afspraken; er zijn er 11 gekozen')
    expect((await admin.app.request('/api/digests/2015-W12')).status).toBe(404)
  })

  it('orders by the places typed, and answers 409 to a form opened before someone saved', async () => {
    const admin = await signedIn()
    const rows = await weekOf(admin, 3)
    const form = {
      ...Object.fromEntries(rows),
      pick0: 'on',
      pick2: 'on',
      order0: '2',
      order2: '1',
      version: '1',
      intro: '',
      status: 'published',
    }
    expect((await admin.submit('/admin/digests/2015-W12', '/admin/digests/2015-W12', form)).status).toBe(303)
    const shown = (await (await admin.app.request('/api/digests/2015-W12')).json()) as { items: { title: string }[] }
    expect(shown.items.map((i) => i.title)).toEqual(['Overleg 3', 'Overleg 1'])
    const stale = await admin.submit('/admin/digests/2015-W12', '/admin/digests/2015-W12', { ...form, pick1: 'on' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Iemand anders heeft dit weekoverzicht intussen gewijzigd.')
  })

  it('says so when a week has no public appointments', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin/digests', '/admin/digests', { week: '2015-W20' })
    expect(await res.text()).toContain('2015-W20 heeft geen openbare afspraken en krijgt dus geen weekoverzicht.')
  })
})

describe('profile and tokens in the admin', () => {
  it('saves the profile shown on the public site, and names a bad field', async () => {
    const admin = await signedIn()
    const profile = {
      name: 'Anna de Vries',
      role: 'CIO',
      organisation: 'Ministerie van Voorbeeldzaken',
      bio: 'Ik houd een open agenda bij.',
      links: 'https://example.nl Mijn site',
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
      version: '0',
    }
    const bad = await admin.submit('/admin/profile', '/admin/profile', { ...profile, timezone: 'Europe/Atlantis' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain(
      '<p class="error" id="f-timezone-error">moet een IANA-tijdzone zijn, zoals Europe/Amsterdam</p>',
    )
    expect((await admin.submit('/admin/profile', '/admin/profile', profile)).status).toBe(303)
    expect(await (await admin.app.request('/api/profile')).json()).toMatchObject({
      name: 'Anna de Vries',
      links: [{ url: 'https://example.nl', title: 'Mijn site' }],
    })
  })

  it('saves a contact for responses, explains a bad one in Dutch, and clears it when left empty', async () => {
    const admin = await signedIn()
    const profile = { name: 'Anna de Vries', role: 'CIO', organisation: 'BZK', timezone: 'Europe/Amsterdam' }
    const bad = await admin.submit('/admin/profile', '/admin/profile', {
      ...profile,
      contact: 'mailto:anna@example.org',
      version: '0',
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain(
      '<p class="error" id="f-contact-error">moet een e-mailadres (naam@voorbeeld.nl) of het https://-adres van een ' +
        'webformulier zijn; laat het leeg voor geen</p>',
    )
    const contact = 'anna@example.org'
    expect((await admin.submit('/admin/profile', '/admin/profile', { ...profile, contact, version: '0' })).status).toBe(
      303,
    )
    expect(await (await admin.app.request('/api/profile')).json()).toMatchObject({ contact })
    expect(
      (await admin.submit('/admin/profile', '/admin/profile', { ...profile, contact: ' ', version: '1' })).status,
    ).toBe(303)
    expect(await (await admin.app.request('/api/profile')).json()).not.toHaveProperty('contact')
  })

  it('shows a new token once, and it works; revoking it is listed', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin/tokens', '/admin/tokens', { label: 'telefoon' })
    expect(res.status).toBe(201)
    const html = await res.text()
    const secret = /<p class="secret" id="new-token">(oaj_[\w-]+)<\/p>/.exec(html)?.[1]
    expect(secret).toBeDefined()
    expect(html).toContain('het wordt maar één keer getoond')
    const list = await (await admin.get('/admin/tokens')).text()
    expect(list).toContain('telefoon')
    expect(list).not.toContain(secret)
    expect((await admin.app.request('/api/tokens', { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(
      200,
    )
    const id = /telefoon <span class="muted">(tok-[0-9a-f]{12})<\/span>/.exec(list)![1]!
    expect((await admin.submit('/admin/tokens', `/admin/tokens/${id}/revoke`, {})).headers.get('location')).toBe(
      '/admin/tokens?done=tokenRevoked',
    )
    expect(await (await admin.get('/admin/tokens')).text()).toContain('Ingetrokken op 24 mrt 2015 10:00')
    expect((await admin.app.request('/api/tokens', { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(
      401,
    )
  })
})
