import { Hono, type MiddlewareHandler } from 'hono'
import { localDaysToInstants, parseWeek, weekRangeOrThrow } from '../core/time/index.js'
import { digestRequestSchema, toPublicDigest, type Digest, type PublicDigest } from '../core/digest/index.js'
import { type JournalSettings, parseWith } from '../core/model/index.js'
import { getDigest, listAllEntries, listDigests, type Db } from '../store/index.js'
import { generateDigest } from '../journal/index.js'
import type { AppEnv } from './context.js'
import { journalSettingsOf } from './journal-settings.js'
import { bearerToken, etag, jsonBody, publicEtag, requireOwner } from './middleware.js'
import { problem } from './problem.js'
import { pageQuerySchema } from './query.js'
import { ownerHeaders, publicHeaders } from './views.js'

/**
 * Stored digests as the public may see them now, checked against the current entries of their
 * weeks (one query over the weeks' span), so an entry made private since generation never shows.
 */
async function publicDigests(
  db: Db,
  person: string,
  digests: Digest[],
  now: Date,
  settings: JournalSettings,
): Promise<PublicDigest[]> {
  const weeks = digests.filter((d) => d.status === 'published').map((d) => weekRangeOrThrow(d.week))
  if (weeks.length === 0) return []
  const from = weeks.map((w) => w.from).sort()[0]!
  const to = weeks
    .map((w) => w.to)
    .sort()
    .at(-1)!
  const entries = await listAllEntries(db, person, localDaysToInstants(from, to, settings.timeZone))
  return digests.flatMap((d) => toPublicDigest(d, entries, { now, ...settings }) ?? [])
}

/** A draft answers exactly like a missing digest, so the public cannot tell one is being prepared. */
const notFound = (week: string) =>
  problem(404, `There is no published digest for ${week}. A week without public entries gets none.`)

/** The body of a (re)generation is optional: no body means "regenerate, keep intro and status". */
const optionalJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header('content-type') !== undefined) return jsonBody(c, next)
  if ((await c.req.text()).trim() !== '')
    throw problem(415, 'Send the body as JSON with the header Content-Type: application/json, or send no body.')
  c.set('body', {})
  await next()
}

/**
 * Weekly digests ("the week in ten items"): public reads of published digests; the owner
 * (re)generates one per ISO week. POST answers `{ week, outcome, digest }` where outcome is
 * created (201), updated, unchanged, removed or empty (200; `digest` null, `detail` says why):
 * a week without public entries gets no digest, which is an answer, not an error.
 */
export const digests = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    const person = c.get('person')
    const q = parseWith(pageQuerySchema, c.req.query())
    const page = await listDigests(db, person, {
      limit: Number(q.limit ?? 20),
      cursor: q.cursor,
      accept: (d) => owner !== undefined || d.status === 'published',
    })
    const items = owner ? page.items : await publicDigests(db, person, page.items, now(), await journalSettingsOf(c))
    return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200, owner ? ownerHeaders : publicHeaders)
  })
  .get('/:week', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    const person = c.get('person')
    const week = parseWeek(c.req.param('week'))
    const digest = await getDigest(db, person, week)
    if (digest && owner) return c.json(digest, 200, { ...ownerHeaders, ETag: etag(digest.version) })
    const [view] = digest ? await publicDigests(db, person, [digest], now(), await journalSettingsOf(c)) : []
    if (!digest || !view) throw notFound(week)
    return c.json(view, 200, { ...publicHeaders, ETag: publicEtag(view) })
  })
  .post('/:week', requireOwner, optionalJsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    const week = parseWeek(c.req.param('week'))
    const request = parseWith(digestRequestSchema, c.get('body'))
    const result = await generateDigest(db, person, week, {
      now: now(),
      defaultStatus: 'draft',
      request,
      settings: await journalSettingsOf(c),
    })
    const headers = result.digest
      ? { ...ownerHeaders, ETag: etag(result.digest.version), Location: `/api/digests/${week}` }
      : ownerHeaders
    return c.json(result, result.outcome === 'created' ? 201 : 200, headers)
  })
