// The local API in its own process, as `npm start` runs it, so the load generator does not share its thread.
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApiApp } from '../functions/api/api-app.js'
import { createDb } from '../functions/store/index.js'

const db = createDb({ endpoint: process.env.JOURNAL_DYNAMODB_ENDPOINT, table: process.env.JOURNAL_TABLE })
const server = serve({
  fetch: createApiApp({ db, person: process.env.JOURNAL_PERSON ?? 'bench' }).fetch,
  port: 0,
  hostname: '127.0.0.1',
})
server.once('listening', () => console.log(`READY ${(server.address() as AddressInfo).port}`))
