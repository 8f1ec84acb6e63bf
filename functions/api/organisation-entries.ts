import type { Context } from 'hono'
import type { Entry, JournalSettings } from '../core/model/index.js'
import { toPublicEntry, type PublicEntry } from '../core/privacy/index.js'
import { matchesEntryFilter } from '../core/publishing/index.js'
import { getJournalSettings, listEntriesOfPeople, listServants, type Db } from '../store/index.js'
import type { AppEnv } from './context.js'
import { parseEntryListQuery } from './query.js'
import { publicHeaders } from './views.js'

/** A public entry in the organisation's listing, naming whose journal it is from. */
export type OrganisationEntry = PublicEntry & { person: string; personName?: string }

/** Whose journals the organisation's listing holds: every servant, active or left, and the default one. */
async function journalsOf(db: Db, defaultPerson: string): Promise<Map<string, { name?: string }>> {
  const journals = new Map<string, { name?: string }>([[defaultPerson, {}]])
  for (const servant of await listServants(db)) journals.set(servant.person, { name: servant.name })
  return journals
}

/**
 * `GET /api/entries` without a token: the public entries of every servant, merged by start, each
 * naming its servant. Day bounds (`from`, `to`) are read in the default servant's time zone; each
 * entry is projected in its own journal's language. Costs, per page: one Query for the servants,
 * one GetItem per servant (their settings), and at least one Query per servant's timeline. The
 * default servant's settings are read beside the servant list, which is not needed to name them:
 * a deployment of one journal waits for two round trips before its week, not three (issue 16).
 */
export async function organisationEntries(c: Context<AppEnv>) {
  const { db, person: defaultPerson, now } = c.get('deps')
  const [journals, defaultSettings] = await Promise.all([
    journalsOf(db, defaultPerson),
    getJournalSettings(db, defaultPerson),
  ])
  const people = [...journals.keys()]
  const servants = people.filter((p) => p !== defaultPerson)
  const settings = new Map<string, JournalSettings>([
    [defaultPerson, defaultSettings],
    ...(await Promise.all(servants.map(async (p) => [p, await getJournalSettings(db, p)] as const))),
  ])
  const q = parseEntryListQuery(c.req.query(), settings.get(defaultPerson)!.timeZone)
  const at = now()
  const views = new Map<Entry, PublicEntry | null>()
  const viewOf = (e: Entry) => {
    if (!views.has(e)) views.set(e, toPublicEntry(e, { now: at, locale: settings.get(e.person)!.locale }))
    return views.get(e) ?? null
  }
  const page = await listEntriesOfPeople(db, people, {
    ...q,
    accept: (e) => {
      const view = viewOf(e)
      return view !== null && matchesEntryFilter(view, q)
    },
    hidden: (e) => viewOf(e) === null,
  })
  const items = page.items.map((e): OrganisationEntry => {
    const name = journals.get(e.person)?.name
    return { person: e.person, ...(name !== undefined && { personName: name }), ...views.get(e)! }
  })
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200, publicHeaders)
}
