import { randomBytes } from 'node:crypto'
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb'
import { dataOf, S, withData, type Db } from './db.js'
import { keys } from './keys.js'

/** The stored item: the AES-256 key that seals every cursor this table's listings give out. */
interface CursorKeyItem {
  /** 32 random bytes, base64url. */
  secret: string
  createdAt: string
}

/**
 * Why the table and not a secret store: every Lambda instance and every `npm start` over the same
 * table must seal and open the same cursors, the API function has no secret of its own, and
 * reading one from Secrets Manager would add a client to its lean bundle and a call to its cold
 * start. Whoever can read this item can read the private items it protects anyway.
 * Read once per process, per client and table; a failed read is not remembered, so the next
 * request tries again.
 */
const loaded = new WeakMap<DynamoDBClient, Map<string, Promise<Buffer>>>()

// the key that seals listing cursors; created on first use, the same for every reader of the table
export function cursorKey(db: Db): Promise<Buffer> {
  const ofClient = loaded.get(db.client) ?? new Map<string, Promise<Buffer>>()
  loaded.set(db.client, ofClient)
  const cached = ofClient.get(db.table)
  if (cached) return cached
  const key = readOrCreate(db)
  ofClient.set(db.table, key)
  key.catch(() => ofClient.get(db.table) === key && ofClient.delete(db.table))
  return key
}

/** Two first users may race: the conditional put lets one key win, and the loser reads it. */
async function readOrCreate(db: Db): Promise<Buffer> {
  const stored = await readKey(db)
  if (stored) return stored
  const fresh: CursorKeyItem = { secret: randomBytes(32).toString('base64url'), createdAt: new Date().toISOString() }
  try {
    await db.client.send(
      new PutItemCommand({
        TableName: db.table,
        Item: withData(keys.cursorKey(), 'cursor-key', fresh),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    return Buffer.from(fresh.secret, 'base64url')
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error
    return (await readKey(db))!
  }
}

async function readKey(db: Db): Promise<Buffer | undefined> {
  const { pk, sk } = keys.cursorKey()
  const out = await db.client.send(
    new GetItemCommand({ TableName: db.table, Key: { pk: S(pk), sk: S(sk) }, ConsistentRead: true }),
  )
  return out.Item ? Buffer.from(dataOf<CursorKeyItem>(out.Item).secret, 'base64url') : undefined
}
