import { GetItemCommand, QueryCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb'
import { spawn } from 'node:child_process'
import { newTokenSecret, tokenDigest } from '../functions/core/model/index.js'
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.js'
import { createDb, createEntry, ensureTable, putToken, S } from '../functions/store/index.js'
import { median } from './lambda-bundle.js'
import { syntheticEntries } from './synthetic-journal.js'

export interface Throughput {
  opsPerSecond: number
  p50: number
  p99: number
}

const PERSON = 'bench'

async function measure(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Throughput> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++
        const t = performance.now()
        await op(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { opsPerSecond: total / seconds, p50: median(latencies), p99: latencies[Math.floor(latencies.length * 0.99)]! }
}

/**
 * The local API (HTTP, Hono, validation, projection) against a raw SDK loop making the same
 * DynamoDB calls on the same DynamoDB Local, for a public week listing and an entry create.
 */
export async function apiThroughput(ops = 1_500, concurrency = 16) {
  const dynamo = await startDynamoDbLocal()
  try {
    const db = createDb({ endpoint: dynamo.endpoint, table: 'bench' })
    await ensureTable(db)
    const secret = newTokenSecret()
    await putToken(db, {
      id: 'bench',
      person: PERSON,
      label: 'bench',
      digest: tokenDigest(secret),
      createdAt: new Date().toISOString(),
    })
    for (const entry of syntheticEntries(400, PERSON)) await createEntry(db, entry, { by: 'bench' })
    const server = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
      env: {
        ...process.env,
        JOURNAL_DYNAMODB_ENDPOINT: dynamo.endpoint,
        JOURNAL_TABLE: db.table,
        JOURNAL_PERSON: PERSON,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const port = await new Promise<string>((resolve) =>
      server.stdout.on('data', (c: Buffer) => {
        const m = /READY (\d+)/.exec(String(c))
        if (m) resolve(m[1]!)
      }),
    )
    const url = `http://127.0.0.1:${port}`

    const week = {
      from: '2010-03-01',
      to: '2010-03-07',
      start: '2010-02-28T23:00:00.000Z',
      end: '2010-03-07T23:00:00.000Z',
    }
    const apiList = async () => {
      await (await fetch(`${url}/api/entries?from=${week.from}&to=${week.to}`)).arrayBuffer()
    }
    const rawList = async () => {
      await db.client.send(
        new QueryCommand({
          TableName: db.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :t AND gsi1sk BETWEEN :l AND :u',
          ScanIndexForward: false,
          Limit: 50,
          ExpressionAttributeValues: { ':t': S(`PERSON#${PERSON}#ENTRIES`), ':l': S(week.start), ':u': S(week.end) },
        }),
      )
    }
    const body = (i: number) =>
      JSON.stringify({
        start: '2010-03-02T10:00',
        end: '2010-03-02T11:00',
        title: `Bench ${i}`,
        kind: 'meeting',
        visibility: 'public',
        themes: ['open data'],
      })
    const apiCreate = async (i: number) => {
      await (
        await fetch(`${url}/api/entries`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
          body: body(i),
        })
      ).arrayBuffer()
    }
    const rawCreate = async (i: number) => {
      await db.client.send(
        new GetItemCommand({
          TableName: db.table,
          Key: { pk: S(`TOKEN#${tokenDigest(secret)}`), sk: S('TOKEN') },
          ConsistentRead: false,
        }),
      )
      const data = S(body(i))
      await db.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.table,
                Item: {
                  pk: S(`ENTRY#raw#${i}`),
                  sk: S('ENTRY'),
                  gsi1pk: S('PERSON#raw#ENTRIES'),
                  gsi1sk: S(`2010-03-02T09:00:00.000Z#${i}`),
                  type: S('entry'),
                  data,
                  version: { N: '1' },
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: db.table,
                Item: { pk: S(`ENTRY#raw#${i}`), sk: S('REV#00000001'), type: S('revision'), data },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      )
    }
    await measure(200, concurrency, apiList) // warm-up: JIT, connection pools, DynamoDB Local
    await measure(200, concurrency, rawList)
    const best = (a: Throughput, b: Throughput) => (a.opsPerSecond >= b.opsPerSecond ? a : b)
    const list = { raw: await measure(ops, concurrency, rawList), api: await measure(ops, concurrency, apiList) }
    list.raw = best(list.raw, await measure(ops, concurrency, rawList))
    list.api = best(list.api, await measure(ops, concurrency, apiList))
    const create = {
      raw: await measure(ops, concurrency, (i) => rawCreate(i)),
      api: await measure(ops, concurrency, apiCreate),
    }
    create.raw = best(create.raw, await measure(ops, concurrency, (i) => rawCreate(ops + i)))
    create.api = best(create.api, await measure(ops, concurrency, apiCreate))
    server.kill()
    return { list, create }
  } finally {
    await dynamo.stop()
  }
}
