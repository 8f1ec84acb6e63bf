// The floor of an HTTP API on this machine: Hono on @hono/node-server (as bench/api-server.ts serves
// the journal's app) making the same raw DynamoDB calls, with no validation, projection or middleware.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { AddressInfo } from 'node:net'
import { tokenDigest } from '../../functions/core/model/index.js'
import { createDb } from '../../functions/store/index.js'
import { rawCreate, rawWeekListing } from './raw-calls.js'

const db = createDb({ endpoint: process.env.JOURNAL_DYNAMODB_ENDPOINT, table: process.env.JOURNAL_TABLE })
const person = process.env.JOURNAL_PERSON ?? 'bench'
let created = 0
const app = new Hono()
  // The stored entries as they are, unprojected: about the size of the API's answer.
  .get('/api/entries', async (c) =>
    c.json({ items: (await rawWeekListing(db, person)).map((i) => JSON.parse(i.data!.S!)) }),
  )
  .post('/api/entries', async (c) => {
    const digest = tokenDigest(/^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '')
    const { title } = await c.req.json<{ title: string }>()
    return c.json(await rawCreate(db, digest, `B${process.pid}-${created++}`, title), 201)
  })
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
server.once('listening', () => console.log(`READY ${(server.address() as AddressInfo).port}`))
