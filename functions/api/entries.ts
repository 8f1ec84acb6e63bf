import { Hono } from 'hono'
import {
  applyEntryPatch,
  normalizeEntryInput,
  type Entry,
  newEntry,
  revisedEntry,
  withdrawnEntry,
} from '../core/model/index.js'
import { matchesEntryFilter } from '../core/publishing/index.js'
import { publicEntryHistory, toPublicEntry, type PublicEntry } from '../core/privacy/index.js'
import { entryItems } from '../journal/index.js'
import { createEntry, getEntry, listEntries, listEntryRevisions } from '../store/index.js'
import type { AppEnv } from './context.js'
import { idempotentCreate } from './idempotency.js'
import { journalSettingsOf } from './journal-settings.js'
import { bearerToken, etag, jsonBody, publicEtag, requireOwner } from './middleware.js'
import { entryIdParam } from './path-params.js'
import { problem } from './problem.js'
import { organisationEntries } from './organisation-entries.js'
import { parseEntryListQuery } from './query.js'
import { ownerHeaders, publicHeaders } from './views.js'
import { reviseItem, withdrawItem, type VersionedResource } from './versioned-writes.js'

const notFound = (id: string) => problem(404, `There is no entry ${id}.`)
const entryResource: VersionedResource<Entry> = { noun: 'entry', items: entryItems }

/**
 * Agenda entries: public reads (the projection; owners see everything) and owner writes. Mounted
 * at `/api/entries` (the listing is the organisation's; one entry is the default servant's; with
 * a token, the token's servant's) and at `/api/people/{person}/entries` (that servant's).
 */
export const entries = new Hono<AppEnv>()
  .use('/:id', entryIdParam)
  .get('/', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    // Without a token and without a servant in the path, the listing is the whole organisation's.
    if (!owner && c.get('personInPath') === undefined) return organisationEntries(c)
    const person = c.get('person')
    const { timeZone, locale } = await journalSettingsOf(c)
    const q = parseEntryListQuery(c.req.query(), timeZone)
    const at = now()
    const views = new Map<Entry, Entry | PublicEntry | null>()
    const viewOf = (e: Entry) => {
      if (!views.has(e)) views.set(e, owner ? e : toPublicEntry(e, { now: at, locale }))
      return views.get(e) ?? null
    }
    const page = await listEntries(db, person, {
      start: q.start,
      end: q.end,
      order: q.order,
      limit: q.limit,
      cursor: q.cursor,
      accept: (e) => {
        const view = viewOf(e)
        return view !== null && matchesEntryFilter(view, q)
      },
      hidden: (e) => viewOf(e) === null,
    })
    const items = page.items.map((e) => views.get(e)!)
    return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200, owner ? ownerHeaders : publicHeaders)
  })
  .get('/:id', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    const person = c.get('person')
    const id = c.req.param('id')
    const entry = await getEntry(db, person, id)
    const revisions = entry ? await listEntryRevisions(db, person, id) : []
    if (entry && owner)
      return c.json({ ...entry, history: revisions }, 200, { ...ownerHeaders, ETag: etag(entry.version) })
    const { locale } = await journalSettingsOf(c)
    const view = entry && toPublicEntry(entry, { now: now(), locale })
    if (!entry || !view) throw notFound(id)
    const body = { ...view, history: publicEntryHistory(entry, revisions, { now: now(), locale }) }
    return c.json(body, 200, { ...publicHeaders, ETag: publicEtag(body) })
  })
  .post('/', requireOwner, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    const content = normalizeEntryInput(c.get('body'), { ...(await journalSettingsOf(c)), now: now() })
    return idempotentCreate(c, 'POST /api/entries', async (recordFor) => {
      const entry = newEntry(content, person, now())
      const response = { status: 201, headers: { ETag: etag(1), Location: `/api/entries/${entry.id}` }, body: entry }
      await createEntry(db, entry, { by: c.get('token').id, alsoPut: recordFor(response) })
      return response
    })
  })
  .on(['PUT', 'PATCH'], '/:id', requireOwner, jsonBody, async (c) => {
    const journal = await journalSettingsOf(c)
    return reviseItem(c, entryResource, c.req.param('id'), (before, now) =>
      revisedEntry(
        before,
        c.req.method === 'PUT'
          ? normalizeEntryInput(c.get('body'), { ...journal, now })
          : applyEntryPatch(before, c.get('body')),
        now,
      ),
    )
  })
  .delete('/:id', requireOwner, jsonBody, (c) => withdrawItem(c, entryResource, c.req.param('id'), withdrawnEntry))
