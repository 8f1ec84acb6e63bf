import { describe, expect, it } from 'vitest'
import { listEntries } from '../../functions/store/index.js'
import { startServer } from '../support/local-server.js'
import { entryInput, ownerToken, PERSON, testDb } from '../support/test-db.js'

/** A body sent in pieces, so the server learns its size only by reading it (Transfer-Encoding: chunked). */
const inPieces = (text: string) => {
  const bytes = new TextEncoder().encode(text)
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024))
      controller.close()
    },
  })
}

describe('the body limit on a running server', () => {
  it.each([
    ['with its Content-Length', (text: string) => ({ body: text })],
    ['in chunks, without a length', (text: string) => ({ body: inPieces(text), duplex: 'half' })],
  ])('reads an entry sent %s, and refuses one of 1 MB with 413, storing nothing of it', async (_how, send) => {
    const db = await testDb()
    const auth = { Authorization: `Bearer ${(await ownerToken(db)).secret}` }
    const server = await startServer(db)
    const post = (input: Record<string, unknown>) =>
      fetch(`${server.url}/api/entries`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        ...send(JSON.stringify(input)),
      } as RequestInit)
    try {
      const small = await post(entryInput({ title: 'Within the limit' }))
      expect(small.status).toBe(201)
      expect(((await small.json()) as { title: string }).title).toBe('Within the limit')
      const large = await post(entryInput({ title: 'Too large', summary: 'x'.repeat(1024 * 1024) }))
      expect(large.status).toBe(413)
      expect(((await large.json()) as { detail: string }).detail).toBe('The body is larger than 512 KB; send less.')
      const stored = await listEntries(db, PERSON, { limit: 10 })
      expect(stored.items.map((e) => e.title)).toEqual(['Within the limit'])
    } finally {
      await server.close()
    }
  })
})
