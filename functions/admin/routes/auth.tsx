import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { tokenDigest } from '../../core/model/index.js'
import { deleteSession, deleteSessions, getTokenByDigest, putSession } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { adminPath } from '../paths.js'
import { signInRefusal } from '../roles.js'
import { newSession, SESSION_COOKIE, signSession, cookieOptions } from '../session.js'
import { CsrfField, ErrorSummary, TextField } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { seeOther, type AdminContext } from './shared.js'

function signInPage(
  c: AdminContext,
  options: { error?: string; notice?: string; next?: string; status?: number } = {},
) {
  const t = c.get('t')
  const next = options.next ?? c.req.query('next') ?? ''
  return render(
    c,
    t.signIn.title,
    <form method="post" action={adminPath('/sign-in')}>
      <CsrfField value={c.get('csrf')} />
      <input type="hidden" name="next" value={next} />
      {options.notice && (
        <p class="flash" role="status">
          {options.notice}
        </p>
      )}
      <ErrorSummary errors={options.error ? { token: options.error } : {}} t={t} />
      <TextField
        name="token"
        type="password"
        label={t.signIn.token}
        hint={t.signIn.hint}
        error={options.error}
        autocomplete="current-password"
        spellcheck={false}
        required
      />
      <div class="actions">
        <button type="submit">{t.signIn.submit}</button>
      </div>
    </form>,
    { status: options.status },
  )
}

/** Only admin paths are followed after sign-in, so the form cannot send the servant elsewhere. */
const safeNext = (next: string | undefined) =>
  next && /^\/admin(\/[\w\-./%?=&]*)?$/.test(next) && !next.includes('//') ? next : adminPath()

/** The session has ended on the server; the cookie goes too, and the servant lands on sign-in. */
function signedOut(c: AdminContext) {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c.req.url))
  return seeOther(c, adminPath('/sign-in?signed-out'))
}

/**
 * Sign-in exchanges a servant's or the administrator's token for a session cookie (signed, HttpOnly, SameSite=Strict,
 * Secure outside localhost, 12 hours by default); the token itself is not kept by the browser.
 * The session is also stored, so signing out (here or everywhere) ends it on the server: a copied
 * cookie is worthless afterwards, not only the browser's own.
 */
export const authPages = new Hono<AdminEnv>()
  .get('/sign-in', (c) => {
    if (c.var.session) return seeOther(c, safeNext(c.req.query('next')))
    const t = c.get('t')
    const notice =
      c.req.query('signed-out') !== undefined ? t.signIn.signedOut : c.req.query('next') ? t.signIn.expired : undefined
    return signInPage(c, { notice })
  })
  .post('/sign-in', async (c) => {
    const { db, person, now, sessionSecret, sessionHours } = c.get('deps')
    const body = await c.req.parseBody()
    const secret = typeof body.token === 'string' ? body.token.trim() : ''
    const next = typeof body.next === 'string' ? body.next : undefined
    const token = secret ? await getTokenByDigest(db, tokenDigest(secret)) : undefined
    const refusal = await signInRefusal(db, token, person, c.get('t'), c.get('lang'))
    if (!token || refusal) return signInPage(c, { error: refusal, next, status: 401 })
    const session = newSession(token, now(), sessionHours)
    await putSession(db, {
      sid: session.sid,
      person: session.person,
      tokenId: token.id,
      createdAt: now().toISOString(),
      expiresAt: session.expiresAt,
    })
    setCookie(c, SESSION_COOKIE, signSession(session, sessionSecret), cookieOptions(c.req.url, sessionHours * 3600))
    return seeOther(c, safeNext(next))
  })
  .post('/sign-out', async (c) => {
    const { person, sid } = c.get('session')
    await deleteSession(c.get('deps').db, person, sid)
    return signedOut(c)
  })
  .post('/sign-out-everywhere', async (c) => {
    await deleteSessions(c.get('deps').db, c.get('session').person)
    return signedOut(c)
  })
