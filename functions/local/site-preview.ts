import { existsSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { listChangedSince, type Db } from '../store/index.js'
import { buildSite } from './build-site.js'
import { exportSnapshot } from './export-snapshot.js'
import { serveStaticSite } from './static-site.js'

export interface SitePreviewOptions {
  db: Db
  person: string
  /** @default 4321 */
  port?: number
  /** Where the snapshot is written. @default .journal */
  dataDir?: string
  /** The built site. @default site/dist */
  outDir?: string
  /** How often the store is asked for changes, and how long it must stay quiet before a rebuild. @default 2000 and 3000 ms */
  pollMs?: number
  quietMs?: number
  log?: (line: string) => void
}

/**
 * The public site for `npm start`: built from the store, served on http://localhost:4321, and
 * rebuilt a few seconds after the journal changes (or when an embargo ends, or a new day begins,
 * since "this week" moves). Serving starts at once; until the first build is done it says so.
 */
export async function startSitePreview(options: SitePreviewOptions): Promise<{ url: string; stop: () => Promise<void>; built: Promise<void> }> {
  const { db, person, port = 4321, dataDir = resolve('.journal'), pollMs = 2_000, quietMs = 3_000, log = console.log } = options
  const outDir = resolve(options.outDir ?? 'site/dist')
  const snapshotFile = join(dataDir, 'public-snapshot.json')
  let lastChange: string | undefined
  let nextChangeAt: string | undefined
  let builtOn = ''
  let building: Promise<void> | undefined
  let pendingSince: number | undefined
  let stopped = false

  const rebuild = async () => {
    const started = Date.now()
    const exported = await exportSnapshot(db, person, snapshotFile)
    ;({ lastChange, nextChangeAt } = exported)
    builtOn = new Date().toDateString()
    // Astro empties its output folder first: build beside the live site and swap the folders, so
    // readers never meet a half-built or missing site.
    const staging = `${outDir}.next`
    rmSync(staging, { recursive: true, force: true })
    await buildSite({ snapshotFile, outDir: staging })
    swapInto(staging, outDir)
    log(`Site rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s (${exported.snapshot.entries.length} entries).`)
  }
  // A failed build (database down, broken content) keeps the last site online and is tried again,
  // waiting longer after each failure, so the site catches up without anyone restarting anything.
  let failures = 0
  const runBuild = () => {
    building = rebuild()
      .then(() => { failures = 0 })
      .catch((error: Error) => {
        failures++
        const retryInMs = Math.min(300_000, quietMs * 2 ** failures)
        log(`Site build failed: ${error.message}. The last site stays online; trying again in ${Math.round(retryInMs / 1000)} s.`)
        pendingSince = Date.now() + retryInMs - quietMs
      })
      .finally(() => { building = undefined })
    return building
  }

  const server = serveStaticSite(outDir, () => building !== undefined && !existsSync(join(outDir, 'index.html')))
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok))
  const built = runBuild()

  const poll = setInterval(() => {
    if (stopped || building) return
    void (async () => {
      const changed = (await listChangedSince(db, person, lastChange ? `${lastChange}#\uffff` : '0').catch(() => [])).length > 0
      const due = (nextChangeAt !== undefined && Date.now() >= Date.parse(nextChangeAt)) || new Date().toDateString() !== builtOn
      if (changed || due) pendingSince ??= Date.now()
      if (pendingSince !== undefined && Date.now() - pendingSince >= quietMs && !building) {
        pendingSince = undefined
        await runBuild()
      }
    })()
  }, pollMs)

  return {
    url: `http://localhost:${port}`,
    built,
    stop: async () => {
      stopped = true
      clearInterval(poll)
      await building
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}

/** Replaces `live` by `staged` with two renames (a moment, not a build long). */
function swapInto(staged: string, live: string): void {
  const old = `${live}.old`
  rmSync(old, { recursive: true, force: true })
  if (existsSync(live)) renameSync(live, old)
  renameSync(staged, live)
  rmSync(old, { recursive: true, force: true })
}
