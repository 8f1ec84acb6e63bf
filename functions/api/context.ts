import type { JournalSettings, Token } from '../core/model/index.js'
import type { Db } from '../store/index.js'

/** What every handler needs: the store, whose journal this deployment serves, and the clock. */
export interface AppDeps {
  db: Db
  /** The person whose journal the public routes show. */
  person: string
  now?: () => Date
}

export type AppEnv = {
  Variables: {
    deps: Required<AppDeps>
    /** Set by the auth middleware on owner routes. */
    token: Token
    /** The parsed JSON body, set by the jsonBody middleware. */
    body: unknown
    /** The journal's zone and language, once read (see `journalSettingsOf`). */
    settings?: JournalSettings
  }
}
