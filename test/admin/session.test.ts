import { describe, expect, it } from 'vitest'
import { readSession, signSession } from '../../functions/admin/session.js'
import { issueToken } from '../../functions/api/tokens.js'
import { revokeToken } from '../../functions/store/index.js'
import { PERSON } from '../support/test-db.js'
import { adminTest, csrfIn, SESSION_SECRET, type AdminTest } from './admin-client.js'

const cookieLine = (res: Response, name: string) =>
  res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? ''

describe('admin sign-in', () => {
  it('sends a visitor without a session to sign in, and back to the page afterwards', async () => {
    const admin = await adminTest()
    const res = await admin.get('/admin/entries?week=2015-W12')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin/sign-in?next=%2Fadmin%2Fentries%3Fweek%3D2015-W12')
    const page = await (await admin.get(res.headers.get('location')!)).text()
    const signedIn = await admin.request(
      'POST',
      '/admin/sign-in',
      admin.fields({ _csrf: csrfIn(page), token: admin.secret, next: '/admin/entries?week=2015-W12' }),
    )
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.get('location')).toBe('/admin/entries?week=2015-W12')
    expect((await admin.get('/admin/entries')).status).toBe(200)
    expect((await admin.get('/admin/sign-in')).headers.get('location')).toBe('/admin')
  })

  it('exchanges the token for an expiring HttpOnly, SameSite=Strict cookie, without Secure on localhost', async () => {
    const admin = await adminTest()
    const res = await admin.signIn()
    const cookie = cookieLine(res, 'oaj_session')
    expect(cookie).toMatch(/; Max-Age=43200/)
    expect(cookie).toMatch(/; Path=\/admin/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).not.toMatch(/; Secure/)
    expect(cookie).not.toContain(admin.secret)
  })

  it('marks the session cookie Secure outside localhost', async () => {
    const admin = await adminTest({ origin: 'https://agenda.example.nl' })
    const cookie = cookieLine(await admin.signIn(), 'oaj_session')
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; SameSite=Strict/)
  })

  it('shows an error for a wrong token and does not sign in', async () => {
    const admin = await adminTest()
    const res = await admin.signIn('oaj_not-the-right-token-at-all')
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('Dit token klopt niet, is ingetrokken of hoort bij een ander journaal')
    expect(html).toMatch(/aria-invalid="true"/)
    expect(admin.jar.has('oaj_session')).toBe(false)
    expect((await admin.get('/admin')).status).toBe(303)
  })

  it('ends the session when it expires', async () => {
    let now = new Date('2015-03-16T09:00:00Z')
    const admin = await adminTest({ now: () => now })
    await admin.signIn()
    expect((await admin.get('/admin')).status).toBe(200)
    now = new Date('2015-03-16T21:00:01Z')
    expect((await admin.get('/admin')).status).toBe(303)
  })

  it('ends the session at the next request once its token is revoked elsewhere', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const cookie = admin.jar.get('oaj_session')
    await revokeToken(admin.db, admin.token, new Date().toISOString())
    expect(admin.jar.get('oaj_session')).toBe(cookie)
    expect((await admin.get('/admin')).status).toBe(303)
  })

  it('refuses a session cookie that was tampered with', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const session = readSession(admin.jar.get('oaj_session'), SESSION_SECRET, new Date())!
    const [payload] = signSession({ ...session, expiresAt: session.expiresAt + 86_400 * 365 }, SESSION_SECRET).split(
      '.',
    )
    admin.jar.set('oaj_session', `${payload}.${admin.jar.get('oaj_session')!.split('.')[1]}`)
    expect((await admin.get('/admin')).status).toBe(303)
  })

  it('signs out', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const res = await admin.submit('/admin', '/admin/sign-out', {})
    expect(res.headers.get('location')).toBe('/admin/sign-in?signed-out')
    expect(admin.jar.has('oaj_session')).toBe(false)
    expect((await admin.get('/admin')).status).toBe(303)
  })
})

describe('ending admin sessions on the server', () => {
  const signInAgain = async (admin: AdminTest) => {
    admin.jar.delete('oaj_session')
    await admin.signIn()
    return admin.jar.get('oaj_session')!
  }
  const refuses = async (admin: AdminTest, cookie: string) => {
    admin.jar.set('oaj_session', cookie)
    const res = await admin.get('/admin')
    return res.status === 303 && res.headers.get('location')!.startsWith('/admin/sign-in')
  }

  it.each([
    ['signing out', (admin: AdminTest) => admin.submit('/admin', '/admin/sign-out', {})],
    [
      'revoking the token it was opened with',
      async (admin: AdminTest) => {
        await issueToken(admin.db, PERSON, 'reserve', new Date())
        return admin.submit('/admin/tokens', `/admin/tokens/${admin.token.id}/revoke`, {})
      },
    ],
    ['signing out everywhere', (admin: AdminTest) => admin.submit('/admin/tokens', '/admin/sign-out-everywhere', {})],
  ])('refuses a copy of the old cookie after %s', async (_, end) => {
    const admin = await adminTest()
    await admin.signIn()
    const copied = admin.jar.get('oaj_session')!
    const res = await end(admin)
    expect(res.headers.get('location')).toBe('/admin/sign-in?signed-out')
    expect(await refuses(admin, copied)).toBe(true)
  })

  it('signing out ends only this session; signing out everywhere ends the others too', async () => {
    const admin = await adminTest()
    const laptop = await signInAgain(admin)
    const phone = await signInAgain(admin)
    await admin.submit('/admin', '/admin/sign-out', {})
    expect(await refuses(admin, phone)).toBe(true)
    expect(await refuses(admin, laptop)).toBe(false)
    const tablet = await signInAgain(admin)
    const res = await admin.submit('/admin/tokens', '/admin/sign-out-everywhere', {})
    expect(res.headers.get('location')).toBe('/admin/sign-in?signed-out')
    expect(await refuses(admin, laptop)).toBe(true)
    expect(await refuses(admin, tablet)).toBe(true)
  })

  it('ends the sessions of a token revoked through the API, and keeps those of other tokens', async () => {
    const admin = await adminTest()
    const other = await issueToken(admin.db, PERSON, 'telefoon', new Date())
    const withOwn = await signInAgain(admin)
    admin.jar.delete('oaj_session')
    await admin.signIn(other.secret)
    const withOther = admin.jar.get('oaj_session')!
    const res = await admin.app.request(`/api/tokens/${other.token.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${admin.secret}` },
    })
    expect(res.status).toBe(200)
    expect(await refuses(admin, withOther)).toBe(true)
    expect(await refuses(admin, withOwn)).toBe(false)
  })

  it('offers signing out everywhere on the tokens page, as a form with its CSRF token', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const html = await (await admin.get('/admin/tokens?lang=en')).text()
    expect(html).toMatch(
      /<form method="post" action="\/admin\/sign-out-everywhere"><input type="hidden" name="_csrf" value="[^"]+"/,
    )
    expect(html).toContain('Sign out everywhere')
  })
})

describe('admin CSRF protection', () => {
  it.each([
    ['without a token', {}],
    ['with a made-up token', { _csrf: 'made-up' }],
  ])('refuses a form post %s with 403 and a page that explains, and saves nothing', async (_, extra) => {
    const admin = await adminTest()
    await admin.signIn()
    const res = await admin.request('POST', '/admin/tokens', admin.fields({ label: 'sneaky', ...extra }))
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain('<h1>Formulier geweigerd</h1>')
    expect(html).toContain('Er is niets opgeslagen')
    const tokens = await (await admin.get('/admin/tokens')).text()
    expect(tokens).not.toContain('sneaky')
  })

  it('refuses a token from before sign-in after signing in (tokens are bound to the session)', async () => {
    const admin = await adminTest()
    const before = csrfIn(await (await admin.get('/admin/sign-in')).text())
    await admin.signIn()
    const res = await admin.request('POST', '/admin/tokens', admin.fields({ _csrf: before, label: 'x' }))
    expect(res.status).toBe(403)
  })

  it('refuses a sign-in form posted without its token', async () => {
    const admin = await adminTest()
    const res = await admin.request('POST', '/admin/sign-in', admin.fields({ token: admin.secret }))
    expect(res.status).toBe(403)
    expect(admin.jar.has('oaj_session')).toBe(false)
  })
})

describe('admin pages', () => {
  it('speak Dutch by default and English with ?lang=en, remembered in a cookie', async () => {
    const admin = await adminTest()
    await admin.signIn()
    expect(await (await admin.get('/admin')).text()).toMatch(/<html lang="nl">.*<h1>Afspraak vastleggen<\/h1>/s)
    expect(await (await admin.get('/admin?lang=en')).text()).toMatch(/<html lang="en">.*<h1>Log an appointment<\/h1>/s)
    expect(await (await admin.get('/admin/entries')).text()).toMatch(/<html lang="en">.*<h1>Appointments<\/h1>/s)
  })

  it('offer the other language by its own name', async () => {
    const admin = await adminTest()
    await admin.signIn()
    expect(await (await admin.get('/admin?lang=nl')).text()).toContain(
      '<a href="/admin?lang=en" lang="en" hreflang="en">English</a>',
    )
    expect(await (await admin.get('/admin?lang=en')).text()).toContain(
      '<a href="/admin?lang=nl" lang="nl" hreflang="nl">Nederlands</a>',
    )
  })

  it('forbid scripts, inline styles and framing, and are never cached', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const res = await admin.get('/admin')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' https: data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(await res.text()).not.toMatch(/<script|style=/)
  })

  it('answer an unknown admin page with an HTML 404', async () => {
    const admin = await adminTest()
    await admin.signIn()
    const res = await admin.get('/admin/no-such-page')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
  })
})
