import { Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { ValidationError } from '../core/model/index.js'
import type { AppEnv } from '../api/context.js'
import { Problem } from '../api/problem.js'
import { BadCursorError, getSession, getTokenByDigest, NotFoundError, VersionConflictError } from '../store/index.js'
import type { AdminDeps, AdminEnv } from './context.js'
import { csrfProtection } from './csrf.js'
import { isLang, MESSAGES, reasonIn } from './i18n.js'
import { ADMIN_BASE, adminPath } from './paths.js'
import { pagesByRole } from './roles.js'
import { authPages } from './routes/auth.js'
import { digestPages } from './routes/digests.js'
import { entryPages } from './routes/entries.js'
import { importPages } from './routes/import.js'
import { postPages } from './routes/posts.js'
import { profilePages } from './routes/profile.js'
import { organisationPages } from './routes/organisation.js'
import { reportDraftPages } from './routes/report-drafts.js'
import { servantPages } from './routes/servants.js'
import { tokenPages } from './routes/tokens.js'
import { seeOther, type AdminContext } from './routes/shared.js'
import { cookieOptions, readSession, SESSION_COOKIE } from './session.js'
import { ADMIN_CSS } from './styles.js'
import { render } from './views/Layout.js'

const LANG_COOKIE = 'oaj_lang'
const PUBLIC_PATHS = new Set([adminPath('/sign-in'), adminPath('/admin.css')])

/** No script, no inline style, no framing, forms only to ourselves. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const headers: MiddlewareHandler<AdminEnv> = async (c, next) => {
  await next()
  c.header('Content-Security-Policy', CSP)
  c.header('X-Frame-Options', 'DENY')
  c.header('Referrer-Policy', 'same-origin')
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'private, no-store')
}

/** Dutch unless `?lang=en` (remembered in a cookie) or the cookie says otherwise. */
const language: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const asked = c.req.query('lang')
  const lang = isLang(asked)
    ? asked
    : isLang(getCookie(c, LANG_COOKIE))
      ? (getCookie(c, LANG_COOKIE) as 'nl' | 'en')
      : 'nl'
  if (isLang(asked)) setCookie(c, LANG_COOKIE, asked, cookieOptions(c.req.url, 365 * 86_400))
  c.set('lang', lang)
  c.set('t', MESSAGES[lang])
  await next()
}

/**
 * A valid session cookie makes the request signed in only while its session is still stored (not
 * signed out, not ended everywhere) and its token still works and is still its person's, in the
 * same role; anything else does not.
 */
const session: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const { db, sessionSecret, now } = c.get('deps')
  const found = readSession(getCookie(c, SESSION_COOKIE), sessionSecret, now())
  const [token, stored] = found
    ? await Promise.all([getTokenByDigest(db, found.tokenDigest), getSession(db, found.person, found.sid, now())])
    : []
  const live =
    found &&
    stored?.tokenId === found.tokenId &&
    token &&
    !token.revokedAt &&
    token.person === found.person &&
    (token.role ?? 'servant') === found.role &&
    token.id === found.tokenId
  if (live) c.set('session', found)
  else if (getCookie(c, SESSION_COOKIE)) deleteCookie(c, SESSION_COOKIE, cookieOptions(c.req.url))
  await next()
}

/** Every page but sign-in needs a session; without one the servant is sent to sign in, and back after. */
const signedIn: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (c.var.session || PUBLIC_PATHS.has(c.req.path)) return next()
  const url = new URL(c.req.url)
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : adminPath()
  return seeOther(c, `${adminPath('/sign-in')}?${new URLSearchParams({ next: back })}`)
}

function errorPage(c: AdminContext, status: number, message: string) {
  const t = c.get('t') ?? MESSAGES.nl
  if (!c.get('t')) c.set('t', t)
  c.set('lang', c.get('lang') ?? 'nl')
  const title = status === 404 ? t.error.notFound : status === 403 ? t.error.forbidden : t.error.title
  return render(
    c,
    title,
    <>
      <p>{message}</p>
      <p>
        <a href={adminPath()}>{t.error.back}</a>
      </p>
    </>,
    { status },
  )
}

const csrfRefused: MiddlewareHandler<AdminEnv> = async (c) => {
  const t = c.get('t')
  const back = c.req.header('referer')
  // The header is whatever the client sent: only a parseable address on this site is linked back to.
  const sameSite = back && URL.canParse(back) && new URL(back).origin === new URL(c.req.url).origin ? back : adminPath()
  return render(
    c,
    t.csrf.title,
    <>
      <p>{t.csrf.body}</p>
      <p>
        <a href={sameSite}>{t.csrf.again}</a>
      </p>
    </>,
    { status: 403 },
  )
}

/**
 * The admin: server-rendered pages (hono/jsx) that work without JavaScript, behind a signed
 * session cookie, with a CSRF token on every form. A servant signs in to their own journal, the
 * organisation's administrator to the organisation's pages (`roles.ts`). Mount it at /admin.
 */
export function createAdminApp(deps: AdminDeps) {
  const resolved = { now: () => new Date(), sessionHours: 12, ...deps }
  if (resolved.sessionSecret.length < 32)
    throw new Error('The admin session secret must be at least 32 characters long.')
  const app = new Hono<AdminEnv>()
  app.use(async (c, next) => {
    c.set('deps', resolved)
    await next()
  })
  app.use(headers, language, session, signedIn, csrfProtection(csrfRefused), pagesByRole(errorPage))
  app.get('/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  )
  app.route('/', authPages)
  app.route('/', entryPages)
  app.route('/', importPages)
  app.route('/', postPages)
  app.route('/', reportDraftPages)
  app.route('/', digestPages)
  app.route('/', profilePages)
  app.route('/', tokenPages)
  app.route('/', servantPages)
  app.route('/', organisationPages)
  app.all('*', (c) => errorPage(c, 404, c.get('t').error.notFound))
  app.onError((error, c) => {
    if (error instanceof Problem) return errorPage(c, error.status, error.detail)
    if (error instanceof ValidationError)
      return errorPage(
        c,
        400,
        error.errors.map((e) => `${e.field}: ${reasonIn(c.get('lang') ?? 'nl', e.reason)}`).join('; '),
      )
    if (error instanceof BadCursorError) return errorPage(c, 400, error.message)
    if (error instanceof NotFoundError) return errorPage(c, 404, (c.get('t') ?? MESSAGES.nl).error.notFound)
    if (error instanceof VersionConflictError) return errorPage(c, 409, error.message)
    if (error instanceof HTTPException) return errorPage(c, error.status, error.message)
    console.error(`${c.req.method} ${c.req.path}:`, error)
    return errorPage(c, 500, (c.get('t') ?? MESSAGES.nl).error.unexpected)
  })
  return app
}

/** Serves the admin under /admin of `app` (the local server, the admin Lambda, tests). */
export function mountAdmin<T extends Hono<AppEnv>>(app: T, deps: AdminDeps): T {
  app.route(ADMIN_BASE, createAdminApp(deps))
  return app
}
