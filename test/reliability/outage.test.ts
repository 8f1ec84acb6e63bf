import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamodb-local.js'
import { createDb, ensureTable } from '../../functions/store/index.js'
import { allEntryIds, runConcurrently, startServer } from '../support/local-server.js'
import { entryInput, ownerToken } from '../support/test-db.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

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
          return
        }
        expect(res.status).toBe(503)
        expect(res.headers.get('retry-after')).toBe('5')
        expect(res.headers.get('content-type')).toContain('application/problem+json')
        await res.arrayBuffer()
        await sleep(outageOver ? 50 : 200) // the real client waits Retry-After seconds; the test is in a hurry
        if (attempt > 400) throw new Error(`create ${i} never recovered`)
      }
    }

    try {
      const burst = runConcurrently(300, 20, client)
      await sleep(1_500)
      await dynamo.stop()
      await sleep(2_000)
      dynamo = await startDynamoDbLocal({ dataDir, port })
      outageOver = true
      await burst
      expect(seen.get(503) ?? 0).toBeGreaterThan(0)
      expect([...seen.keys()].sort()).toEqual([201, 503])
      const stored = await allEntryIds(server.url, auth)
      expect(stored).toHaveLength(300)
      expect(new Set(stored)).toEqual(new Set(acknowledged.values()))
    } finally {
      await server.close()
      await dynamo.stop()
    }
  }, 180_000)
})
