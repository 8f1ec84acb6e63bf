import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/app.js'
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/local/dynamodb-local.js'
import { createDb, ensureTable } from '../../functions/store/index.js'
import { entryInput, ownerToken, PERSON } from '../support/test-db.js'

/** Far above the ~5 s the client's timeouts give; only there to tell a hang from an answer. */
const HANG = 15_000

/**
 * A database that stops answering (a frozen process: connections are accepted, nothing comes
 * back) is the case plain "connection refused" tests miss. This file freezes a DynamoDB Local of
 * its own with SIGSTOP, so the one the other test files share is never touched.
 */
describe('when DynamoDB stops answering', () => {
  let dynamo: RunningDynamoDb
  let frozen = false
  const freeze = () => {
    process.kill(dynamo.pid, 'SIGSTOP')
    frozen = true
  }
  const thaw = () => {
    process.kill(dynamo.pid, 'SIGCONT')
    frozen = false
  }

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal()
  })
  afterAll(async () => {
    if (frozen) thaw()
    await dynamo?.stop()
  })

  async function timed(request: () => Response | Promise<Response>) {
    const started = performance.now()
    const res = await Promise.race([
      Promise.resolve(request()),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${HANG} ms`)), HANG)),
    ])
    return { res, ms: performance.now() - started }
  }

  it.each([
    ['a public read', 'GET', '/api/entries?from=2015-03-01&to=2015-03-31', undefined],
    ['an owner write', 'POST', '/api/entries', entryInput({ title: 'Tijdens de storing' })],
  ])(
    'answers %s with 503 and Retry-After instead of hanging, and works again once it answers',
    async (_, method, path, body) => {
      const db = createDb({ endpoint: dynamo.endpoint, table: `frozen-${method}` })
      await ensureTable(db)
      const app = createApp({ db, person: PERSON })
      const headers = { Authorization: `Bearer ${(await ownerToken(db)).secret}`, 'Content-Type': 'application/json' }
      const send = () => app.request(path, { method, headers, body: body && JSON.stringify(body) })

      freeze()
      const { res, ms } = await timed(send).finally(thaw)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      console.info(`${method} ${path}: 503 after ${Math.round(ms)} ms with the database frozen`)

      expect((await timed(send)).res.status).toBe(method === 'GET' ? 200 : 201)
    },
    2 * HANG + 10_000,
  )
})
