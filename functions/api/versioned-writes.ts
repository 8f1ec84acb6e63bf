import type { Context } from 'hono'
import { withdrawalSchema, parseWith } from '../core/model/index.js'
import type { Db, WriteMeta } from '../store/index.js'
import type { AppEnv } from './context.js'
import { etag, expectedVersion } from './middleware.js'
import { problem } from './problem.js'
import { changeReason } from './views.js'

type Versioned = { version: number; withdrawn?: { at: string; reason: string } }

/** How the owner's change routes reach one kind of versioned item (entries, posts). */
export interface VersionedResource<T extends Versioned> {
  noun: 'entry' | 'post'
  load: (db: Db, person: string, key: string) => Promise<T | undefined>
  save: (db: Db, before: T, after: T, meta: WriteMeta & { action?: 'update' | 'withdraw' }) => Promise<void>
}

const missing = (noun: string, key: string) => problem(404, `There is no ${noun} ${key}.`)

function stale(noun: string, current: number, expected: number) {
  return problem(412, `This ${noun} is at version ${current}, not ${expected}: someone changed it since you read it. Fetch it again and reapply your change.`)
}

/**
 * PUT/PATCH: `revise` validates the body against the stored item and returns the new version
 * (a 400 comes before a 412); the write is conditional on the version named in If-Match.
 */
export async function reviseItem<T extends Versioned>(c: Context<AppEnv>, resource: VersionedResource<T>, key: string, revise: (before: T, now: Date) => T) {
  const { db, person, now } = c.get('deps')
  const expected = expectedVersion(c.req.header('if-match'))
  const before = await resource.load(db, person, key)
  if (!before) throw missing(resource.noun, key)
  const after = revise(before, now())
  if (before.version !== expected) throw stale(resource.noun, before.version, expected)
  await resource.save(db, before, after, { by: c.get('token').id, reason: changeReason(c.req.header('x-change-reason')) })
  return c.json(after, 200, { ETag: etag(after.version) })
}

/** DELETE: withdraws the item with the reason in the body; it stays readable as withdrawn. */
export async function withdrawItem<T extends Versioned>(c: Context<AppEnv>, resource: VersionedResource<T>, key: string, withdraw: (before: T, reason: string, now: Date) => T) {
  const { db, person, now } = c.get('deps')
  const expected = expectedVersion(c.req.header('if-match'))
  const { reason } = parseWith(withdrawalSchema, c.get('body'))
  const before = await resource.load(db, person, key)
  if (!before) throw missing(resource.noun, key)
  if (before.withdrawn) throw problem(409, `This ${resource.noun} (${key}) was withdrawn already on ${before.withdrawn.at}.`)
  if (before.version !== expected) throw stale(resource.noun, before.version, expected)
  const after = withdraw(before, reason, now())
  await resource.save(db, before, after, { by: c.get('token').id, reason, action: 'withdraw' })
  return c.json(after, 200, { ETag: etag(after.version) })
}
