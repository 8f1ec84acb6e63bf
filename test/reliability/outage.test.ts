import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamodb-local.js'
import { createDb, ensureTable } from '../../functions/store/index.js'
import { allEntryIds, runConcurrently, startServer } from '../support/local-server.js'
import { entryInput, ownerToken } from '../support/test-db.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const CREATES = 300
const CONCURRENCY = 20

/** A promise kept the first time a count reaches `n`: the test waits on what happened, not on time. */
function whenCount(n: number): { reached: Promise<void>; count: (value: number) => void } {
  let resolve = () => {}
  const reached = new Promise<void>((r) => {
    resolve = r
  })
  return {
    reached,
    count: (value) => {
      if (value >= n) resolve()
    },
  }
}

describe('DynamoDB going away mid-burst', () => {
  it('answers 503 with Retry-After, acknowledges nothing it did not store, and recovers by itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'oaj-outage-'))
    const port = await freePort()
    let dynamo = await startDynamoDbLocal({ dataDir, port })
    const db = createDb({ endpoint: dynamo.endpoint, table: 'journal' })
    await ensureTable(db)
    const auth = { Authorization: `Bearer ${(await ownerToken(db)).secret}` }
    const server = await startServer(db)
    const seen = new Map<number, number>()
    const acknowledged = new Map<string, string>()
    let outageOver = false
    const stopAfter = whenCount(100) // acknowledged creates, before the database goes away
    const restartAfter = whenCount(CONCURRENCY) // refused creates: every client is retrying

    /** A client that retries its create with the same Idempotency-Key until it is acknowledged. */
    const client = async (i: number) => {
      const key = `outage-${i}`
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${server.url}/api/entries`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify(entryInput({ title: `Afspraak ${i}` })),
        })
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1)
        if (res.status === 201) {
          const id = ((await res.json()) as { id: string }).id
          if (acknowledged.has(key)) expect(acknowledged.get(key)).toBe(id)
          acknowledged.set(key, id)
          stopAfter.count(acknowledged.size)
          return
        }
        restartAfter.count(seen.get(503) ?? 0)
        expect(res.status).toBe(503)
        expect(res.headers.get('retry-after')).toBe('5')
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        await res.arrayBuffer()
        await sleep(outageOver ? 50 : 200) // the real client waits Retry-After seconds; the test is in a hurry
        if (attempt > 400) throw new Error(`create ${i} never recovered`)
      }
    }

    try {
      const burst = runConcurrently(CREATES, CONCURRENCY, client)
      // Waits for a moment of the burst; fails at once if the burst failed or ended before it.
      const during = (moment: Promise<void>, what: string) =>
        Promise.race([
          moment,
          burst.then(() => {
            throw new Error(`the burst ended before ${what}`)
          }),
        ])
      await during(stopAfter.reached, '100 creates were acknowledged')
      await dynamo.stop()
      await during(restartAfter.reached, `${CONCURRENCY} creates were refused`)
      dynamo = await startDynamoDbLocal({ dataDir, port })
      outageOver = true
      await burst
      expect(seen.get(503) ?? 0).toBeGreaterThanOrEqual(CONCURRENCY)
      expect([...seen.keys()].sort()).toEqual([201, 503])
      const stored = await allEntryIds(server.url, auth)
      expect(stored).toHaveLength(CREATES)
      expect(new Set(stored)).toEqual(new Set(acknowledged.values()))
    } finally {
      await server.close()
      await dynamo.stop()
    }
  }, 180_000)
})
