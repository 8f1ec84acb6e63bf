import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  buildOrganisationSite,
  buildSite,
  exportOrganisation,
  exportSnapshot,
  organisationFingerprints,
  siteLayout,
  swapInto,
  type OrganisationBuildOptions,
  type SiteLayout,
} from '../publish/index.js'
import type { Db } from '../store/index.js'
import { createSiteWatcher } from './site-watcher.js'
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
  /**
   * How often the store is asked for changes, and how long it must stay quiet before a rebuild.
   * @default 2000 and 3000 ms
   */
  pollMs?: number
  quietMs?: number
  log?: (line: string) => void
  /** @default Astro and Pagefind (`buildSite`) */
  buildSite?: SiteBuildFn
  /** Builds one section of an organisation's site. @default Astro and Pagefind (`buildSite`) */
  buildSection?: OrganisationBuildOptions['build']
}

type OrganisationLayout = Extract<SiteLayout, { kind: 'organisation' }>

/** Builds the site from a snapshot file into a folder (Astro and Pagefind; a test may pass a faster one). */
export type SiteBuildFn = (snapshotFile: string, outDir: string) => Promise<unknown>

/**
 * The public site for `npm start`: built from the store, served on http://localhost:4321, and
 * rebuilt a few seconds after the journal changes (or when an embargo ends, or a new day begins,
 * since "this week" moves); when to rebuild is decided by the site watcher. Serving starts at
 * once; until the first build is done it says so.
 */
export async function startSitePreview(
  options: SitePreviewOptions,
): Promise<{ url: string; stop: () => Promise<void>; built: Promise<void> }> {
  const {
    db,
    person,
    port = 4321,
    dataDir = resolve('.journal'),
    pollMs = 2_000,
    quietMs = 3_000,
    log = console.log,
  } = options
  /** Ctrl-C ends a running build rather than waiting for it. */
  const stopping = new AbortController()
  const { signal } = stopping
  const buildInto = options.buildSite ?? ((snapshotFile, outDir) => buildSite({ snapshotFile, outDir, signal }))
  const outDir = resolve(options.outDir ?? 'site/dist')
  const snapshotFile = join(dataDir, 'public-snapshot.json')

  /** What each section was last built from: rebuilding only what changed keeps a publish quick. */
  let lastBuilt = new Map<string, string>()
  let lastLayout: SiteLayout['kind'] | undefined
  const fingerprintOf = (prints: Map<string, string>) => JSON.stringify([...prints])
  const buildJournal = async (journalPerson: string, prints: Map<string, string>) => {
    const exported = await exportSnapshot(db, journalPerson, snapshotFile)
    // Astro empties its output folder first: build beside the live site and swap the folders, so
    // readers never meet a half-built or missing site.
    const staging = `${outDir}.next`
    rmSync(staging, { recursive: true, force: true })
    await buildInto(snapshotFile, staging)
    swapInto(staging, outDir)
    prints.set(journalPerson, exported.fingerprint)
    return { nextChangeAt: exported.nextChangeAt, entries: exported.snapshot.entries.length }
  }
  /**
   * A section goes stale by itself too, with no change in its journal: when an embargo in it ends
   * (`staleAt`), and each new day ("this week" moves). Those rebuild it as a change would.
   */
  let staleAt = new Map<string, string>()
  let builtOnDay = ''
  const buildOrganisation = async (layout: OrganisationLayout, prints: Map<string, string>) => {
    const started = new Date()
    const exported = await exportOrganisation(db, layout, join(dataDir, 'organisation'), started)
    for (const [person, print] of exported.fingerprints) prints.set(person, print)
    const everything =
      lastLayout !== 'organisation' ||
      lastBuilt.get('@organisation') !== prints.get('@organisation') ||
      builtOnDay !== started.toDateString()
    const expired = (p: string) => Date.parse(staleAt.get(p) ?? '') <= started.getTime()
    const sections = layout.people.filter((p) => everything || lastBuilt.get(p) !== prints.get(p) || expired(p))
    await buildOrganisationSite(exported, { outDir, sections, signal, build: options.buildSection })
    staleAt = exported.nextChangeAts
    builtOnDay = started.toDateString()
    return { nextChangeAt: exported.nextChangeAt, entries: exported.entries }
  }

  const watcher = createSiteWatcher(
    {
      currentFingerprint: async () => fingerprintOf(await organisationFingerprints(db, person)),
      build: async () => {
        const layout = await siteLayout(db, person)
        // Read before the export: a change landing meanwhile makes the next look differ, never the reverse.
        const prints = await organisationFingerprints(db, person)
        const result =
          layout.kind === 'journal'
            ? await buildJournal(layout.person, prints)
            : await buildOrganisation(layout, prints)
        lastBuilt = prints
        lastLayout = layout.kind
        return { fingerprint: fingerprintOf(prints), ...result }
      },
      now: Date.now,
      log,
    },
    { quietMs },
  )

  const server = serveStaticSite(
    outDir,
    () => watcher.running() !== undefined && !existsSync(join(outDir, 'index.html')),
  )
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok))
  const built = watcher.buildNow()
  const poll = setInterval(() => void watcher.check(), pollMs)

  return {
    url: `http://localhost:${port}`,
    built,
    stop: async () => {
      clearInterval(poll)
      stopping.abort()
      await watcher.stop()
      await new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
