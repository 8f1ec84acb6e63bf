import { createHash, randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { text } from './primitives.js'

/**
 * Who a token acts for. A servant's token acts on their own journal only; the organisation's
 * administrator manages servants and the organisation, and reads no servant's private items.
 */
export const TOKEN_ROLES = ['servant', 'administrator'] as const

/** The `person` of an administrator's tokens: no servant can have it, since a slug starts with a letter. */
export const ADMINISTRATION = '@administration'

/** An API token. Only the SHA-256 digest of the secret is ever stored. */
export interface Token {
  id: string
  /** The servant it acts for, or ADMINISTRATION for an administrator's token. */
  person: string
  /** Absent on tokens made before roles existed: those are servants' tokens. */
  role?: (typeof TOKEN_ROLES)[number]
  label: string
  digest: string
  createdAt: string
  revokedAt?: string
}

export const tokenCreateSchema = builtOnFirstUse(() => z.strictObject({ label: text(100) }))

/** A new secret: `oaj_` + 32 random bytes, base64url. The prefix lets secret scanners spot leaks. */
export function newTokenSecret(): string {
  return `oaj_${randomBytes(32).toString('base64url')}`
}

export function tokenDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}
