import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { CookieOptions } from 'hono/utils/cookie'
import type { Token } from '../core/model/index.js'
import { ADMIN_BASE } from './paths.js'

/**
 * Signed-in state lives in one cookie, signed with HMAC-SHA256 so it cannot be forged or
 * changed: `base64url(json).base64url(mac)`. It names the owner token it was exchanged for, so
 * revoking that token ends the session at the next request, and it carries its own expiry.
 * It names whose session it is: a servant acts on their own journal only, an administrator on
 * the organisation only (`roles.ts`).
 */
export interface Session {
  /** Random id: CSRF tokens are bound to it. */
  sid: string
  /** The servant whose journal this session acts on, or ADMINISTRATION. */
  person: string
  role: NonNullable<Token['role']>
  tokenId: string
  tokenDigest: string
  /** Epoch seconds. */
  expiresAt: number
}

export const SESSION_COOKIE = 'oaj_session'

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url')
}

export function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length === y.length && timingSafeEqual(x, y)
}

export function newSession(token: Token, now: Date, hours: number): Session {
  return {
    sid: randomBytes(16).toString('base64url'),
    person: token.person,
    role: token.role ?? 'servant',
    tokenId: token.id,
    tokenDigest: token.digest,
    expiresAt: Math.floor(now.getTime() / 1000) + hours * 3600,
  }
}

export function signSession(session: Session, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url')
  return `${payload}.${hmac(secret, `session:${payload}`)}`
}

/** The session in a cookie value, or undefined when it is missing, forged, damaged or expired. */
export function readSession(value: string | undefined, secret: string, now: Date): Session | undefined {
  const [payload, mac, extra] = (value ?? '').split('.')
  if (!payload || !mac || extra !== undefined || !sameText(mac, hmac(secret, `session:${payload}`))) return undefined
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session
    // A cookie from before sessions named their person is read as signed out.
    const whole = typeof session.person === 'string' && typeof session.role === 'string'
    return whole && typeof session.expiresAt === 'number' && session.expiresAt > now.getTime() / 1000
      ? session
      : undefined
  } catch {
    return undefined
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Cookie flags for the admin: HttpOnly, SameSite=Strict, path /admin, and Secure everywhere but
 * on the servant's own machine (http://localhost has no TLS, and browsers would drop the cookie).
 */
export function cookieOptions(requestUrl: string, maxAgeSeconds?: number): CookieOptions {
  const { hostname } = new URL(requestUrl)
  return {
    httpOnly: true,
    sameSite: 'Strict',
    path: ADMIN_BASE,
    secure: !LOCAL_HOSTS.has(hostname),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  }
}
