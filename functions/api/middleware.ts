import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { tokenDigest, type Token } from '../core/model/index.js'
import { getTokenByDigest } from '../store/index.js'
import type { AppEnv } from './context.js'
import { problem } from './problem.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads the body as strict UTF-8 JSON; the handler then validates it against its schema. */
export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw problem(415, 'Send the body as JSON with the header Content-Type: application/json.')
  }
  let text: string
  try {
    text = utf8.decode(await c.req.arrayBuffer())
  } catch {
    throw problem(400, 'The body is not valid UTF-8 text; send it UTF-8 encoded.')
  }
  try {
    c.set('body', JSON.parse(text))
  } catch (error) {
    throw problem(400, `The body is not valid JSON (${(error as Error).message}).`)
  }
  await next()
}

type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0]

/** The working token of an `Authorization: Bearer …` header, or undefined without one; a bad one is refused. */
async function presentedToken(c: Ctx): Promise<Token | undefined> {
  const header = c.req.header('authorization')
  if (header === undefined) return undefined
  const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  const token = secret ? await getTokenByDigest(c.get('deps').db, tokenDigest(secret)) : undefined
  if (!token || token.revokedAt) throw invalidToken()
  return token
}

const invalidToken = () =>
  problem(401, 'The token is not valid (wrong or revoked). Send Authorization: Bearer <your owner token>.', {
    headers: { 'WWW-Authenticate': 'Bearer realm="journal", error="invalid_token"' },
  })

/**
 * The owner's token, or undefined without one. A servant's token acts on their own journal: it
 * sets the request's `person` to the token's servant. On a path that names another servant's
 * journal it is refused with 403. An administrator's token is refused with 403 everywhere here:
 * administrators read no servant's private or restricted items and write in no servant's journal.
 */
export async function bearerToken(c: Ctx): Promise<Token | undefined> {
  const token = await presentedToken(c)
  if (!token) return undefined
  if (token.role === 'administrator') {
    throw problem(
      403,
      "An administrator's token manages the organisation and its servants; it cannot read or write a " +
        "servant's journal. Use the servant's own token.",
    )
  }
  const named = c.get('personInPath')
  if (named !== undefined && named !== token.person) {
    throw problem(
      403,
      `This token opens the journal of ${token.person}, not that of ${named}. Read ${named}'s public ` +
        `record without a token, or use /api/people/${token.person}/… (or /api/…) for your own.`,
    )
  }
  c.set('person', token.person)
  return token
}

/** Owner routes: a valid bearer token is required; the route then acts on the token's servant. */
export const requireOwner: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = await bearerToken(c)
  if (!token)
    throw problem(401, 'This route is for the journal owner: send Authorization: Bearer <your owner token>.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="journal"' },
    })
  c.set('token', token)
  await next()
}

/** Organisation routes: an administrator's token is required. */
export const requireAdministrator: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = await presentedToken(c)
  if (!token)
    throw problem(401, "This route is for the organisation's administrator: send Authorization: Bearer <token>.", {
      headers: { 'WWW-Authenticate': 'Bearer realm="journal"' },
    })
  if (token.role !== 'administrator')
    throw problem(403, "This route is for the organisation's administrator; a servant's token cannot use it.")
  c.set('token', token)
  await next()
}

/** The version an `If-Match` header asks for; writes to existing items require it. */
export function expectedVersion(header: string | undefined): number {
  if (header === undefined)
    throw problem(
      428,
      'Send If-Match with the ETag you got when you read this item, so a change made meanwhile is not overwritten.',
    )
  const version = /^(?:W\/)?"(\d+)"$/.exec(header.trim())?.[1]
  if (!version)
    throw problem(
      400,
      'If-Match must be the ETag of a read made with your token, e.g. "3" (public reads carry another kind of ETag).',
      { errors: [{ field: 'If-Match', reason: 'must look like "3"' }] },
    )
  return Number(version)
}

/** The ETag of an owner's read: the stored version, which If-Match on a change must name. */
export const etag = (version: number) => `"${version}"`

/**
 * The ETag of a public read: a digest of exactly what the public sees, so it changes when the
 * public view changes and never because of an edit the public cannot see (notes, a restricted
 * entry's title), which the stored version would betray.
 */
export const publicEtag = (body: unknown) =>
  `"p-${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`
