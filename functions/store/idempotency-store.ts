import { N, withData, type Db, type Item } from './db.js'
import { keys } from './keys.js'
import { getData } from './versioned-item.js'

/** What a create answered the first time, kept so a retry with the same key gets the same answer. */
export interface IdempotencyRecord {
  key: string
  requestHash: string
  status: number
  headers: Record<string, string>
  body: unknown
  createdAt: string
}

/** Idempotency records expire after a day, as the IETF Idempotency-Key draft suggests as a floor. */
const KEEP_SECONDS = 24 * 60 * 60

// the record of an earlier request with this key
export async function getIdempotencyRecord(
  db: Db,
  person: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  return getData<IdempotencyRecord>(db, keys.idempotency(person, key), true)
}

/** The item to put in the create's own transaction, so the record exists exactly when the entry does. */
export function idempotencyItem(person: string, record: IdempotencyRecord, now: Date): Item {
  return withData(keys.idempotency(person, record.key), 'idempotency', record, {
    expiresAt: N(Math.floor(now.getTime() / 1000) + KEEP_SECONDS),
  })
}
