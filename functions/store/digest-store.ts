import { ConditionalCheckFailedException, DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb'
import type { Digest } from '../core/digest/index.js'
import type { Entry } from '../core/model/index.js'
import { N, S, VersionConflictError, withData, type Db } from './db.js'
import { listEntries } from './entry-store.js'
import { changeLogPosition, keys, timelinePosition } from './keys.js'
import { newestOnTimeline, type Page, type PageRequest } from './paging.js'
import { TABLE } from './table.js'
import { getData } from './versioned-item.js'

/**
 * Weekly digests: one item per person and ISO week, on the DIGESTS timeline (GSI1, sorted by week,
 * which sorts as text) and in the change log (GSI2) so exports include them. A digest is generated,
 * not authored, so it keeps no revisions: regenerating it reproduces it.
 */

// the digest of one week
export async function getDigest(db: Db, person: string, week: string): Promise<Digest | undefined> {
  return getData<Digest>(db, keys.digest(person, week), true)
}

// digests of a person by week, newest first, paged
export async function listDigests(
  db: Db,
  person: string,
  page: PageRequest<Digest> = { limit: 100 },
): Promise<Page<Digest>> {
  return newestOnTimeline<Digest>(db, keys.timeline(person, 'DIGESTS'), page)
}

// a digest is written only if nobody changed it since version `expected` was read (0: it must not exist yet)
export async function putDigest(db: Db, digest: Digest, expected: number): Promise<void> {
  const key = keys.digest(digest.person, digest.week)
  const indexKeys = {
    [TABLE.gsi1.partitionKey]: keys.timeline(digest.person, 'DIGESTS'),
    [TABLE.gsi1.sortKey]: timelinePosition.digest(digest.week),
    [TABLE.gsi2.partitionKey]: keys.changes(digest.person),
    [TABLE.gsi2.sortKey]: changeLogPosition.item(digest.updatedAt, key.pk),
  }
  await conditionally(
    db.client.send(
      new PutItemCommand({
        TableName: db.table,
        Item: withData({ ...key, ...indexKeys }, 'digest', digest, { version: N(digest.version) }),
        ...versionCondition(expected),
      }),
    ),
  )
}

// a digest is deleted only if still at version `expected` (its week lost all public entries)
export async function deleteDigest(db: Db, person: string, week: string, expected: number): Promise<void> {
  const key = keys.digest(person, week)
  await conditionally(
    db.client.send(
      new DeleteItemCommand({
        TableName: db.table,
        Key: { pk: S(key.pk), sk: S(key.sk) },
        ...versionCondition(expected),
      }),
    ),
  )
}

// every entry of a person starting in [start, end), oldest first, all pages: what a digest or report
// is computed from (without `start`: the whole history, which first-time counterparts need)
export async function listAllEntries(db: Db, person: string, range: { start?: Date; end: Date }): Promise<Entry[]> {
  const entries: Entry[] = []
  let cursor: string | undefined
  do {
    const page = await listEntries(db, person, { ...range, order: 'asc', limit: 500, cursor })
    entries.push(...page.items)
    cursor = page.cursor
  } while (cursor)
  return entries
}

function versionCondition(expected: number) {
  return expected === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': N(expected) } }
}

async function conditionally(write: Promise<unknown>): Promise<void> {
  try {
    await write
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new VersionConflictError()
    throw error
  }
}
