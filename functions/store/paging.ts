import { QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb'
import { BadCursorError, decodeCursor, encodeCursor, type CursorScope } from './cursor.js'
import { dataOf, type Db, type Item } from './db.js'
import { TABLE } from './table.js'

export interface Page<T> {
  items: T[]
  cursor?: string
}

export interface PagedQuery<T> {
  /** The Query without ExclusiveStartKey and Limit. */
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>
  /** Key attributes a cursor for this query must carry, e.g. `{ gsi1pk: 'PERSON#x#ENTRIES' }`. */
  cursorMustMatch: Record<string, string>
  keyAttributes: readonly string[]
  limit: number
  cursor?: string
  /** Items the caller does not want (filtered out) are skipped, not counted. */
  accept?: (item: T) => boolean
  /**
   * Items no reader of the listing may know exist (private ones on a public listing): skipped and
   * not counted towards `MAX_ITEMS_READ`, so where a page stops tells nothing about them.
   */
  hidden?: (item: T) => boolean
}

/**
 * The most items one page may read, accepted or not. A filter that matches little would otherwise
 * read the whole journal to fill one page; with this bound a request costs the same in a journal
 * of any size. Twice the largest page the API gives out (200), so an unfiltered page is never cut
 * short by it. Hidden items (`PagedQuery.hidden`) are read past without counting: a page cut short
 * by them would count them for the public.
 */
export const MAX_ITEMS_READ = 400

/**
 * Reads one page of up to `limit` accepted items. The cursor is the key of the last item read
 * for this page, so the next page starts right after it: paging never repeats or skips, whatever
 * is filtered. When `MAX_ITEMS_READ` items were read before `limit` were accepted, the page comes
 * back shorter, with a cursor: fewer items than asked with a cursor means "keep going".
 * Reads start small and double, so a page that fills quickly reads little more than it returns.
 */
export async function queryPage<T>(db: Db, q: PagedQuery<T>): Promise<Page<T>> {
  const scope: CursorScope = { query: q.input, keyAttributes: q.keyAttributes, mustMatch: q.cursorMustMatch }
  const items: T[] = []
  let startKey: Item | undefined = q.cursor ? await decodeCursor(db, q.cursor, scope) : undefined
  let fromCursor = startKey !== undefined
  let read = 0
  for (let call = 0; ; call++) {
    const out = await db.client
      .send(
        new QueryCommand({
          ...q.input,
          TableName: db.table,
          ExclusiveStartKey: startKey,
          Limit: Math.min(Math.max(q.limit - items.length, 25 * 2 ** call), MAX_ITEMS_READ - read),
        }),
      )
      .catch((error: unknown) => {
        // A position that passed the checks but lies outside this query's key range (a forged one).
        if (fromCursor && (error as Error).name === 'ValidationException') throw new BadCursorError()
        throw error
      })
    fromCursor = false
    for (const raw of out.Items ?? []) {
      const item = dataOf<T>(raw)
      if (q.hidden?.(item)) continue
      read++
      if (!q.accept || q.accept(item)) items.push(item)
      // Stop right at the item that fills the page or the bound: the items after it in this
      // Query's answer are the next page's, whatever hidden items came with them.
      if (items.length === q.limit || read >= MAX_ITEMS_READ)
        return { items, cursor: await encodeCursor(db, raw, scope) }
    }
    startKey = out.LastEvaluatedKey
    if (!startKey) return { items }
  }
}

/** Reads every item a query yields (for exports and small collections such as revisions). */
export async function queryAll<T>(db: Db, input: PagedQuery<T>['input'], map: (raw: Item) => T = dataOf): Promise<T[]> {
  const items: T[] = []
  let startKey: Item | undefined
  do {
    const out = await db.client.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: startKey }))
    items.push(...(out.Items ?? []).map(map))
    startKey = out.LastEvaluatedKey
  } while (startKey)
  return items
}

export const GSI1_KEY = [TABLE.partitionKey, TABLE.sortKey, TABLE.gsi1.partitionKey, TABLE.gsi1.sortKey] as const

export interface PageRequest<T> {
  limit: number
  cursor?: string
  accept?: (item: T) => boolean
}

/** One page of a person's timeline (posts, digests …) on GSI1, newest first. */
export async function newestOnTimeline<T>(db: Db, timeline: string, page: PageRequest<T>): Promise<Page<T>> {
  return queryPage<T>(db, {
    input: {
      IndexName: TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :timeline',
      ExpressionAttributeValues: { ':timeline': { S: timeline } },
      ScanIndexForward: false,
    },
    cursorMustMatch: { gsi1pk: timeline },
    keyAttributes: GSI1_KEY,
    ...page,
  })
}
