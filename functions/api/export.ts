import { Hono } from 'hono'
import { listChangedSince } from '../store/index.js'
import type { AppEnv } from './context.js'
import { requireOwner } from './middleware.js'
import { ownerHeaders } from './views.js'

/** The owner's complete journal as JSON (private items included): for backups and moving house. */
export const exportRoute = new Hono<AppEnv>().get('/', requireOwner, async (c) => {
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const items = await listChangedSince(db, person)
  const of = (type: string) => items.filter((i) => i.type === type).map((i) => i.data)
  return c.json(
    {
      format: 'open-agenda-journal/export',
      version: 1,
      person,
      exportedAt: now().toISOString(),
      profile: of('profile')[0] ?? null,
      entries: of('entry'),
      posts: of('post'),
      digests: of('digest'),
      revisions: of('revision'),
    },
    200,
    ownerHeaders,
  )
})
