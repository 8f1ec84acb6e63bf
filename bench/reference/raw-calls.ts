// The DynamoDB calls the API makes for a public week listing and an owner's create, made with the
// raw SDK and nothing else (no validation, projection, middleware or HTTP): the throughput
// reference (DESIGN.md section 9: "a raw SDK loop doing the same DynamoDB calls"), also served
// behind a bare Hono app (bare-api-server.ts) to measure what HTTP alone costs.
import { GetItemCommand, QueryCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb'
import { DEFAULT_SETTINGS, type Entry, newEntry, normalizeEntryInput } from '../../functions/core/model/index.js'
import type { Db } from '../../functions/store/index.js'

const S = (value: string) => ({ S: value })

/** The week the listing asks for, as days and as the instants they are in Europe/Amsterdam. */
export const WEEK = {
  from: '2010-03-01',
  to: '2010-03-07',
  start: '2010-02-28T23:00:00.000Z',
  end: '2010-03-07T23:00:00.000Z',
}

/**
 * `GET /api/entries?from&to` without a token, in a deployment of one journal: the servants on
 * record (none), the default servant's profile (zone and language), then its week, one page of 50.
 */
export async function rawWeekListing(db: Db, person: string) {
  // The servant list and the default journal's profile at once, as the API asks for them.
  await Promise.all([
    db.client.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :servants',
        ExpressionAttributeValues: { ':servants': S('ORGANISATION#SERVANTS') },
      }),
    ),
    db.client.send(
      new GetItemCommand({
        TableName: db.table,
        Key: { pk: S(`PROFILE#${person}`), sk: S('PROFILE') },
        ConsistentRead: true,
      }),
    ),
  ])
  const out = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :t AND gsi1sk BETWEEN :l AND :u',
      ScanIndexForward: false,
      Limit: 50,
      ExpressionAttributeValues: { ':t': S(`PERSON#${person}#ENTRIES`), ':l': S(WEEK.start), ':u': S(WEEK.end) },
    }),
  )
  return out.Items ?? []
}

/** What the owner posts in the create rows. */
export const createBody = (i: number) => ({
  start: '2010-03-02T10:00',
  end: '2010-03-02T11:00',
  title: `Bench ${i}`,
  kind: 'meeting',
  visibility: 'public',
  themes: ['open data'],
})

/** An entry as the API stores it for `createBody`: made once, so the raw loop pays only for its JSON. */
const stored = newEntry(normalizeEntryInput(createBody(0), { ...DEFAULT_SETTINGS, now: new Date() }), 'raw', new Date())
const START_INSTANT = '2010-03-02T09:00:00.000Z'

/**
 * `POST /api/entries`: the token by its digest, the journal's profile (the zone the times are in),
 * then one transaction putting the entry and its first revision with the index keys the store
 * gives them (the person's timeline on GSI1, the change log on GSI2).
 */
export async function rawCreate(db: Db, tokenDigest: string, id: string, title: string): Promise<Entry> {
  await db.client.send(
    new GetItemCommand({ TableName: db.table, Key: { pk: S(`TOKEN#${tokenDigest}`), sk: S('TOKEN') } }),
  )
  await db.client.send(
    new GetItemCommand({ TableName: db.table, Key: { pk: S('PROFILE#raw'), sk: S('PROFILE') }, ConsistentRead: true }),
  )
  const at = new Date().toISOString()
  const entry: Entry = { ...stored, id, title, createdAt: at, updatedAt: at }
  const pk = `ENTRY#raw#${id}`
  const revision = { itemType: 'entry', itemId: id, person: 'raw', version: 1, at, by: 'bench', action: 'create' }
  const changes = S('PERSON#raw#CHANGES')
  await db.client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: {
              pk: S(pk),
              sk: S('ENTRY'),
              gsi1pk: S('PERSON#raw#ENTRIES'),
              gsi1sk: S(`${START_INSTANT}#${id}`),
              gsi2pk: changes,
              gsi2sk: S(`${at}#${pk}`),
              type: S('entry'),
              data: S(JSON.stringify(entry)),
              version: { N: '1' },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: db.table,
            Item: {
              pk: S(pk),
              sk: S('REV#00000001'),
              gsi2pk: changes,
              gsi2sk: S(`${at}#${pk}#REV`),
              type: S('revision'),
              data: S(JSON.stringify({ ...revision, after: entry })),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  )
  return entry
}
