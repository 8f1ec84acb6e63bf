import { entryStartInstant, type Entry, type Revision } from '../core/model/index.js'
import { S, type Db, type Item } from './db.js'
import { keys, timelinePosition } from './keys.js'
import { GSI1_KEY, queryPage, type Page } from './paging.js'
import { TABLE } from './table.js'
import { getData, listRevisions, writeVersioned } from './versioned-item.js'

/** An entry's place on its person's timeline: start instant (UTC), then id for ties. */
function timelineKeys(entry: Entry): Record<string, string> {
  return {
    [TABLE.gsi1.partitionKey]: keys.timeline(entry.person, 'ENTRIES'),
    [TABLE.gsi1.sortKey]: timelinePosition.entry(entryStartInstant(entry).toISOString(), entry.id),
  }
}

export interface WriteMeta {
  by: string
  reason?: string
  alsoPut?: Item
}

// an entry is created together with its first revision (and, when given, its idempotency record)
export async function createEntry(db: Db, entry: Entry, meta: WriteMeta): Promise<void> {
  await writeVersioned(db, {
    itemKey: keys.entry(entry.person, entry.id),
    type: 'entry',
    itemId: entry.id,
    person: entry.person,
    indexKeys: timelineKeys(entry),
    after: entry,
    action: 'create',
    ...meta,
  })
}

// an entry is replaced only if nobody changed it since `before` was read; a revision is written with it
export async function updateEntry(
  db: Db,
  before: Entry,
  after: Entry,
  meta: WriteMeta & { action?: 'update' | 'withdraw' },
): Promise<void> {
  await writeVersioned(db, {
    itemKey: keys.entry(after.person, after.id),
    type: 'entry',
    itemId: after.id,
    person: after.person,
    indexKeys: timelineKeys(after),
    before,
    after,
    action: meta.action ?? 'update',
    by: meta.by,
    reason: meta.reason,
  })
}

// one entry by id
export async function getEntry(db: Db, person: string, id: string): Promise<Entry | undefined> {
  return getData<Entry>(db, keys.entry(person, id), true)
}

export interface EntryRange {
  /** Inclusive lower bound on the start instant. */
  start?: Date
  /** Exclusive upper bound on the start instant. */
  end?: Date
  order?: 'asc' | 'desc'
  limit: number
  cursor?: string
  accept?: (entry: Entry) => boolean
  /** Entries no reader of the listing may know exist: read past, and not counted (see `MAX_ITEMS_READ`). */
  hidden?: (entry: Entry) => boolean
}

// entries of a person whose start lies in [start, end), in time order (newest first by default), paged
export async function listEntries(db: Db, person: string, range: EntryRange): Promise<Page<Entry>> {
  const timeline = keys.timeline(person, 'ENTRIES')
  const { lower, upper } = timelinePosition.entryRange(range.start, range.end)
  return queryPage<Entry>(db, {
    input: {
      IndexName: TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :timeline AND gsi1sk BETWEEN :lower AND :upper',
      ExpressionAttributeValues: { ':timeline': S(timeline), ':lower': S(lower), ':upper': S(upper) },
      ScanIndexForward: (range.order ?? 'desc') === 'asc',
    },
    cursorMustMatch: { gsi1pk: timeline },
    keyAttributes: GSI1_KEY,
    limit: range.limit,
    cursor: range.cursor,
    // BETWEEN is inclusive and `upper` is an instant followed by `#id`: the end bound excludes itself.
    accept: (entry) => (!range.end || entryStartInstant(entry) < range.end) && (range.accept?.(entry) ?? true),
    ...(range.hidden && { hidden: range.hidden }),
  })
}

// the revisions of one entry, oldest first
export async function listEntryRevisions(db: Db, person: string, id: string): Promise<Revision<Entry>[]> {
  return listRevisions<Entry>(db, keys.entry(person, id).pk)
}
