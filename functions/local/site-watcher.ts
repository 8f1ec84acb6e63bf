/**
 * When the local site is rebuilt: the decisions of `npm start`'s site watcher, behind small
 * interfaces so that they are tested with a fake clock, a fake store and a builder as slow as a
 * test likes (see test/local/site-watcher.test.ts).
 *
 * The promise: every change the store acknowledged is on the site within two builds after it —
 * the build that was running when it landed (whose export may have come too early), then the next.
 * That is kept by comparing the whole change log with what the last good build exported, not by a
 * "changed since T" cursor: writes take their timestamp before they commit, so a change can land
 * after an export with a timestamp older than the newest one that export saw. A cursor at that
 * newest timestamp skipped it for good (five entries and a post written at once: the post was
 * missing from the site until a restart).
 */

/** What one export read: a fingerprint of the change log (see `changeLogFingerprint` in functions/publish). */
export interface SiteBuildResult {
  fingerprint: string
  /** When the exported snapshot goes stale by itself (an embargo ends, a post comes out). */
  nextChangeAt?: string
  entries: number
}

export interface SiteWatcherDeps {
  /** The fingerprint of the journal's change log now. */
  currentFingerprint(): Promise<string>
  /** Exports the public snapshot and builds the site from it; answers what the export read. */
  build(): Promise<SiteBuildResult>
  now(): number
  log(line: string): void
}

export interface SiteWatcherTiming {
  /** How long a change found by looking waits before the rebuild it causes starts, so that a burst shares one build. */
  quietMs: number
  /**
   * How long after the last write the API reported (`noteChange`) the store is looked at and, if it
   * changed, the rebuild starts: the writes of one burst (a script, an import) arrive within it. @default 300
   */
  settleMs?: number
  /** The longest wait before a failed build is tried again (the wait doubles after each failure). @default 60000 */
  maxRetryMs?: number
}

export interface SiteWatcher {
  /** Starts a build now (the first one, at start-up). */
  buildNow(): Promise<void>
  /** One look at the store: notes a change, and starts a build once it has been quiet long enough. */
  check(): Promise<void>
  /**
   * The API acknowledged a write: the first check `settleMs` after the last such note looks at the
   * store at once and, if it changed, builds without waiting for the quiet period.
   */
  noteChange(): void
  /** The build in progress, if any. */
  running(): Promise<void> | undefined
  /** Starts no more builds; answers when the running one has ended. */
  stop(): Promise<void>
}

export function createSiteWatcher(deps: SiteWatcherDeps, timing: SiteWatcherTiming): SiteWatcher {
  const { quietMs, settleMs = 300, maxRetryMs = 60_000 } = timing
  let exported: SiteBuildResult | undefined
  let builtOnDay = ''
  let pendingSince: number | undefined
  let retryAt = 0
  let failures = 0
  let building: Promise<void> | undefined
  let checking = false
  let stopped = false
  let nextCheckAt = 0
  /** When the API last reported a write that no look has seen yet. */
  let notedAt: number | undefined
  let lookAgain = false

  const day = (ms: number) => new Date(ms).toDateString()

  // A failed build (database down, broken content) keeps the last site online; it is tried again,
  // waiting longer after each failure, so the site catches up without anyone restarting anything.
  const buildNow = (): Promise<void> => {
    const started = deps.now()
    pendingSince = undefined
    building = deps
      .build()
      .then((result) => {
        exported = result
        builtOnDay = day(started)
        failures = 0
        deps.log(`Site rebuilt in ${((deps.now() - started) / 1000).toFixed(1)} s (${result.entries} entries).`)
      })
      .catch((error: Error) => {
        if (stopped) return // a build stopped with the server is not a failure
        failures++
        const retryInMs = Math.min(maxRetryMs, quietMs * 2 ** failures)
        retryAt = deps.now() + retryInMs
        pendingSince = started
        deps.log(
          `Site build failed: ${error.message}. ` +
            `The last site stays online; trying again in ${Math.round(retryInMs / 1000)} s.`,
        )
      })
      .finally(() => {
        building = undefined
      })
    return building
  }

  const stale = async (): Promise<boolean> => {
    const now = deps.now()
    const due =
      (exported?.nextChangeAt !== undefined && now >= Date.parse(exported.nextChangeAt)) || day(now) !== builtOnDay
    if (due || !exported) return true
    // An unreachable store is no reason to rebuild: the build would fail too.
    return (await deps.currentFingerprint().catch(() => exported!.fingerprint)) !== exported.fingerprint
  }

  const check = async (): Promise<void> => {
    if (building || stopped) return
    // A write reported while a look is under way may have landed after it read: look again then.
    if (checking) {
      lookAgain = true
      return
    }
    const noted = notedAt
    const settled = noted !== undefined && deps.now() - noted >= settleMs
    if (!settled && deps.now() < nextCheckAt) return
    checking = true
    try {
      const started = deps.now()
      const changed = await stale()
      if (changed) pendingSince ??= deps.now()
      const now = deps.now()
      // Reading the change log grows with the journal (the demo's 690 items: 150–240 ms on a busy
      // machine): looking takes at most a tenth of the time, however large the journal.
      nextCheckAt = now + 9 * (now - started)
      // A write the API reported needs no quiet period: its burst has settled. Once looked at, the
      // note is spent (a build that began before it may already have exported the write).
      if (settled && notedAt === noted) notedAt = undefined
      const quiet = pendingSince !== undefined && (now - pendingSince >= quietMs || (settled && changed))
      if (!stopped && !building && quiet && now >= retryAt) void buildNow()
    } finally {
      checking = false
      if (lookAgain) {
        lookAgain = false
        void check()
      }
    }
  }

  const stop = async () => {
    stopped = true
    await building
  }

  const noteChange = () => {
    notedAt = deps.now()
  }

  return { buildNow, check, noteChange, running: () => building, stop }
}
