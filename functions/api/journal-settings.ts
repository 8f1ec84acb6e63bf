import type { Context } from 'hono'
import type { JournalSettings } from '../core/model/index.js'
import { getJournalSettings, type Db } from '../store/index.js'

/** What a request of the API or the admin carries that the settings are read with and kept in. */
type SettingsEnv = { Variables: { deps: { db: Db; person: string }; settings?: JournalSettings } }

/**
 * The journal's time zone and language, read from its profile once per request and only by the
 * routes that need them (day ranges, digests, reports, imports, the projection's own words).
 */
export async function journalSettingsOf<E extends SettingsEnv>(c: Context<E>): Promise<JournalSettings> {
  const known = c.get('settings')
  if (known) return known
  const { db, person } = c.get('deps')
  const settings = await getJournalSettings(db, person)
  c.set('settings', settings)
  return settings
}
