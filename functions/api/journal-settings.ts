import type { Context } from 'hono'
import type { JournalSettings } from '../core/profile.js'
import { getJournalSettings } from '../store/index.js'
import type { AppEnv } from './context.js'

/**
 * The journal's time zone and language, read from its profile once per request and only by the
 * routes that need them (day ranges, digests, reports, imports, the projection's own words).
 */
export async function journalSettingsOf(c: Context<AppEnv>): Promise<JournalSettings> {
  const known = c.get('settings')
  if (known) return known
  const { db, person } = c.get('deps')
  const settings = await getJournalSettings(db, person)
  c.set('settings', settings)
  return settings
}
