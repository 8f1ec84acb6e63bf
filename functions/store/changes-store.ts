import { dataOf, S, type Db } from './db.js'
import { keys } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'

export type ChangedItem = { type: 'entry' | 'post' | 'revision' | 'profile' | 'digest'; data: unknown }

// everything of a person (items and their revisions) changed after `since` (ISO instant), oldest first: exports, snapshots
export async function listChangedSince(db: Db, person: string, since = '0'): Promise<ChangedItem[]> {
  return queryAll<ChangedItem>(db, {
    IndexName: TABLE.gsi2.name,
    KeyConditionExpression: 'gsi2pk = :changes AND gsi2sk > :since',
    ExpressionAttributeValues: { ':changes': S(keys.changes(person)), ':since': S(since) },
  }, (raw) => ({ type: raw.type!.S as ChangedItem['type'], data: dataOf(raw) }))
}
