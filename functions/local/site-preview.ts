import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { OrganisationBuildOptions } from '../publish/index.js'
import type { Db } from '../store/index.js'
import { createSitePublisher, type PublishResult, type SiteBuildFn } from './site-publisher.js'
import { createSiteWatcher } from './site-watcher.js'
import { serveStaticSite } from './static-site.js'

export interface SitePreviewOptions {
  db: Db
  person: string
  /** 0 takes a free one. @default 4321 */
  port?: number
  /** Where the snapshot is written. @default .journal */
  dataDir?: string
  /** The built site. @default site/dist */
  outDir?: string
  /**
   * How often the store is asked for changes, and how long it must stay quiet before a rebuild.
   * @default 2000 and 3000 ms
   */
  pollMs?: number
  quietMs?: number
  /** How long after the last write the API reported (`changed`) the rebuild starts. @default 300 ms */
  settleMs?: number
  log?: (line: string) => void
  /** @default Astro and Pagefind (`buildSite`) */
  buildSite?: SiteBuildFn
  /** Builds a part of an organisation's site (with a change's sections, if asked). @default Astro and Pagefind */
  buildSection?: OrganisationBuildOptions['build']
  /** Keep the next publish's build started and waiting (see `SitePublisherOptions.standby`). @default false */
  standby?: boolean
  /** Told when a publish ends, with when it started (epoch ms): the bench's shares of the latency. */
  onPublished?: (published: { startedAt: number; endedAt: number; result: PublishResult }) => void
}

export type { SiteBuildFn } from './site-publisher.js'

export interface SitePreview {
  url: string
  /** The first build. */
  built: Promise<void>
  /**
   * The API acknowledged a write to the journal: the site is rebuilt once writes settle, without
   * waiting for the next look at the store (which still finds changes made any other way).
   */
  changed: () => void
  stop: () => Promise<void>
}

/**
 * The public site for `npm start`: built from the store, served on http://localhost:4321, and
 * rebuilt a few seconds after the journal changes (or when an embargo ends, or a new day begins,
 * since "this week" moves); when to rebuild is decided by the site watcher. Serving starts at
 * once; until the first build is done it says so.
 */
export async function startSitePreview(options: SitePreviewOptions): Promise<SitePreview> {
  const {
    db,
    person,
    port = 4321,
    dataDir = resolve('.journal'),
    pollMs = 2_000,
    quietMs = 3_000,
    settleMs = 300,
    log = console.log,
  } = options
  /** Ctrl-C ends a running build rather than waiting for it. */
  const stopping = new AbortController()
  const outDir = resolve(options.outDir ?? 'site/dist')
  const publisher = createSitePublisher({
    db,
    person,
    dataDir,
    outDir,
    signal: stopping.signal,
    standby: options.standby ?? false,
    ...(options.buildSite && { buildSite: options.buildSite }),
    ...(options.buildSection && { buildSection: options.buildSection }),
  })
  const publish = async () => {
    const startedAt = Date.now()
    const result = await publisher.publish()
    options.onPublished?.({ startedAt, endedAt: Date.now(), result })
    return result
  }
  const watcher = createSiteWatcher(
    { currentFingerprint: publisher.fingerprint, build: publish, now: Date.now, log },
    { quietMs, settleMs },
  )

  const server = serveStaticSite(
    outDir,
    () => watcher.running() !== undefined && !existsSync(join(outDir, 'index.html')),
  )
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok))
  const { port: bound } = server.address() as { port: number }
  const built = watcher.buildNow()
  const poll = setInterval(() => void watcher.check(), pollMs)
  let settling: NodeJS.Timeout | undefined
  // A write during a build is looked at as soon as that build ends, not at the next poll.
  const checkWhenSettled = () => void (watcher.running()?.then(checkWhenSettled) ?? watcher.check())

  return {
    url: `http://localhost:${bound}`,
    built,
    changed: () => {
      watcher.noteChange()
      clearTimeout(settling)
      settling = setTimeout(checkWhenSettled, settleMs)
    },
    stop: async () => {
      clearInterval(poll)
      clearTimeout(settling)
      stopping.abort()
      await watcher.stop()
      await publisher.close()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
