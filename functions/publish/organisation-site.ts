import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { agendaPagePaths, type AgendaPageKeys, type ChangedPages } from '../core/publishing/index.js'
import { mapAtMost } from '../shared/index.js'
import { buildSite, moveFilesInto, type SiteBuildSettings, type SiteBuildTimes, type SiteInputs } from './build-site.js'
import { ORGANISATION_PART, type ExportedOrganisation } from './organisation-export.js'
import { standbyRun, type StandbyRun } from './standby-run.js'

export interface OrganisationBuildOptions {
  /** The live site: the organisation's pages at its root, each servant's section in `<person>/`. */
  outDir: string
  /** The servants whose sections are built; the others keep theirs. @default every servant */
  sections?: Iterable<string>
  siteUrl?: string
  /**
   * A folder for each part's Astro cache (`<cacheDir>/<person>`, `<cacheDir>/@organisation`):
   * parts with caches of their own may build side by side. @default the site's one cache
   */
  cacheDir?: string
  /**
   * How many sections of a whole build build at once, given a `cacheDir`. Two at once take ~20 %
   * less time and twice the memory: 146 s and 925 MB against 178 s and 509 MB for 25 servants,
   * over the 1 GB budget in half the bench runs. @default 1
   */
  parallel?: number
  /**
   * Builds one site from one snapshot, with the `sections` beside it in their folders when asked
   * (Astro and Pagefind; a test may pass a faster one).
   */
  build?: BuildPart
  /** Stops the build between and inside its parts (see `buildSite`). */
  signal?: AbortSignal
  /** What the builds write is their owner's only (see `SiteBuildSettings.ownerOnly`). */
  ownerOnly?: boolean
}

/**
 * Builds one part of the site; Astro's and Pagefind's times, if it tells them, go into `PartTimes`.
 * Its inputs may come later than its start (a change's build starts while the change is exported).
 */
type BuildPart = (
  options: Omit<SiteBuildSettings, 'verbose'> & { outDir: string; base: string; inputs: Promise<SiteInputs> },
) => Promise<unknown>

/** A change as exported: the organisation's export, and the agenda pages it touched (`changedAgendaPages`). */
export interface OrganisationChange {
  exported: ExportedOrganisation
  /** Undefined when every page moved (another zone, day or language): the whole site is built. */
  pages?: ChangedPages
}

/** Where one part's time went (the bench's shares of the publish latency). */
export interface PartTimes {
  /** A servant's slug, or ORGANISATION_PART. */
  part: string
  /** The sections built in the same Astro run as the organisation's pages (a change). */
  withSections?: string[]
  /** From the part's start until its pages were built, a wait for its inputs or Pagefind's turn included. */
  buildSeconds: number
  /** Astro's process (with the wait for its inputs) and Pagefind's indexing, when the builder tells them. */
  astroSeconds?: number
  indexSeconds?: number
  /** Swapping or merging the built pages into the live site. */
  onlineSeconds: number
}

/**
 * Builds an organisation's whole site: the sections one after the other (or `parallel` at a time),
 * then the organisation's pages, each build within the 1 GB budget on its own. Each part
 * is built beside the live site and swapped in (Astro empties the folder it builds into), so a
 * reader never meets a half-built section; a section not rebuilt is not touched.
 */
export async function buildOrganisationSite(
  exported: ExportedOrganisation,
  options: OrganisationBuildOptions,
): Promise<{ sections: string[]; parts: PartTimes[] }> {
  const { outDir, siteUrl, signal, build = buildSite } = options
  const parts: PartTimes[] = []
  const people = [...exported.servants.keys()]
  const sections = [...(options.sections ?? people)].filter((person) => exported.servants.has(person))
  const staging = freshStaging(outDir)
  const parallel = options.cacheDir ? (options.parallel ?? 1) : 1
  const besideAnother = parallel > 1
  const section = (person: string) => () =>
    timed(
      parts,
      person,
      () =>
        build({
          inputs: Promise.resolve({ snapshotFile: exported.servants.get(person)!.file }),
          outDir: join(staging, person),
          base: `/${person}`,
          siteUrl,
          signal,
          besideAnother,
          ...cacheOf(options, person),
        }),
      () => swapInto(join(staging, person), join(outDir, person)),
      { signal },
    )
  const own = join(staging, ORGANISATION_PART)
  try {
    // All the organisation's pages take 719 MB for 15,000 entries: they build after the sections, alone.
    await mapAtMost(sections.map(section), parallel, (job) => job())
    await timed(
      parts,
      ORGANISATION_PART,
      () =>
        build({
          inputs: Promise.resolve({ snapshotFile: exported.organisationFile }),
          outDir: own,
          base: '/',
          siteUrl,
          signal,
          ...cacheOf(options, ORGANISATION_PART),
        }),
      () => swapOrganisationPages(own, outDir, new Set(people)),
      { signal },
    )
  } finally {
    removeInBackground(staging)
  }
  return { sections, parts }
}

/**
 * Builds a change: the changed `sections` and the organisation's pages it touched, in one Astro
 * run (one start and one compile instead of one per part). The run starts at once and reads what
 * it builds from `change` when the export is done: Astro's start and compile (about 5 s) overlap
 * the export (about 1 s for 50 servants). The sections go online first, so the organisation's
 * pages never show an entry its section does not. A change that moved every page (`pages`
 * undefined) stops the run and builds the whole site. Given a `standby` run (`standbyChange`),
 * the change uses it, started and compiled before the change came, instead of starting one.
 */
export async function buildOrganisationChange(
  change: Promise<OrganisationChange>,
  options: OrganisationBuildOptions & { sections: string[]; standby?: StandbyChange },
): Promise<{ sections: string[]; parts: PartTimes[] }> {
  const { outDir, signal } = options
  const parts: PartTimes[] = []
  const built = (exported: ExportedOrganisation) => options.sections.filter((person) => exported.servants.has(person))
  const inputs = change.then(({ exported, pages }): SiteInputs => {
    if (!pages) throw new Error('Every page moved: the whole site is built instead.')
    return {
      snapshotFile: exported.organisationFile,
      pages: pages.rebuild,
      sections: built(exported).map((person) => ({
        snapshotFile: exported.servants.get(person)!.file,
        base: `/${person}`,
      })),
    }
  })
  // The builder sees a failed export when it reads its inputs; one that never reads them must not crash the process.
  inputs.catch(() => {})
  const { standby } = options
  const staging = standby?.staging ?? freshStaging(outDir)
  const own = join(staging, ORGANISATION_PART)
  const online = async () => {
    const { exported, pages } = await change
    const sections = built(exported)
    // Every section is there before any goes online (a builder that left one out would else
    // leave its live section renamed away).
    const missing = sections.filter((person) => !existsSync(join(own, person)))
    if (missing.length > 0) throw new Error(`The build made no section for ${missing.join(', ')}.`)
    for (const person of sections) {
      // Out of the organisation's pages first: those are merged file by file next, and the
      // section's old folder goes beside the one swapped in.
      renameSync(join(own, person), join(staging, person))
      swapInto(join(staging, person), join(outDir, person))
    }
    mergePages(own, outDir, pages!.gone)
  }
  let done: OrganisationChange // the change as exported, once both have settled
  try {
    const building = timed(
      parts,
      ORGANISATION_PART,
      () => standby?.run.use(inputs) ?? changeRun(inputs, own, options),
      online,
      { signal, withSections: options.sections },
    )
    // Both settle before anything is decided: a failed export stops the run, which must be gone first.
    const [exportDone, buildDone] = await Promise.allSettled([change, building])
    if (exportDone.status === 'rejected') throw exportDone.reason
    done = exportDone.value
    if (done.pages && buildDone.status === 'rejected') throw buildDone.reason
  } finally {
    removeInBackground(staging)
  }
  signal?.throwIfAborted()
  if (!done.pages) return buildOrganisationSite(done.exported, options)
  return { sections: built(done.exported), parts }
}

/** A change's run started ahead of the change (see `standbyRun`), in a staging folder of its own. */
export interface StandbyChange {
  staging: string
  run: StandbyRun<SiteInputs>
}

/**
 * Starts the run of the next change now: it builds into `<outDir>.standby/@organisation` and
 * waits there, compiled, for `buildOrganisationChange`. It holds the organisation's cache (its
 * lock) while it waits: a whole build cancels it first.
 */
export function standbyChange(options: OrganisationBuildOptions): StandbyChange {
  const staging = standbyStaging(options.outDir)
  return { staging, run: standbyRun((inputs) => changeRun(inputs, join(staging, ORGANISATION_PART), options)) }
}

/** The folder a standby run builds in, empty: beside the live site, apart from `freshStaging`'s. */
export function standbyStaging(outDir: string): string {
  const staging = `${outDir}.standby`
  removeInBackground(staging)
  return staging
}

/** The one run of a change: the organisation's pages at the root, the changed sections beside them. */
const changeRun = (inputs: Promise<SiteInputs>, own: string, options: OrganisationBuildOptions) => {
  const { siteUrl, signal, build = buildSite } = options
  return build({ inputs, outDir: own, base: '/', siteUrl, signal, ...cacheOf(options, ORGANISATION_PART) })
}

/**
 * The folder parts are built in beside the live site, empty. What earlier removals left (a process
 * that ended before its background removal did) goes too.
 */
export function freshStaging(outDir: string): string {
  const staging = `${outDir}.next`
  removeInBackground(staging)
  const [parent, name] = [dirname(outDir), `${basename(outDir)}.`]
  for (const left of existsSync(parent) ? readdirSync(parent) : [])
    if (left.startsWith(name) && left.includes('.removing-')) removeInBackground(join(parent, left))
  mkdirSync(outDir, { recursive: true })
  return staging
}

/** A part's cache folder, and whether what its build writes is its owner's only. */
const cacheOf = ({ cacheDir, ownerOnly }: OrganisationBuildOptions, part: string) => ({
  ...(cacheDir && { cacheDir: join(cacheDir, part) }),
  ...(ownerOnly && { ownerOnly }),
})

/** Builds a part, puts it online and notes where the time went. */
async function timed(
  parts: PartTimes[],
  part: string,
  buildPart: () => ReturnType<BuildPart>,
  online: () => Promise<void> | void,
  { signal, withSections }: { signal?: AbortSignal; withSections?: string[] },
): Promise<void> {
  const started = performance.now()
  const { astroSeconds, indexSeconds } = timesOf(await buildPart())
  const built = performance.now()
  signal?.throwIfAborted()
  await online()
  const buildSeconds = (built - started) / 1000
  const onlineSeconds = (performance.now() - built) / 1000
  parts.push({
    part,
    buildSeconds,
    onlineSeconds,
    astroSeconds,
    indexSeconds,
    ...(withSections && withSections.length > 0 && { withSections }),
  })
}

/** Astro's and Pagefind's times, when the builder answered them (`buildSite` does; a test's fake need not). */
function timesOf(answer: unknown): Partial<SiteBuildTimes> {
  if (typeof answer !== 'object' || answer === null) return {}
  const { astroSeconds, indexSeconds } = answer as Record<string, unknown>
  return {
    ...(typeof astroSeconds === 'number' && { astroSeconds }),
    ...(typeof indexSeconds === 'number' && { indexSeconds }),
  }
}

/** A whole build of the organisation's pages replaces the live ones; what no longer exists goes. */
async function swapOrganisationPages(built: string, outDir: string, sections: Set<string>): Promise<void> {
  const names = new Set(readdirSync(built))
  for (const name of names) swapInto(join(built, name), join(outDir, name))
  // What the organisation's pages or an earlier layout (one journal at the root) left behind.
  for (const name of readdirSync(outDir))
    if (!names.has(name) && !sections.has(name)) rmSync(join(outDir, name), { recursive: true })
}

/**
 * A partial build of the organisation's pages goes into the live ones file by file (each a
 * rename, so a reader gets the old page or the new one); then the pages that are gone are
 * removed, so a page of an organisation no longer met (the entry was made private) is not left.
 */
function mergePages(built: string, outDir: string, gone: AgendaPageKeys): void {
  // The sitemap is always built whole: a part it no longer needs (fewer pages) would still list gone pages.
  const sitemaps = new Set(readdirSync(built).filter((name) => SITEMAP_PART.test(name)))
  for (const name of readdirSync(outDir))
    if (SITEMAP_PART.test(name) && !sitemaps.has(name)) rmSync(join(outDir, name), { force: true })
  moveFilesInto(built, outDir)
  for (const path of agendaPagePaths(gone)) rmSync(join(outDir, path), { recursive: true, force: true })
}

const SITEMAP_PART = /^sitemap-\d+\.xml$/

/**
 * Replaces `live` by `staged` with two renames (a moment, not a build long). The old folder goes
 * beside the staged one, out of the served site: a section's old pages, which may list an entry
 * made private since, are never served (as `/bram.old/`), not even while they are removed.
 */
export function swapInto(staged: string, live: string): void {
  const old = `${staged}.old`
  removeInBackground(old)
  if (existsSync(live)) renameSync(live, old)
  renameSync(staged, live)
  removeInBackground(old)
}

/**
 * Removes a folder without waiting for it: it is renamed away at once (so its name is free again)
 * and removed in the background. Removing a section's 1,500 files took 0.2–0.5 s that a publish
 * need not wait for, and removed at once it held `npm start`'s site and API, which share the
 * process, for 0.5–2 s. The folders removed lie outside the served site.
 */
export function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return
  const doomed = `${folder}.removing-${randomUUID().slice(0, 8)}`
  renameSync(folder, doomed)
  rm(doomed, { recursive: true, force: true }).catch(() => {
    // What cannot be removed now (a file still open) is left; it is outside the served site.
  })
}
