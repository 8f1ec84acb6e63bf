import { createHash, randomBytes } from 'node:crypto'
import * as z from 'zod/mini'
import { text } from './primitives.js'

/** An owner API token. Only the SHA-256 digest of the secret is ever stored. */
export interface Token {
  id: string
  person: string
  label: string
  digest: string
  createdAt: string
  revokedAt?: string
}

export const tokenCreateSchema = z.strictObject({ label: text(100) })

/** A new secret: `oaj_` + 32 random bytes, base64url. The prefix lets secret scanners spot leaks. */
export function newTokenSecret(): string {
  return `oaj_${randomBytes(32).toString('base64url')}`
}

export function tokenDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}
