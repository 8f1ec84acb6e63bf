import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import {
  counterpartSuggestions,
  themeSuggestions,
  type Entry,
  ENTRY_KINDS,
  type JournalSettings,
} from '../../core/model/index.js'
import { getJournalSettings, listEntries } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import type { LastChoices } from '../forms.js'
import { cookieOptions } from '../session.js'

export type AdminContext = Context<AdminEnv>

/** The signed-in servant's time zone and language, read from their profile once per request. */
export async function journalSettingsOf(c: AdminContext): Promise<JournalSettings> {
  const known = c.get('settings')
  if (known) return known
  const settings = await getJournalSettings(c.get('deps').db, servantOf(c))
  c.set('settings', settings)
  return settings
}

/** The zone the journal's times are entered in and its days counted in. */
export async function journalZone(c: AdminContext): Promise<string> {
  return (await journalSettingsOf(c)).timeZone
}

/** The latest entries (by start), from which the forms suggest organisations and themes. */
export async function recentEntries(c: AdminContext, limit = 200): Promise<Entry[]> {
  const { db } = c.get('deps')
  const person = servantOf(c)
  return (await listEntries(db, person, { limit })).items
}

export async function suggestionsFor(c: AdminContext) {
  const recent = await recentEntries(c)
  return { recent, suggestions: counterpartSuggestions(recent), themesUsed: themeSuggestions(recent, 12) }
}

const LAST_COOKIE = 'oaj_last'

/** The kind and themes the servant used last on this device ("remembers the last kind and themes"). */
export function lastChoices(c: AdminContext): LastChoices {
  try {
    const raw = JSON.parse(Buffer.from(getCookie(c, LAST_COOKIE) ?? '', 'base64url').toString('utf8')) as LastChoices
    return {
      kind: (ENTRY_KINDS as readonly string[]).includes(raw.kind ?? '') ? raw.kind : undefined,
      themes: Array.isArray(raw.themes) ? raw.themes.filter((t) => typeof t === 'string').slice(0, 12) : undefined,
    }
  } catch {
    return {}
  }
}

export function rememberChoices(c: AdminContext, entry: Pick<Entry, 'kind' | 'themes'>): void {
  const value = Buffer.from(JSON.stringify({ kind: entry.kind, themes: entry.themes })).toString('base64url')
  setCookie(c, LAST_COOKIE, value, cookieOptions(c.req.url, 365 * 86_400))
}

/** The message for `?done=…` after a redirect, if it names one. */
export function flash(c: AdminContext): string | undefined {
  const done = c.req.query('done')
  return done ? (c.get('t').done as Record<string, string>)[done] : undefined
}

/** 303 to an admin page: the browser then GETs it, so a reload never posts twice. */
export const seeOther = (c: AdminContext, location: string) => c.redirect(location, 303)
