import { describe, expect, it } from 'vitest'
import { addDays } from '../../functions/core/time/index.js'
import { allEntryIds, runConcurrently, startServer } from '../support/local-server.js'
import { entryInput, ownerToken, testDb } from '../support/test-db.js'

/** Kept small for CI; `npm run bench` runs a bigger burst. */
const REQUESTS = 1_000
const CONCURRENCY = 50

describe('a burst of mixed traffic', () => {
  it('gives no 5xx and stores every acknowledged create exactly once', async () => {
    const db = await testDb()
    const auth = { Authorization: `Bearer ${(await ownerToken(db)).secret}` }
    const server = await startServer(db)
    const statuses = new Map<number, number>()
    const acknowledged: string[] = []
    try {
      await runConcurrently(REQUESTS, CONCURRENCY, async (i) => {
        let res: Response
        if (i % 5 === 0) {
          const day = addDays('2015-01-05', i % 70)
          res = await fetch(`${server.url}/api/entries`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': `load-${i}` },
            body: JSON.stringify(entryInput({ start: `${day}T10:00`, end: `${day}T11:00`, title: `Afspraak ${i}` })),
          })
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id)
          else await res.arrayBuffer()
        } else {
          const week = addDays('2015-01-05', (i % 10) * 7)
          res = await fetch(`${server.url}/api/entries?from=${week}&to=${addDays(week, 6)}&order=asc`)
          await res.arrayBuffer()
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      })
      expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([])
      expect(acknowledged).toHaveLength(REQUESTS / 5)
      const stored = await allEntryIds(server.url, auth)
      expect(stored.sort()).toEqual([...acknowledged].sort())
    } finally {
      await server.close()
    }
  }, 120_000)
})
