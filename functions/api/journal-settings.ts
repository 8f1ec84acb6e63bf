import type { Context } from 'hono'
import type { JournalSettings } from '../core/model/index.js'
import { getJournalSettings, type Db } from '../store/index.js'

/**
 * What a request of the API or the admin carries that the settings are read with and kept in:
 * `person`, whose journal the request acts on (set for every request by `baseApp`, then by the
 * token or the path; the admin reads its session's servant with its own `journalSettingsOf`).
 */
type SettingsEnv = {
  Variables: { deps: { db: Db; person?: string }; person?: string; settings?: JournalSettings }
}

/**
 * The journal's time zone and language, read from its profile once per request and only by the
 * routes that need them (day ranges, digests, reports, imports, the projection's own words).
 * Read it after the request's person is settled (after `bearerToken` on public reads).
 */
export async function journalSettingsOf<E extends SettingsEnv>(c: Context<E>): Promise<JournalSettings> {
  const known = c.get('settings')
  if (known) return known
  const { db, person: deploymentPerson } = c.get('deps')
  const person = c.get('person') ?? deploymentPerson
  if (person === undefined) throw new Error('journalSettingsOf: the request names no journal (set `person`).')
  const settings = await getJournalSettings(db, person)
  c.set('settings', settings)
  return settings
}
