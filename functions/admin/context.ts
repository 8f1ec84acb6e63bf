import type { JournalSettings } from '../core/model/index.js'
import type { Db } from '../store/index.js'
import type { Lang, Messages } from './i18n.js'
import type { Session } from './session.js'

/** What the admin app needs: the store, whose journal it is, the key that signs sessions, the clock. */
export interface AdminDeps {
  db: Db
  person: string
  /** Signs session cookies and CSRF tokens (HMAC-SHA256). At least 32 characters; see session-secret.ts. */
  sessionSecret: string
  now?: () => Date
  /** The public site, linked from the admin. */
  siteUrl?: string
  /** How long a sign-in lasts. @default 12 hours */
  sessionHours?: number
}

export type AdminEnv = {
  Variables: {
    deps: Required<Omit<AdminDeps, 'siteUrl'>> & Pick<AdminDeps, 'siteUrl'>
    lang: Lang
    t: Messages
    /** Set on every page behind sign-in. */
    session: Session
    /** The token every form of this page must carry back. */
    csrf: string
    /** The journal's zone and language, once read (see `journalSettingsOf`). */
    settings?: JournalSettings
  }
}
