import { QueryCommand } from '@aws-sdk/client-dynamodb'
import { entryStartInstant, type Entry } from '../core/model/index.js'
import { BadCursorError, decodeCursor, encodeCursor, type CursorScope } from './cursor.js'
import { dataOf, S, type Db, type Item } from './db.js'
import type { EntryRange } from './entry-store.js'
import { keys, timelinePosition } from './keys.js'
import { GSI1_KEY, MAX_ITEMS_READ, type Page } from './paging.js'
import { TABLE } from './table.js'

/** Where an entry stands in the merged listing: its place on its person's timeline, then the person. */
interface Position {
  sk: string
  person: string
  /** The item's key on GSI1, so the listing can go on right after it on its own timeline. */
  key: Item
}

/** One person's timeline, read a little at a time from where the listing stands. */
interface Timeline {
  person: string
  /** Accepted entries read but not yet given out, in listing order. */
  waiting: { at: Position; entry: Entry }[]
  /** The last position read, accepted or not: everything up to it has been looked at. */
  readUpTo?: Position
  startKey?: Item
  done: boolean
  /** How many items the next Query asks for; doubles on each refill of the same timeline. */
  size: number
}

const compare = (a: Position, b: Position) =>
  a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : a.person < b.person ? -1 : a.person > b.person ? 1 : 0

/**
 * Entries of several people (an organisation's servants) whose start lies in [start, end),
 * merged into one listing ordered by start, then id, then person, and paged with one cursor.
 * No Scan: one Query per person on their own timeline (GSI1), from the cursor's position, and a
 * k-way merge. A page may give out only what every still-open timeline has been read past (the
 * lowest `readUpTo`): so paging never repeats or skips an item, whatever is filtered. The
 * timeline holding the listing back is read further, doubling, until the page is full or
 * `MAX_ITEMS_READ` items (at least a first Query per person) were read; a shorter page with a
 * cursor means "keep going", as on one person's listing (paging.ts).
 */
export async function listEntriesOfPeople(db: Db, people: readonly string[], range: EntryRange): Promise<Page<Entry>> {
  const order = range.order ?? 'desc'
  const before = (a: Position, b: Position) => (order === 'asc' ? compare(a, b) < 0 : compare(a, b) > 0)
  const { lower, upper } = timelinePosition.entryRange(range.start, range.end)
  const scope: CursorScope = {
    query: { of: 'people/entries', lower, upper, order },
    keyAttributes: CURSOR_ATTRIBUTES,
    mustMatch: {},
  }
  const after = range.cursor ? cursorPosition(await decodeCursor(db, range.cursor, scope)) : undefined
  const bounds = boundsFrom(lower, upper, order, after)
  // A fair share of the page per timeline, twice over when there are several (they rarely share evenly).
  const share = Math.ceil(range.limit / Math.max(people.length, 1))
  const first = Math.max(10, people.length > 1 ? 2 * share : share)
  // The cursor's own timeline goes on right after it; the others from its sort key on.
  const timelines: Timeline[] = people.map((person) => ({
    person,
    waiting: [],
    done: false,
    size: first,
    ...(after?.person === person && { startKey: after.key }),
  }))
  const budget = Math.max(MAX_ITEMS_READ, first * people.length)
  const reading: Reading = { bounds, order, before, after, range }
  let read = 0
  const readMore = async (t: Timeline, most = t.size) => {
    const counted = await readTimeline(db, t, reading, most) // not `read += await …`: reads run side by side
    read += counted
  }

  await Promise.all(timelines.map((t) => readMore(t)))
  for (;;) {
    const open = timelines.filter((t) => !t.done)
    // Everything up to `bound` has been read on every open timeline; nothing past it may be given out yet.
    const bound = open.every((t) => t.readUpTo)
      ? lowest(
          open.map((t) => t.readUpTo!),
          before,
        )
      : undefined
    const ready = timelines
      .flatMap((t) => t.waiting)
      .filter((w) => open.length === 0 || (bound !== undefined && !before(bound, w.at)))
      .sort((a, b) => (before(a.at, b.at) ? -1 : 1))
    if (ready.length >= range.limit) {
      const page = ready.slice(0, range.limit)
      // Without an open timeline and nothing left waiting, this page is the last: no cursor to an empty one.
      const more = open.length > 0 || ready.length > range.limit
      return { items: page.map((w) => w.entry), ...(more && { cursor: await cursorAt(db, page.at(-1)!.at, scope) }) }
    }
    if (open.length === 0) return { items: ready.map((w) => w.entry) }
    if (read >= budget && bound) return { items: ready.map((w) => w.entry), cursor: await cursorAt(db, bound, scope) }
    // Read further where the listing is held back: the timelines read least far.
    const behind = open.filter((t) => !t.readUpTo || (bound && compare(t.readUpTo, bound) === 0))
    const each = Math.floor((budget - read) / behind.length)
    const readers = each > 0 ? behind : behind.slice(0, 1) // the last few items of the bound go to one
    await Promise.all(readers.map((t) => readMore(t, each > 0 ? each : budget - read)))
  }
}

/** What every timeline of one page is read with. */
interface Reading {
  bounds: { lower: string; upper: string }
  order: 'asc' | 'desc'
  before: (a: Position, b: Position) => boolean
  after?: Position
  range: EntryRange
}

/** Reads up to `most` more items of one timeline, keeping the accepted ones; answers how many it counted. */
async function readTimeline(db: Db, t: Timeline, { bounds, order, before, after, range }: Reading, most: number) {
  const fromCursor = t.startKey !== undefined && t.startKey === after?.key
  const out = await db.client
    .send(
      new QueryCommand({
        TableName: db.table,
        IndexName: TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :timeline AND gsi1sk BETWEEN :lower AND :upper',
        ExpressionAttributeValues: {
          ':timeline': S(keys.timeline(t.person, 'ENTRIES')),
          ':lower': S(bounds.lower),
          ':upper': S(bounds.upper),
        },
        ScanIndexForward: order === 'asc',
        ExclusiveStartKey: t.startKey,
        Limit: Math.min(t.size, most),
      }),
    )
    .catch((error: unknown) => {
      // A position that passed the checks but lies outside this timeline's key range (a forged one).
      if (fromCursor && (error as Error).name === 'ValidationException') throw new BadCursorError()
      throw error
    })
  t.size *= 2
  let counted = 0
  for (const raw of out.Items ?? []) {
    const at = positionOf(raw, t.person)
    t.readUpTo = at
    const entry = dataOf<Entry>(raw)
    // Not counted towards the bound: a page cut short by hidden entries would count them for the public.
    if (range.hidden?.(entry)) continue
    counted++
    if (after && !before(after, at)) continue
    // BETWEEN is inclusive and `upper` is an instant followed by `#id`: the end bound excludes itself.
    if (range.end && entryStartInstant(entry) >= range.end) continue
    if (range.accept && !range.accept(entry)) continue
    t.waiting.push({ at, entry })
  }
  t.startKey = out.LastEvaluatedKey
  t.done = !t.startKey
  return counted
}

function lowest(positions: Position[], before: (a: Position, b: Position) => boolean): Position | undefined {
  return positions.reduce<Position | undefined>((low, at) => (!low || before(at, low) ? at : low), undefined)
}

/** An item's position on `person`'s timeline, from its GSI1 key (or a cursor's). */
function positionOf(raw: Item, person: string): Position {
  const key: Item = {}
  for (const name of GSI1_KEY) key[name] = raw[name]!
  return { sk: key[TABLE.gsi1.sortKey]!.S!, person, key }
}

/** A cursor holds the position's key and its person (a forged pair fails on the wrong timeline: 400). */
const CURSOR_ATTRIBUTES = [...GSI1_KEY, 'person']
const cursorAt = (db: Db, at: Position, scope: CursorScope) =>
  encodeCursor(db, { ...at.key, person: S(at.person) }, scope)
const cursorPosition = (key: Item) => positionOf(key, key.person!.S!)

/**
 * The sort-key range still to read on a timeline: the listing's range, narrowed to what lies at
 * or after the cursor's position in the listing's order (an entry at that very position on
 * another person's timeline may still be due). Every cursor given out lies in its listing's
 * range: one outside it was forged.
 */
function boundsFrom(lower: string, upper: string, order: 'asc' | 'desc', after?: Position) {
  if (!after) return { lower, upper }
  if (after.sk < lower || after.sk > upper) throw new BadCursorError()
  return order === 'asc' ? { lower: after.sk, upper } : { lower, upper: after.sk }
}
