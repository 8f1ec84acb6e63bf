import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  arrangedTimeline,
  changedAgendaPages,
  type ChangedPages,
  type PublishedTimeline,
} from '../core/publishing/index.js'
import { zonedParts } from '../core/time/index.js'
import {
  buildOrganisationChange,
  buildOrganisationSite,
  buildSite,
  exportOrganisation,
  exportSnapshot,
  organisationFingerprints,
  ORGANISATION_PART,
  siteLayout,
  siteSourcesChangedAt,
  freshStaging,
  standbyChange,
  standbyRun,
  standbyStaging,
  swapInto,
  type ExportedOrganisation,
  type OrganisationBuildOptions,
  type PartTimes,
  type SiteLayout,
  type StandbyChange,
  type StandbyRun,
} from '../publish/index.js'
import type { Db } from '../store/index.js'
import type { SiteBuildResult } from './site-watcher.js'

/**
 * Builds the site from a snapshot file into a folder (Astro and Pagefind; a test may pass a faster
 * one). It is called when the export starts and given the file once written: Astro's start and
 * compile overlap the export.
 */
export type SiteBuildFn = (snapshotFile: Promise<string>, outDir: string) => Promise<unknown>

export interface SitePublisherOptions {
  db: Db
  /** The deployment's own journal (JOURNAL_PERSON). */
  person: string
  /** Where the snapshots are written. */
  dataDir: string
  /** The live site. */
  outDir: string
  /** @default Astro and Pagefind (`buildSite`) */
  buildSite?: SiteBuildFn
  /** Builds a part of an organisation's site (with a change's sections, if asked). @default Astro and Pagefind */
  buildSection?: OrganisationBuildOptions['build']
  /** Ends a running build (Ctrl-C). */
  signal?: AbortSignal
  /**
   * After each publish, start the next one's build at once and keep it waiting, compiled, for the
   * next change (`standbyRun`): `npm start` then shows a change in about half the time. The waiting
   * build holds about 350 MB; `close` ends it. @default false
   */
  standby?: boolean
}

/** What one publish did, besides what the watcher needs: which parts it built, and in how long. */
export interface PublishResult extends SiteBuildResult {
  /** The sections built (an organisation's site), and whether its own pages were built whole. */
  sections?: string[]
  pages?: 'all' | ChangedPages
  /** Seconds spent reading the store and writing the snapshots, and building (Astro and Pagefind). */
  exportSeconds: number
  buildSeconds: number
  /** Of an organisation's site: each part's build and putting it online. */
  parts?: PartTimes[]
}

export interface SitePublisher {
  /** The store's state as the publisher compares it: organisation, servants and each change log. */
  fingerprint(): Promise<string>
  /** Exports what changed since the last publish and rebuilds the parts of the site it touches. */
  publish(now?: Date): Promise<PublishResult>
  /** Ends the build waiting for the next change, if any; resolves once its process is gone. */
  close(): Promise<void>
}

type OrganisationLayout = Extract<SiteLayout, { kind: 'organisation' }>
/**
 * A publish's build started before the publish knew what to build (`standbyRun`): at the end of
 * the last publish (`standby`), or at the start of this one, before the store is read. For a
 * journal's whole site, or an organisation's change.
 */
type Standby = (
  | { kind: 'journal'; staging: string; run: StandbyRun<string> }
  | ({ kind: 'organisation' } & StandbyChange)
) & {
  /** The site's sources as the build compiled them (`siteSourcesChangedAt`, taken before it started). */
  sourcesAt: number
}
/** What one kind of site's publish knows of itself; the time spent exporting is the rest of the whole. */
type Published = Omit<PublishResult, 'exportSeconds'>

/**
 * Publishes the local site from the store, doing no more than a change calls for. One journal is
 * the whole site, exported and built whole. On an organisation's site a change to one servant's
 * journal re-exports that journal only, rebuilds that servant's section, and builds the
 * organisation's agenda pages the change touches (`changedAgendaPages`) in the same run; the other
 * sections and pages stay as they are. A section goes stale by itself too, with no change in its
 * journal: when an embargo in it ends, and each new day ("this week" moves); those rebuild it as
 * a change would.
 */
export function createSitePublisher(options: SitePublisherOptions): SitePublisher {
  const { db, person, dataDir, outDir, signal } = options
  // A cache of its own: a build waiting on standby holds its cache's lock, which `npm run build`
  // beside `npm start` would otherwise wait for. In the journal's folder, its owner's only.
  const buildInto =
    options.buildSite ??
    ((written, into) =>
      buildSite({
        outDir: into,
        signal,
        cacheDir: join(dataDir, 'cache'),
        ownerOnly: true,
        inputs: written.then((snapshotFile) => ({ snapshotFile })),
      }))
  const organisationBuild = {
    outDir,
    cacheDir: join(dataDir, 'organisation', 'cache'),
    ownerOnly: true,
    signal,
    build: options.buildSection,
  }
  const fingerprintOf = (prints: Map<string, string>) => JSON.stringify([...prints])

  /**
   * What each part was last built from, and the organisation's last export (what its live pages
   * show) with its timeline: arranged once compared, so the next publish compares with it as is.
   */
  let lastBuilt = new Map<string, string>()
  let lastLayout: SiteLayout['kind'] | undefined
  let lastExport: { exported: ExportedOrganisation; timeline: PublishedTimeline } | undefined
  let standby: Standby | undefined
  let closed = false

  /**
   * The waiting build, if it is for this `kind` of publish and the site's code and hand-written
   * pages are as it compiled them; else it is ended first (it holds its cache).
   */
  const takeStandby = async <K extends Standby['kind']>(kind?: K) => {
    const taken = standby
    standby = undefined
    const current = taken && taken.kind === kind && siteSourcesChangedAt() <= taken.sourcesAt
    if (current) return taken as Extract<Standby, { kind: K }>
    await taken?.run.cancel()
    return undefined
  }
  /** The organisation's last publish holds, unless the store says otherwise: a publish now builds a change. */
  const changeOfToday = (now: Date) =>
    lastLayout === 'organisation' &&
    lastExport !== undefined &&
    lastExport.timeline.today === localDay(lastExport.exported.snapshot, now)
  /** Starts the build of the next publish of this `kind`, to wait for it; none once closed or stopped. */
  const startStandby = (kind: SiteLayout['kind']) => {
    if (standby || closed || signal?.aborted) return
    const sourcesAt = siteSourcesChangedAt()
    if (kind === 'organisation') standby = { kind, sourcesAt, ...standbyChange(organisationBuild) }
    else {
      const staging = standbyStaging(outDir)
      standby = { kind, sourcesAt, staging, run: standbyRun((written: Promise<string>) => buildInto(written, staging)) }
    }
  }

  const publishJournal = async (journalPerson: string, prints: Map<string, string>, now: Date): Promise<Published> => {
    const snapshotFile = join(dataDir, 'public-snapshot.json')
    const ready = await takeStandby('journal')
    let built = performance.now()
    const exporting = exportSnapshot(db, journalPerson, snapshotFile, now).then((exported) => {
      built = performance.now()
      return exported
    })
    // Astro empties its output folder first: build beside the live site and swap the folders, so
    // readers never meet a half-built or missing site.
    const written = exporting.then(() => snapshotFile)
    written.catch(() => {}) // the build sees a failed export when it reads; one that never reads must not crash
    const staging = ready?.staging ?? freshStaging(outDir)
    const building = ready ? ready.run.use(written) : buildInto(written, staging)
    // Both settle before anything is decided: a failed export stops the build, which must be gone first.
    const [exportDone, buildDone] = await Promise.allSettled([exporting, building])
    if (exportDone.status === 'rejected') throw exportDone.reason
    if (buildDone.status === 'rejected') throw buildDone.reason
    const exported = exportDone.value
    swapInto(staging, outDir)
    prints.set(journalPerson, exported.fingerprint)
    lastExport = undefined
    return {
      entries: exported.snapshot.entries.length,
      fingerprint: fingerprintOf(prints),
      buildSeconds: (performance.now() - built) / 1000,
      ...(exported.nextChangeAt && { nextChangeAt: exported.nextChangeAt }),
    }
  }

  const publishOrganisation = async (
    layout: OrganisationLayout,
    prints: Map<string, string>,
    now: Date,
  ): Promise<Published> => {
    const last = lastLayout === 'organisation' ? lastExport : undefined
    const previous = last?.exported
    const whole = !changeOfToday(now) || lastBuilt.get(ORGANISATION_PART) !== prints.get(ORGANISATION_PART)
    const expired = (p: string) => Date.parse(previous?.servants.get(p)?.nextChangeAt ?? '') <= now.getTime()
    const current = (p: string) => !whole && lastBuilt.get(p) === prints.get(p) && !expired(p)
    const sections = layout.people.filter((p) => !current(p) || !previous?.servants.has(p))
    const keep = previous && { previous, people: new Set(layout.people.filter(current)) }
    // The live pages show the last export only while every build since succeeded: after a failure
    // (one part may have been swapped in, another not) the next publish builds the whole site.
    lastExport = undefined
    let exportedAt = performance.now()
    // Before the export: ending a build that is not needed takes a moment, and an export failing
    // meanwhile would have no one listening (it would end `npm start`).
    const ready = await takeStandby(whole ? undefined : 'organisation')
    const exporting = exportOrganisation(db, layout, join(dataDir, 'organisation'), now, keep).then((exported) => {
      const after = whole ? timeline(exported) : arrangedTimeline(timeline(exported))
      const changed = whole ? 'everything' : changedAgendaPages(last!.timeline, after)
      exportedAt = performance.now()
      return { exported, after, ...(changed !== 'everything' && { pages: changed }) }
    })
    // A change's build starts before its export is done (see `buildOrganisationChange`), or had started before it.
    const { parts } = whole
      ? await buildOrganisationSite((await exporting).exported, { ...organisationBuild, sections })
      : await buildOrganisationChange(exporting, { ...organisationBuild, sections, ...(ready && { standby: ready }) })
    const { exported, after, pages } = await exporting
    for (const [p, { fingerprint }] of exported.servants) prints.set(p, fingerprint)
    lastExport = { exported, timeline: after }
    return {
      fingerprint: fingerprintOf(prints),
      entries: exported.entries,
      sections,
      pages: pages ?? 'all',
      parts,
      buildSeconds: (performance.now() - exportedAt) / 1000,
      ...(exported.nextChangeAt && { nextChangeAt: exported.nextChangeAt }),
    }
  }

  return {
    fingerprint: async () => fingerprintOf(await organisationFingerprints(db, person)),
    publish: async (now = new Date()) => {
      const started = performance.now()
      // The build starts before the store is read (the layout, and the change logs: 0.3–0.6 s for 50
      // servants), for the publish a change most often makes: the last one's kind, a change if that
      // was an organisation's today. A publish that turns out otherwise ends it (`takeStandby`).
      const likely = lastLayout === 'journal' || changeOfToday(now) ? lastLayout : undefined
      if (likely) startStandby(likely)
      const layout = await siteLayout(db, person)
      // Read before the export: a change landing meanwhile makes the next look differ, never the reverse.
      const prints = await organisationFingerprints(db, person)
      const result =
        layout.kind === 'journal'
          ? await publishJournal(layout.person, prints, now)
          : await publishOrganisation(layout, prints, now)
      lastBuilt = prints
      lastLayout = layout.kind
      if (options.standby) startStandby(layout.kind)
      const seconds = (performance.now() - started) / 1000
      return { ...result, exportSeconds: seconds - result.buildSeconds }
    },
    close: async () => {
      closed = true
      const waiting = standby
      await takeStandby()
      // Nothing of it is left beside the site once `npm start` ends (a removal in the background might not end first).
      if (waiting) await rm(waiting.staging, { recursive: true, force: true })
    },
  }
}

/** The organisation's timeline as its pages show it: in its zone and language, on the day of its snapshot. */
function timeline({ snapshot }: ExportedOrganisation): PublishedTimeline {
  const { entries, timezone, locale, servants } = snapshot
  return { entries, timezone, locale, servants, today: localDay(snapshot, snapshot.generatedAt) }
}

const localDay = ({ timezone }: { timezone: string }, at: string | Date) => zonedParts(new Date(at), timezone).date
