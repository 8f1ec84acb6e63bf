import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import {
  getIdempotencyRecord,
  idempotencyItem,
  IdempotencyKeyUsedError,
  type IdempotencyRecord,
  type Item,
} from '../store/index.js'
import type { AppEnv } from './context.js'
import { problem } from './problem.js'

export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** Builds the idempotency record to write in the create's own transaction (undefined without a key). */
export type RecordFor = (response: StoredResponse) => Item | undefined

function replay(record: IdempotencyRecord, requestHash: string): Response {
  if (record.requestHash !== requestHash) {
    throw problem(
      422,
      'This Idempotency-Key was already used for a different request body. Use a new key for a new request.',
    )
  }
  return Response.json(record.body, {
    status: record.status,
    headers: { ...record.headers, 'Idempotent-Replayed': 'true' },
  })
}

/**
 * Runs a create at most once per `Idempotency-Key`: a retry with the same key and body gets the
 * first response again and creates nothing; the same key with another body is refused (422).
 * The record is written in the create's transaction, so it exists exactly when the item does.
 */
export async function idempotentCreate(
  c: Context<AppEnv>,
  scope: string,
  create: (recordFor: RecordFor) => Promise<StoredResponse>,
): Promise<Response> {
  const key = c.req.header('idempotency-key')
  const respond = (r: StoredResponse) => Response.json(r.body, { status: r.status, headers: r.headers })
  if (key === undefined) return respond(await create(() => undefined))
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw problem(400, 'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.', {
      errors: [{ field: 'Idempotency-Key', reason: 'must be 1–255 visible ASCII characters' }],
    })
  }
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const recordKey = `${scope}:${key}`
  const requestHash = createHash('sha256')
    .update(JSON.stringify(c.get('body')))
    .digest('hex')
  const earlier = await getIdempotencyRecord(db, person, recordKey)
  if (earlier) return replay(earlier, requestHash)
  try {
    const at = now()
    return respond(
      await create((r) =>
        idempotencyItem(person, { key: recordKey, requestHash, ...r, createdAt: at.toISOString() }, at),
      ),
    )
  } catch (error) {
    if (!(error instanceof IdempotencyKeyUsedError)) throw error
    // A concurrent request with the same key won the race: answer as it did.
    return replay((await getIdempotencyRecord(db, person, recordKey))!, requestHash)
  }
}
