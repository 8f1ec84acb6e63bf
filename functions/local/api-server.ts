import { serve } from '@hono/node-server'
import { mountAdmin } from '../admin/app.js'
import { localSessionSecret } from '../admin/session-secret.js'
import { createApp } from '../api/app.js'
import type { Db } from '../store/index.js'

export interface LocalApiServer {
  url: string
  stop: () => Promise<void>
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The API and the admin UI of `npm start` on one Node HTTP server, on the loopback address only
 * (the admin signs in with the owner token; nobody else on the network may reach it).
 */
export async function startApiServer(options: {
  db: Db
  person: string
  dataDir: string
  port: number
  /** Called after a request that may have written (not GET, HEAD or OPTIONS) succeeded: the site watcher's cue. */
  onWrite?: () => void
}): Promise<LocalApiServer> {
  const { db, person, dataDir, port, onWrite } = options
  const app = mountAdmin(createApp({ db, person }), { db, person, sessionSecret: localSessionSecret(dataDir) })
  const fetch: typeof app.fetch = async (request, env, context) => {
    const response = await app.fetch(request, env, context)
    if (onWrite && !READS.has(request.method) && response.status < 400) onWrite()
    return response
  }
  const server = serve({ fetch, port, hostname: '127.0.0.1' })
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail))
  const { port: bound } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${bound}`, stop: () => new Promise<void>((ok) => server.close(() => ok())) }
}
