import type { Context } from 'hono'
import { withdrawalSchema, parseWith } from '../core/model/index.js'
import { changeVersioned, type ChangeOutcome, type VersionedItems } from '../journal/index.js'
import { VersionConflictError } from '../store/index.js'
import type { AppEnv } from './context.js'
import { etag, expectedVersion } from './middleware.js'
import { problem } from './problem.js'
import { changeReason } from './views.js'

type Versioned = { version: number; withdrawn?: { at: string; reason: string } }

/** How the owner's change routes reach one kind of versioned item (entries, posts). */
export interface VersionedResource<T extends Versioned> {
  noun: 'entry' | 'post'
  items: VersionedItems<T>
}

/** The answer to a change: the item with its new ETag, or the problem that stopped it. */
function answer<T extends Versioned>(
  c: Context<AppEnv>,
  resource: VersionedResource<T>,
  key: string,
  expected: number,
  outcome: ChangeOutcome<T, never>,
) {
  const { noun } = resource
  if (outcome.kind === 'missing') throw problem(404, `There is no ${noun} ${key}.`)
  if (outcome.kind === 'declined') return outcome.answer
  if (outcome.kind === 'stale') {
    // A write that lost a race to another one answers as every failed conditional write does (problem.ts).
    if (outcome.raced) throw new VersionConflictError()
    const current = outcome.current.version
    throw problem(
      412,
      `This ${noun} is at version ${current}, not ${expected}: someone changed it since you read it. ` +
        'Fetch it again and reapply your change.',
    )
  }
  return c.json(outcome.after, 200, { ETag: etag(outcome.after.version) })
}

/**
 * PUT/PATCH: `revise` validates the body against the stored item and returns the new version
 * (a 400 comes before a 412); the write is conditional on the version named in If-Match.
 */
export async function reviseItem<T extends Versioned>(
  c: Context<AppEnv>,
  resource: VersionedResource<T>,
  key: string,
  revise: (before: T, now: Date) => T,
) {
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const expected = expectedVersion(c.req.header('if-match'))
  const reason = changeReason(c.req.header('x-change-reason'))
  const change = { person, key, readVersion: expected, by: c.get('token').id, reason }
  const outcome = await changeVersioned(db, resource.items, change, (before) => ({ next: revise(before, now()) }))
  return answer(c, resource, key, expected, outcome)
}

/** DELETE: withdraws the item with the reason in the body; it stays readable as withdrawn. */
export async function withdrawItem<T extends Versioned>(
  c: Context<AppEnv>,
  resource: VersionedResource<T>,
  key: string,
  withdraw: (before: T, reason: string, now: Date) => T,
) {
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const expected = expectedVersion(c.req.header('if-match'))
  const { reason } = parseWith(withdrawalSchema, c.get('body'))
  const change = { person, key, readVersion: expected, by: c.get('token').id, reason, action: 'withdraw' as const }
  const outcome = await changeVersioned(db, resource.items, change, (before) => {
    const { withdrawn } = before
    if (withdrawn) throw problem(409, `This ${resource.noun} (${key}) was withdrawn already on ${withdrawn.at}.`)
    return { next: withdraw(before, reason, now()) }
  })
  return answer(c, resource, key, expected, outcome)
}
