import { randomBytes } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AdminEnv } from './context.js'
import { cookieOptions, hmac, sameText, type Session } from './session.js'

/**
 * CSRF protection for every form (on top of SameSite=Strict cookies): a signed double submit.
 * The browser holds a random nonce in an HttpOnly cookie; each form carries
 * HMAC(secret, session id + nonce) in a hidden field. A POST whose field does not match is
 * refused with 403 before any handler runs. Bound to the session id, a token from before
 * sign-in is worthless after it.
 */
export const CSRF_COOKIE = 'oaj_csrf'
export const CSRF_FIELD = '_csrf'

export function csrfToken(secret: string, nonce: string, session?: Session): string {
  return hmac(secret, `csrf:${session?.sid ?? ''}:${nonce}`)
}

export function csrfProtection(refused: MiddlewareHandler<AdminEnv>): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const { sessionSecret } = c.get('deps')
    const session = c.var.session as Session | undefined
    let nonce = getCookie(c, CSRF_COOKIE)
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody()
      const sent = typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : ''
      if (!nonce || !sameText(sent, csrfToken(sessionSecret, nonce, session))) return refused(c, next)
    }
    if (!nonce) {
      nonce = randomBytes(16).toString('base64url')
      setCookie(c, CSRF_COOKIE, nonce, cookieOptions(c.req.url))
    }
    c.set('csrf', csrfToken(sessionSecret, nonce, session))
    await next()
  }
}
