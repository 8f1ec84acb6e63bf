import { describe, expect, it } from 'vitest'
import { createApp } from '../../functions/api/app.js'
import { freePort } from '../../functions/local/dynamodb-local.js'
import { createDb } from '../../functions/store/index.js'

describe('when DynamoDB cannot be reached', () => {
  it('answers with 503, Retry-After and a problem saying nothing changed', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`
    const app = createApp({ db: createDb({ endpoint: closed, table: 'journal' }), person: 'p' })
    const res = await app.request('/api/entries')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(((await res.json()) as { detail: string }).detail).toContain('nothing was changed')
  })
})
