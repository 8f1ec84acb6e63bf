import { serve } from '@hono/node-server'
import { mountAdmin } from '../admin/app.js'
import { localSessionSecret } from '../admin/session-secret.js'
import { createApp } from '../api/app.js'
import type { Db } from '../store/index.js'

export interface LocalApiServer {
  url: string
  stop: () => Promise<void>
}

/**
 * The API and the admin UI of `npm start` on one Node HTTP server, on the loopback address only
 * (the admin signs in with the owner token; nobody else on the network may reach it).
 */
export async function startApiServer(options: {
  db: Db
  person: string
  dataDir: string
  port: number
}): Promise<LocalApiServer> {
  const { db, person, dataDir, port } = options
  const app = mountAdmin(createApp({ db, person }), { db, person, sessionSecret: localSessionSecret(dataDir) })
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail))
  const { port: bound } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${bound}`, stop: () => new Promise<void>((ok) => server.close(() => ok())) }
}
