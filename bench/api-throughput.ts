import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { newTokenSecret, tokenDigest } from '../functions/core/model/index.js'
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.js'
import { createDb, createEntry, ensureTable, putToken } from '../functions/store/index.js'
import { median } from './lambda-bundle.js'
import { createBody, rawCreate, rawWeekListing, WEEK } from './reference/raw-calls.js'
import { syntheticEntries } from './synthetic-journal.js'

export interface Throughput {
  /** Of the median round. */
  opsPerSecond: number
  /**
   * To the raw SDK's: the median of the rounds' own ratios, each against the raw loop's round just
   * before it (a drift of the machine over the minutes moves both sides of each ratio alike).
   */
  toRaw: number
  p50: number
  p99: number
}

/** One operation measured three ways: the raw SDK calls, the same calls behind bare Hono, the journal's API. */
export interface Compared {
  raw: Throughput
  bare: Throughput
  api: Throughput
}

const PERSON = 'bench'

interface Round {
  opsPerSecond: number
  latencies: number[]
}

async function measure(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Round> {
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
  return { opsPerSecond: total / ((performance.now() - started) / 1000), latencies }
}

/**
 * Raw, bare and API in turn, round after round, so that all three meet the same moments of a busy
 * machine (one long run each let a burst of other work land on one of them: 0.51–0.81× for the
 * same code in three runs); each counts with its median round and its median ratio to the raw
 * round of the same turn, latencies over all rounds.
 */
async function compare(
  run: Record<keyof Compared, (i: number) => Promise<void>>,
  ops: number,
  concurrency: number,
  rounds: number,
): Promise<Compared> {
  const seen: Record<keyof Compared, Round[]> = { raw: [], bare: [], api: [] }
  for (let round = 0; round < rounds; round++)
    for (const of of ['raw', 'bare', 'api'] as const) seen[of].push(await measure(ops, concurrency, run[of]))
  const summary = (of: keyof Compared): Throughput => {
    const latencies = seen[of].flatMap((r) => r.latencies).sort((a, b) => a - b)
    return {
      opsPerSecond: median(seen[of].map((r) => r.opsPerSecond)),
      toRaw: median(seen[of].map((r, i) => r.opsPerSecond / seen.raw[i]!.opsPerSecond)),
      p50: median(latencies),
      p99: latencies[Math.floor(latencies.length * 0.99)]!,
    }
  }
  return { raw: summary('raw'), bare: summary('bare'), api: summary('api') }
}

/**
 * The load generator's HTTP client: node:http with a keep-alive agent, the stack the SDK's own
 * calls in the raw loop go through. It shares the two cores with the servers, so what it costs is
 * taken from them: `fetch` (undici) cost 0.7 ms of CPU per listing against 0.3 ms here, ~10 % of
 * the API's throughput spent in the instrument (docs/decisions.md, issue 16). Every answer is read
 * whole and must have `status`, else the bench stops: a fast error is no throughput.
 */
function requester(sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  return (
    url: string,
    status: number,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) =>
    new Promise<void>((resolve, reject) => {
      const length = init.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(init.body)) }
      const req = http.request(
        url,
        { method: init.method ?? 'GET', headers: { ...init.headers, ...length }, agent },
        (res) =>
          res
            .on('end', () =>
              res.statusCode === status
                ? resolve()
                : reject(new Error(`${url} answered ${res.statusCode}, not ${status}`)),
            )
            .on('error', reject)
            .resume(),
      )
      req.on('error', reject).end(init.body)
    })
}

/** A server script in its own process, as `npm start` runs the API, so the load generator does not share its thread. */
async function startServer(
  script: string,
  env: Record<string, string>,
): Promise<{ url: string; process: ChildProcess }> {
  const server = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<string>((resolve) =>
    server.stdout!.on('data', (c: Buffer) => {
      const m = /READY (\d+)/.exec(String(c))
      if (m) resolve(m[1]!)
    }),
  )
  return { url: `http://127.0.0.1:${port}`, process: server }
}

/**
 * The local API (HTTP, Hono, validation, projection) against a raw SDK loop making the same
 * DynamoDB calls on the same DynamoDB Local (reference/raw-calls.ts), for a public week listing
 * and an entry create; and the same raw calls behind bare Hono, the floor any HTTP API has here.
 * Each is measured in `rounds` rounds of `ops` operations, taking turns (see `compare`).
 */
export async function apiThroughput(ops = 300, rounds = 10, concurrency = 16) {
  const dynamo = await startDynamoDbLocal()
  const servers: ChildProcess[] = []
  try {
    const db = createDb({ endpoint: dynamo.endpoint, table: 'bench' })
    await ensureTable(db)
    const secret = newTokenSecret()
    const digest = tokenDigest(secret)
    await putToken(db, { id: 'bench', person: PERSON, label: 'bench', digest, createdAt: new Date().toISOString() })
    for (const entry of syntheticEntries(400, PERSON)) await createEntry(db, entry, { by: 'bench' })
    const env = { JOURNAL_DYNAMODB_ENDPOINT: dynamo.endpoint, JOURNAL_TABLE: db.table, JOURNAL_PERSON: PERSON }
    const api = await startServer('bench/api-server.ts', env)
    const bare = await startServer('bench/reference/bare-api-server.ts', env)
    servers.push(api.process, bare.process)

    const send = requester(concurrency)
    const list = (url: string) => () => send(`${url}/api/entries?from=${WEEK.from}&to=${WEEK.to}`, 200)
    const create = (url: string) => (i: number) =>
      send(`${url}/api/entries`, 201, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(createBody(i)),
      })
    const listing = {
      raw: async () => void (await rawWeekListing(db, PERSON)),
      bare: list(bare.url),
      api: list(api.url),
    }
    let made = 0
    const creating = {
      raw: async (i: number) => void (await rawCreate(db, digest, `R${made++}`, createBody(i).title)),
      bare: create(bare.url),
      api: create(api.url),
    }
    // Warm-up: JIT in every process, connection pools, DynamoDB Local.
    for (const op of Object.values(listing)) await measure(300, concurrency, op)
    const listed = await compare(listing, ops, concurrency, rounds)
    // Creates after the listing: the API's land in the week it lists.
    for (const op of Object.values(creating)) await measure(100, concurrency, op)
    return { list: listed, create: await compare(creating, ops, concurrency, rounds) }
  } finally {
    for (const server of servers) server.kill()
    await dynamo.stop()
  }
}
