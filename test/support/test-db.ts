import { randomUUID } from 'node:crypto'
import { inject } from 'vitest'
import { ADMINISTRATION, newTokenSecret, tokenDigest, type Token } from '../../functions/core/model/index.js'
import { createApp } from '../../functions/api/app.js'
import { createDb, ensureTable, putToken, type Db } from '../../functions/store/index.js'

/** Test bodies are read loosely; assertions check their shape. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads any field of a body and lets the assertion judge it
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> }

/** The run's DynamoDB Local, started by the integration project's global setup. */
export function dynamodbEndpoint(): string {
  const endpoint = inject('dynamodbEndpoint')
  if (!endpoint) throw new Error('This test needs DynamoDB Local: make it an integration test (vitest.config.ts).')
  return endpoint
}

/** A fresh, empty journal table on the run's DynamoDB Local. */
export async function testDb(): Promise<Db> {
  const db = createDb({ endpoint: dynamodbEndpoint(), table: `test-${randomUUID()}` })
  await ensureTable(db)
  return db
}

export const PERSON = 'test-person'

export async function ownerToken(
  db: Db,
  person = PERSON,
  role: Token['role'] = 'servant',
): Promise<{ secret: string; token: Token }> {
  const secret = newTokenSecret()
  const token: Token = {
    id: `tok-${randomUUID().slice(0, 8)}`,
    person,
    role,
    label: 'test',
    digest: tokenDigest(secret),
    createdAt: new Date().toISOString(),
  }
  await putToken(db, token)
  return { secret, token }
}

/** A token of the organisation's administrator. */
export async function administratorToken(db: Db): Promise<string> {
  return (await ownerToken(db, ADMINISTRATION, 'administrator')).secret
}

/** The API on a fresh table, with an owner token and small request helpers. */
export async function testApi(options: { now?: () => Date } = {}) {
  const db = await testDb()
  const { secret } = await ownerToken(db)
  const app = createApp({ db, person: PERSON, ...options })
  const auth = { Authorization: `Bearer ${secret}` }
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> =>
    app.request(path, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...auth, ...headers },
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Uint8Array
            ? body
            : JSON.stringify(body),
    }) as Promise<TestResponse>
  const get = (path: string, headers: Record<string, string> = {}): Promise<TestResponse> =>
    app.request(path, { headers }) as Promise<TestResponse>
  return { db, app, secret, auth, send, get }
}

/** A valid entry input; override what the test is about. */
export function entryInput(overrides: Record<string, unknown> = {}) {
  return {
    start: '2015-03-16T10:00',
    end: '2015-03-16T11:30',
    title: 'Adviesgesprek zelfsturing',
    kind: 'advice',
    counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
    themes: ['zelfsturing'],
    location: 'Enschede',
    visibility: 'public',
    status: 'held',
    ...overrides,
  }
}

/**
 * Counts what the store reads from DynamoDB through `db` from now on: Query calls and the items
 * they examined (ScannedCount), as DynamoDB bills them. A hook on the real client, not a mock.
 */
export function countReads(db: Db): { queries: number; itemsRead: number; reset(): void } {
  const counts = {
    queries: 0,
    itemsRead: 0,
    reset() {
      counts.queries = 0
      counts.itemsRead = 0
    },
  }
  db.client.middlewareStack.remove('countReads')
  db.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args)
      if (context.commandName === 'QueryCommand') {
        counts.queries++
        counts.itemsRead += (result.output as { ScannedCount?: number }).ScannedCount ?? 0
      }
      return result
    },
    { step: 'initialize', name: 'countReads' },
  )
  return counts
}
