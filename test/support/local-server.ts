import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp } from '../../functions/api/app.js'
import type { Db } from '../../functions/store/index.js'
import { PERSON } from './test-db.js'

/** The API on a real HTTP server on a free port, as `npm start` runs it. */
export async function startServer(db: Db): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: createApp({ db, person: PERSON }).fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Runs `total` tasks with at most `concurrency` at a time. */
export async function runConcurrently(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++)
    }),
  )
}

/** Every entry of the journal through the owner listing, page by page. */
export async function allEntryIds(url: string, auth: Record<string, string>): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const res = await fetch(`${url}/api/entries?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })
    const body = (await res.json()) as { items: { id: string }[]; cursor?: string }
    ids.push(...body.items.map((e) => e.id))
    cursor = body.cursor
  } while (cursor)
  return ids
}
