import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import {
  FIRST_TOKEN_LABEL,
  newTokenSecret,
  tokenCreateSchema,
  tokenDigest,
  type Token,
  parseWith,
} from '../core/model/index.js'
import { deleteSessions, listTokens, putToken, replaceFirstToken, revokeToken, type Db } from '../store/index.js'
import type { AppEnv } from './context.js'
import { jsonBody, requireOwner } from './middleware.js'
import { problem } from './problem.js'
import { ownerHeaders } from './views.js'

/** A token as the owner sees it in lists: never its digest, and the secret only once, at creation. */
export type TokenView = Omit<Token, 'digest' | 'person'>

export function tokenView({ digest: _d, person: _p, ...view }: Token): TokenView {
  return view
}

/** A new token for `person` (a servant unless `role` says otherwise) and its secret, which is shown once. */
export function newToken(
  person: string,
  label: string,
  now: Date,
  role: NonNullable<Token['role']> = 'servant',
): { token: Token; secret: string } {
  const secret = newTokenSecret()
  const token: Token = {
    id: `tok-${randomBytes(6).toString('hex')}`,
    person,
    role,
    label,
    digest: tokenDigest(secret),
    createdAt: now.toISOString(),
  }
  return { token, secret }
}

/**
 * A new first token for a servant, issued by the administrator (a servant who lost theirs, or
 * came back). Their working tokens are revoked in the same write: the administrator, who sees the
 * secret, never holds a token beside the servant's own without the servant noticing, and reads no
 * servant's journal unseen.
 */
export async function issueFirstToken(
  db: Db,
  person: string,
  now: Date,
): Promise<{ token: Token; secret: string; revoked: number }> {
  const working = (await listTokens(db, person)).filter((t) => !t.revokedAt)
  // One transaction holds 100 writes.
  if (working.length > 99)
    throw problem(409, `${person} has ${working.length} working tokens; revoke some before issuing a new first token.`)
  const made = newToken(person, FIRST_TOKEN_LABEL, now)
  await replaceFirstToken(db, made.token, working)
  return { ...made, revoked: working.length }
}

/** Makes and stores a new servant's token; the secret is returned this once and only its digest is stored. */
export async function issueToken(
  db: Db,
  person: string,
  label: string,
  now: Date,
): Promise<{ token: Token; secret: string }> {
  const made = newToken(person, label, now)
  await putToken(db, made.token)
  return made
}

/**
 * Revokes one of the person's tokens by id, ending the admin sessions opened with it. The last
 * token that still works is kept: without it nobody could sign in to the admin or use the API
 * any more.
 */
export async function revokeTokenById(db: Db, person: string, id: string, now: Date): Promise<Token> {
  const all = await listTokens(db, person)
  const token = all.find((t) => t.id === id)
  if (!token) throw problem(404, `There is no token ${id}. List your tokens to see their ids.`)
  if (token.revokedAt) throw problem(409, `Token ${id} was revoked already on ${token.revokedAt}.`)
  if (all.filter((t) => !t.revokedAt).length === 1) {
    throw problem(
      409,
      `Token ${id} is your last working token: create another one first, or you could no longer sign in.`,
    )
  }
  await revokeToken(db, token, now.toISOString())
  // The admin sessions opened with it end too (the admin also checks the token on every request).
  await deleteSessions(db, person, token.id)
  return { ...token, revokedAt: now.toISOString() }
}

/** Owner API tokens: list, create (the secret is shown once), revoke. */
export const tokens = new Hono<AppEnv>()
  .get('/', requireOwner, async (c) => {
    const { db } = c.get('deps')
    const person = c.get('person')
    return c.json({ items: (await listTokens(db, person)).map(tokenView) }, 200, ownerHeaders)
  })
  .post('/', requireOwner, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    const { label } = parseWith(tokenCreateSchema, c.get('body'))
    const { token, secret } = await issueToken(db, person, label, now())
    return c.json({ ...tokenView(token), secret }, 201, { ...ownerHeaders, Location: `/api/tokens/${token.id}` })
  })
  .delete('/:id', requireOwner, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    return c.json(tokenView(await revokeTokenById(db, person, c.req.param('id'), now())), 200, ownerHeaders)
  })
