import type { JournalSettings, Token } from '../core/model/index.js'
import type { Db } from '../store/index.js'

/** What every handler needs: the store, the deployment's default servant, and the clock. */
export interface AppDeps {
  db: Db
  /**
   * The deployment's default servant: whose journal `/api/entries/{id}` and the other unnamed
   * public routes show. A single-servant deployment has only this one.
   */
  person: string
  now?: () => Date
}

export type AppEnv = {
  Variables: {
    deps: Required<AppDeps>
    /**
     * Whose journal this request acts on. Every handler reads it here (`c.get('person')`), never
     * from `deps`: the servant named in the path (`/api/people/{person}/…`), else the servant of
     * the owner's token (set by `requireOwner` and `bearerToken`), else the default servant.
     */
    person: string
    /** The servant the path names, set by `servantInPath`: a token of anyone else is refused there. */
    personInPath?: string
    /** Set by the auth middleware on owner routes. */
    token: Token
    /** The parsed JSON body, set by the jsonBody middleware. */
    body: unknown
    /** The journal's zone and language, once read (see `journalSettingsOf`). */
    settings?: JournalSettings
  }
}
