import { describe, expect, it } from 'vitest'
import { CANARIES } from '../support/journal-fixtures.js'
import { entryInput } from '../support/test-db.js'
import { adminTest, csrfIn, type AdminTest } from './admin-client.js'

/** Today in the journal: 1 January 2016, so the last full calendar year is 2015. */
const NOW = new Date('2016-01-01T09:00:00Z')

async function signedIn() {
  const admin = await adminTest({ now: () => NOW })
  await admin.signIn()
  return admin
}

/** Adds an entry through the API, as the servant's other tools would. */
async function add(admin: AdminTest, overrides: Record<string, unknown>) {
  const res = await admin.app.request('/api/entries', {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin.secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(entryInput({ end: `${String(overrides.start).slice(0, 11)}11:30`, ...overrides })),
  })
  expect(res.status).toBe(201)
}

const publicPost = (admin: AdminTest, slug: string) => admin.app.request(`/api/posts/${slug}`)
const ownPost = async (admin: AdminTest, slug: string) =>
  (await (
    await admin.app.request(`/api/posts/${slug}`, { headers: { Authorization: `Bearer ${admin.secret}` } })
  ).json()) as { title: string; body: string; version: number }

describe('drafting the annual report in the admin', () => {
  it('offers the last full calendar year when there is no report yet', async () => {
    const admin = await signedIn()
    const html = await (await admin.get('/admin/report')).text()
    expect(html).toContain('<h1>Jaarverslag opstellen</h1>')
    expect(html).toMatch(/name="periodFrom"[^>]*value="2015-01-01"/)
    expect(html).toMatch(/name="periodTo"[^>]*value="2015-12-31"/)
  })

  it('offers the last full year of the accounting year the latest report used (July to June)', async () => {
    const admin = await signedIn()
    await admin.submit('/admin/posts/new', '/admin/posts', {
      slug: 'jaarverslag-2013-2014',
      title: 'Jaarverslag 2013/2014',
      kind: 'annual-report',
      periodFrom: '2013-07-01',
      periodTo: '2014-06-30',
      body: 'Tekst.',
      status: 'published',
      action: 'save',
    })
    const html = await (await admin.get('/admin/report')).text()
    expect(html).toMatch(/name="periodFrom"[^>]*value="2014-07-01"/)
    expect(html).toMatch(/name="periodTo"[^>]*value="2015-06-30"/)
  })

  it('creates a draft post with the generated text, opens it in the editor, and publishes it from there', async () => {
    const admin = await signedIn()
    await add(admin, { start: '2014-09-03T10:00' })
    await add(admin, {
      start: '2015-02-10T10:00',
      kind: 'lecture',
      counterparts: [
        { name: 'Gemeente Almere', type: 'gemeente' },
        { name: 'Ministerie van OCW', type: 'ministerie' },
      ],
    })
    await add(admin, { start: '2015-03-10T10:00', title: CANARIES.privateTitle, visibility: 'private' })
    await add(admin, { start: '2015-07-01T10:00', counterparts: [{ name: 'Gemeente Zwolle', type: 'gemeente' }] })

    const res = await admin.submit('/admin/report', '/admin/report', {
      periodFrom: '2014-07-01',
      periodTo: '2015-06-30',
    })
    expect(res.status).toBe(303)
    const slug = 'persoonlijk-jaarverslag-2014-2015'
    expect(res.headers.get('location')).toBe(`/admin/posts/${slug}?done=reportDrafted`)
    expect((await publicPost(admin, slug)).status).toBe(404)
    const draft = await ownPost(admin, slug)
    expect(draft).toMatchObject({
      title: 'Persoonlijk jaarverslag 2014/2015',
      kind: 'annual-report',
      period: { from: '2014-07-01', to: '2015-06-30' },
      status: 'draft',
      version: 1,
    })
    expect(draft.body).toContain(
      'ben ik op bezoek geweest bij de gemeenten Almere en Enschede en het ministerie van OCW.',
    )
    expect(draft.body).not.toMatch(/Zwolle|CANARY|^# /)

    const editor = await (await admin.get(`/admin/posts/${slug}?done=reportDrafted`)).text()
    expect(editor).toContain('Concept-jaarverslag opgesteld.')
    expect(editor).toContain('value="Persoonlijk jaarverslag 2014/2015"')

    const published = await admin.submit(`/admin/posts/${slug}`, `/admin/posts/${slug}`, {
      title: draft.title,
      kind: 'annual-report',
      periodFrom: '2014-07-01',
      periodTo: '2015-06-30',
      body: `Mijn jaar.\n\n${draft.body}`,
      status: 'published',
      version: '1',
      action: 'save',
    })
    expect(published.status).toBe(303)
    const shown = (await (await publicPost(admin, slug)).json()) as { status: string; body: string }
    expect(shown.status).toBe('published')
    expect(shown.body.startsWith('Mijn jaar.\n\n')).toBe(true)
  })

  it('gives a second draft of the same year its own address instead of overwriting the first', async () => {
    const admin = await signedIn()
    const period = { periodFrom: '2015-01-01', periodTo: '2015-12-31' }
    await admin.submit('/admin/report', '/admin/report', period)
    const again = await admin.submit('/admin/report', '/admin/report', period)
    expect(again.headers.get('location')).toBe('/admin/posts/persoonlijk-jaarverslag-2015-2?done=reportDrafted')
    expect((await ownPost(admin, 'persoonlijk-jaarverslag-2015')).version).toBe(1)
  })

  it.each([
    [{ periodFrom: '2015-07-01', periodTo: '2015-06-30' }, 'moet op of na de begindatum liggen'],
    [{ periodFrom: '2015-13-01', periodTo: '2015-06-30' }, 'moet een bestaande datum zijn (JJJJ-MM-DD)'],
    [{ periodFrom: '2012-01-01', periodTo: '2015-06-30' }, 'mag hoogstens twee jaar na de begindatum liggen'],
  ])('refuses the period %o with the form and “%s”, creating nothing', async (period, message) => {
    const admin = await signedIn()
    const res = await admin.submit('/admin/report', '/admin/report', period)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain(message)
    expect(html).toContain(`value="${period.periodFrom}"`)
    const list = await (await admin.get('/admin/posts')).text()
    expect(list).toContain('Nog geen berichten.')
  })

  it('refuses a form without the page’s CSRF token, and sends a visitor without a session to sign in', async () => {
    const admin = await signedIn()
    const forged = await admin.request(
      'POST',
      '/admin/report',
      admin.fields({ _csrf: 'forged', periodFrom: '2015-01-01', periodTo: '2015-12-31' }),
    )
    expect(forged.status).toBe(403)
    expect(await (await admin.get('/admin/posts')).text()).toContain('Nog geen berichten.')

    const stranger = await adminTest({ now: () => NOW })
    const page = await stranger.get('/admin/report')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Freport')
    const csrf = csrfIn(await (await stranger.get('/admin/sign-in')).text())
    const post = await stranger.request(
      'POST',
      '/admin/report',
      stranger.fields({ _csrf: csrf, periodFrom: '2015-01-01', periodTo: '2015-12-31' }),
    )
    expect(post.status).toBe(303)
    expect(post.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin')
  })

  it('is linked from the posts page', async () => {
    const admin = await signedIn()
    expect(await (await admin.get('/admin/posts')).text()).toContain('href="/admin/report"')
  })
})
