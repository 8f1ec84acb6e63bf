import { dataOf, S, type Db, type Item } from './db.js'
import { keys } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'

/**
 * One item of the change log; `position` is its place in the log (the time of its last write, then
 * its key) and the item's version: two writes of one digest or profile in the same millisecond keep
 * their place in the log, but not their version.
 */
export type ChangedItem = {
  type: 'entry' | 'post' | 'revision' | 'profile' | 'digest'
  data: unknown
  position: string
}

// everything of a person (items and their revisions) changed after `since` (ISO instant), oldest
// first: exports, snapshots
export async function listChangedSince(db: Db, person: string, since = '0'): Promise<ChangedItem[]> {
  return queryAll<ChangedItem>(
    db,
    {
      IndexName: TABLE.gsi2.name,
      KeyConditionExpression: 'gsi2pk = :changes AND gsi2sk > :since',
      ExpressionAttributeValues: { ':changes': S(keys.changes(person)), ':since': S(since) },
    },
    (raw) => ({ type: raw.type!.S as ChangedItem['type'], data: dataOf(raw), position: positionOf(raw) }),
  )
}

// the positions of a person's whole change log, keys only, oldest first: has it changed since an export read it?
export async function listChangePositions(db: Db, person: string): Promise<string[]> {
  return queryAll<string>(
    db,
    {
      IndexName: TABLE.gsi2.name,
      KeyConditionExpression: 'gsi2pk = :changes',
      ProjectionExpression: 'gsi2sk, version',
      ExpressionAttributeValues: { ':changes': S(keys.changes(person)) },
    },
    positionOf,
  )
}

function positionOf(raw: Item): string {
  const version = raw.version?.N
  return version === undefined ? raw[TABLE.gsi2.sortKey]!.S! : `${raw[TABLE.gsi2.sortKey]!.S!}@${version}`
}
