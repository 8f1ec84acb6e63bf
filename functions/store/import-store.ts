import { BatchGetItemCommand, type BatchGetItemCommandOutput, type KeysAndAttributes } from '@aws-sdk/client-dynamodb'
import type { Entry } from '../core/model/index.js'
import { chunks } from '../shared/index.js'
import { dataOf, S, withData, type Db, type Item } from './db.js'
import { changeLogPosition, keys } from './keys.js'
import { TABLE } from './table.js'

/**
 * Calendar imports find the entries they made earlier by the calendar's UID. A small lookup item
 * (`keys.source`) holds the entry's id; it is written in the entry's own create transaction, so it
 * exists exactly when the entry does, and a second import of the same UID racing the first fails
 * its condition instead of making a duplicate.
 */

// the lookup item tying a calendar UID to the entry imported from it (put in the create's transaction)
// (it also sits in the person's change log, sorted before every real change, so backups carry it)
export function sourceLookupItem(person: string, sourceUid: string, entryId: string): Item {
  const key = keys.source(person, sourceUid)
  const changeLog = {
    [TABLE.gsi2.partitionKey]: keys.changes(person),
    [TABLE.gsi2.sortKey]: changeLogPosition.source(key.pk),
  }
  return withData({ ...key, ...changeLog }, 'source', { person, sourceUid, entryId })
}

// the entries imported earlier from these calendar UIDs, by UID (batched reads: lookups, then entries)
export async function getEntriesBySourceUid(
  db: Db,
  person: string,
  sourceUids: readonly string[],
): Promise<Map<string, Entry>> {
  const lookupKeys = [...new Set(sourceUids)].map((uid) => keys.source(person, uid))
  const lookups = await batchGet<{ sourceUid: string; entryId: string }>(db, lookupKeys)
  const entries = await batchGet<Entry>(
    db,
    lookups.map((l) => keys.entry(person, l.entryId)),
  )
  const byId = new Map(entries.map((e) => [e.id, e]))
  return new Map(lookups.flatMap((l) => (byId.has(l.entryId) ? [[l.sourceUid, byId.get(l.entryId)!] as const] : [])))
}

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH_GET_MAX = 100

/** Reads items by key, 100 per request, retrying what DynamoDB leaves unprocessed. */
async function batchGet<T>(db: Db, itemKeys: { pk: string; sk: string }[]): Promise<T[]> {
  const found: T[] = []
  for (const batch of chunks(itemKeys, BATCH_GET_MAX)) {
    let request: Record<string, KeysAndAttributes> | undefined = {
      [db.table]: { Keys: batch.map((k) => ({ pk: S(k.pk), sk: S(k.sk) })), ConsistentRead: true },
    }
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)))
      const out: BatchGetItemCommandOutput = await db.client.send(new BatchGetItemCommand({ RequestItems: request }))
      found.push(...(out.Responses?.[db.table] ?? []).map((item) => dataOf<T>(item)))
      request = out.UnprocessedKeys
    }
  }
  return found
}
