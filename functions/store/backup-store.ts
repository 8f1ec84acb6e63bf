import { BatchWriteItemCommand, QueryCommand, type AttributeValue, type WriteRequest } from '@aws-sdk/client-dynamodb'
import type { StoredItem } from '../core/model/index.js'
import { chunks } from '../shared/index.js'
import { S, type Db, type Item } from './db.js'
import { keys } from './keys.js'
import { TABLE } from './table.js'

async function queryRaw(db: Db, index: string, keyName: string, keyValue: string, limit?: number): Promise<Item[]> {
  const items: Item[] = []
  let start: Item | undefined
  do {
    const out = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: index,
        KeyConditionExpression: `${keyName} = :k`,
        ExpressionAttributeValues: { ':k': S(keyValue) },
        ExclusiveStartKey: start,
        Limit: limit,
      }),
    )
    items.push(...(out.Items ?? []))
    start = limit && items.length >= limit ? undefined : out.LastEvaluatedKey
  } while (start)
  return items
}

// every stored item of a person (items, revisions, profile, digests from the change log; tokens), as stored
export async function readAllStoredItems(db: Db, person: string): Promise<StoredItem[]> {
  const changed = await queryRaw(db, TABLE.gsi2.name, TABLE.gsi2.partitionKey, keys.changes(person))
  const tokens = await queryRaw(db, TABLE.gsi1.name, TABLE.gsi1.partitionKey, keys.timeline(person, 'TOKENS'))
  return [...changed, ...tokens] as unknown as StoredItem[]
}

// whether a person's journal holds nothing at all (restores go only into an empty journal)
export async function isPersonEmpty(db: Db, person: string): Promise<boolean> {
  const changed = await queryRaw(db, TABLE.gsi2.name, TABLE.gsi2.partitionKey, keys.changes(person), 1)
  const tokens = await queryRaw(db, TABLE.gsi1.name, TABLE.gsi1.partitionKey, keys.timeline(person, 'TOKENS'), 1)
  return changed.length === 0 && tokens.length === 0
}

// whether a person's journal holds anything (one item of their change log; tokens do not count)
export async function hasJournalItems(db: Db, person: string): Promise<boolean> {
  return (await queryRaw(db, TABLE.gsi2.name, TABLE.gsi2.partitionKey, keys.changes(person), 1)).length > 0
}

/** DynamoDB's BatchWriteItem takes at most 25 writes. */
const BATCH_WRITE_MAX = 25

// stored items written back exactly, 25 per batch, retrying what DynamoDB leaves unprocessed
export async function writeStoredItems(
  db: Db,
  items: StoredItem[],
  onProgress?: (written: number) => void,
): Promise<void> {
  let written = 0
  for (const batch of chunks(items, BATCH_WRITE_MAX)) {
    let pending: WriteRequest[] = batch.map((item) => ({
      PutRequest: { Item: item as unknown as Record<string, AttributeValue> },
    }))
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8)
        throw new Error(
          'DynamoDB kept refusing part of the restore; the journal now holds a partial restore. ' +
            'Empty it and run the restore again.',
        )
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt))
      const out = await db.client.send(new BatchWriteItemCommand({ RequestItems: { [db.table]: pending } }))
      pending = out.UnprocessedItems?.[db.table] ?? []
    }
    written += batch.length
    onProgress?.(written)
  }
}
