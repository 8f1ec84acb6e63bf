import { GetItemCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb'
import type { Revision } from '../core/model/index.js'
import {
  AlreadyExistsError,
  dataOf,
  failedConditions,
  IdempotencyKeyUsedError,
  N,
  S,
  VersionConflictError,
  withData,
  type Db,
  type Item,
} from './db.js'
import { changeLogPosition, keys } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'

/**
 * Entries and posts are "versioned items": every write is one transaction that puts the item
 * (conditional on the version the writer read) and its revision, so history can never miss a change.
 */
export interface VersionedWrite<T extends { version: number; updatedAt: string }> {
  itemKey: { pk: string; sk: string }
  type: 'entry' | 'post'
  itemId: string
  person: string
  /** Secondary-index keys of the item (its timeline position). */
  indexKeys: Record<string, string>
  before?: T
  after: T
  by: string
  action: Revision['action']
  reason?: string
  /** A record to put in the same transaction (idempotency); its condition failing means a replay. */
  alsoPut?: Item
}

export async function writeVersioned<T extends { version: number; updatedAt: string }>(
  db: Db,
  w: VersionedWrite<T>,
): Promise<void> {
  const revision: Revision<T> = {
    itemType: w.type,
    itemId: w.itemId,
    person: w.person,
    version: w.after.version,
    at: w.after.updatedAt,
    by: w.by,
    action: w.action,
    ...(w.reason ? { reason: w.reason } : {}),
    ...(w.before ? { before: w.before } : {}),
    after: w.after,
  }
  const changeLog = {
    [TABLE.gsi2.partitionKey]: keys.changes(w.person),
    [TABLE.gsi2.sortKey]: changeLogPosition.item(w.after.updatedAt, w.itemKey.pk),
  }
  const putItem: TransactWriteItem = {
    Put: {
      TableName: db.table,
      Item: withData({ ...w.itemKey, ...w.indexKeys, ...changeLog }, w.type, w.after, { version: N(w.after.version) }),
      ...(w.before
        ? {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': N(w.before.version) },
          }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  }
  const putRevision: TransactWriteItem = {
    Put: {
      TableName: db.table,
      Item: withData(
        {
          ...keys.revision(w.itemKey.pk, w.after.version),
          [TABLE.gsi2.partitionKey]: keys.changes(w.person),
          [TABLE.gsi2.sortKey]: changeLogPosition.revision(w.after.updatedAt, w.itemKey.pk),
        },
        'revision',
        revision,
      ),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
  const extra: TransactWriteItem[] = w.alsoPut
    ? [{ Put: { TableName: db.table, Item: w.alsoPut, ConditionExpression: 'attribute_not_exists(pk)' } }]
    : []
  try {
    await db.client.send(new TransactWriteItemsCommand({ TransactItems: [putItem, putRevision, ...extra] }))
  } catch (error) {
    const failed = failedConditions(error)
    if (!failed) throw error
    if (failed[2]) throw new IdempotencyKeyUsedError('this Idempotency-Key was used before')
    if (w.before) throw new VersionConflictError()
    throw new AlreadyExistsError(`${w.type} ${w.itemId} exists already`)
  }
}

export async function getData<T>(db: Db, key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
  const out = await db.client.send(
    new GetItemCommand({ TableName: db.table, Key: { pk: S(key.pk), sk: S(key.sk) }, ConsistentRead: consistent }),
  )
  return out.Item ? dataOf<T>(out.Item) : undefined
}

export async function listRevisions<T>(db: Db, itemPk: string): Promise<Revision<T>[]> {
  const revisions = keys.revisions(itemPk)
  return queryAll<Revision<T>>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rev)',
    ExpressionAttributeValues: { ':pk': S(revisions.pk), ':rev': S(revisions.skPrefix) },
    ConsistentRead: true,
  })
}
