import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FEED_PATHS, parseAnySnapshot, timelineFiles, type AgendaPageKeys } from '../core/publishing/index.js'
import { sectionOrThrow } from './organisation-export.js'
import { indexSearch } from './search-index.js'

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SITE_ROOT = join(PROJECT_ROOT, 'site')

/** What a build makes its pages from: written before Astro reads them, which may be after it started. */
export interface SiteInputs {
  /** The public snapshot to build from. */
  snapshotFile: string
  /**
   * Only these of the agenda's pages (weeks, months, years, themes, organisations), with every
   * other kind of page: the pages a change touched (see `changedAgendaPages`). @default all
   */
  pages?: AgendaPageKeys
  /**
   * Servants' sections built in the same Astro run as the site at the root, each under its base
   * (`/wouter`): one start and one compile instead of one per part (see site/src/lib/site-part.ts).
   * Each section's folder comes out as it does built alone: its styles, files and search index in it.
   */
  sections?: { snapshotFile: string; base: string }[]
}

export interface SiteBuildSettings {
  /** Where the site goes. @default site/dist */
  outDir?: string
  /**
   * The address the site is served at, for canonical URLs, feeds and calendars.
   * @default JOURNAL_SITE_URL or http://localhost:4321
   */
  siteUrl?: string
  /** Astro's build cache. @default node_modules/.astro under site/ */
  cacheDir?: string
  /**
   * The path the site is served under: `/wouter` for one servant's section of an organisation's
   * site, its pages then in `outDir` as if at the root. @default the root
   */
  base?: string
  /** Another build runs at the same time (parts of an organisation's site): the build then uses one GC thread. */
  besideAnother?: boolean
  /** Stops the build (Astro's process is ended): `npm start` does not wait for a build on Ctrl-C. */
  signal?: AbortSignal
  /** Print Astro's output (else it is kept and shown only when the build fails). */
  verbose?: boolean
  /**
   * What Astro writes (its cache, the pages) is its owner's only (umask 077): `npm start` keeps
   * its builds' caches in the journal's folder, where every file is. @default false
   */
  ownerOnly?: boolean
}

/**
 * A build's settings and its inputs, or the promise of them: Astro then starts at once, and
 * starting and compiling the site (about 5 s) overlap the export that writes them. Should the
 * promise fail, the build is stopped and fails with its error.
 */
export type SiteBuildOptions = SiteBuildSettings & (SiteInputs | { inputs: Promise<SiteInputs> })

/** Where a site build's time went: Astro's process, then Pagefind's two indexes. */
export interface SiteBuildTimes {
  astroSeconds: number
  indexSeconds: number
}

/**
 * Builds the static site from a public snapshot with Astro, in a child process so that a build
 * never shares memory or module state with its caller, then its search index with Pagefind.
 * Builds sharing a cache folder run one at a time (see `oneBuildAtATime`); builds with a cache
 * of their own may run side by side.
 */
export async function buildSite(options: SiteBuildOptions): Promise<{ outDir: string } & SiteBuildTimes> {
  // Read once the build holds its lock: a failed export meanwhile must not go unhandled (it would end `npm start`).
  if ('inputs' in options) options.inputs.catch(() => {})
  return oneBuildAtATime(options.signal, resolve(options.cacheDir ?? join(SITE_ROOT, 'node_modules', '.astro')), () =>
    runAstroBuild(options),
  )
}

async function runAstroBuild(options: SiteBuildOptions): Promise<{ outDir: string } & SiteBuildTimes> {
  stopIfAborted(options.signal)
  const outDir = resolve(options.outDir ?? join(SITE_ROOT, 'dist'))
  const base = options.base ?? '/'
  const pagesFile = `${outDir}.pages.json`
  const partsFile = `${outDir}.parts.json`
  // Beside the output, which Astro empties when it starts: the calendars and CSV wait here for it to end.
  const timelineStaging = `${outDir}.timeline`
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js')
  const heapMb = process.env.JOURNAL_SITE_BUILD_HEAP_MB ?? 768
  const siteUrl = options.siteUrl ?? process.env.JOURNAL_SITE_URL ?? 'http://localhost:4321'
  // Vite's own variables (vitest sets BASE_URL=/ in its process) would override the site's base.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...inherited } = process.env
  const env = {
    ...inherited,
    // The site reads its parts (snapshots and pages) from this file once the builder says, on its
    // standard input, that it is written (see site/src/lib/site-part.ts).
    JOURNAL_SITE_PARTS: partsFile,
    JOURNAL_SITE_INPUTS_LATER: '1',
    JOURNAL_SITE_OUT_DIR: outDir,
    JOURNAL_SITE_URL: siteUrl,
    JOURNAL_SITE_BASE: base,
    ...(options.cacheDir ? { JOURNAL_SITE_CACHE_DIR: resolve(options.cacheDir) } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Left alone, V8 grows the heap to what the machine offers (2 GB for 10,000 entries here) while
    // the build's live data is far smaller; a ceiling keeps the build within the 1 GB budget.
    // Rendering a page makes much short-lived garbage: a larger young generation collects it in
    // fewer pauses (measured: 19.6 s instead of 20.8 s for 10,000 entries, same peak memory).
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb} --max-semi-space-size=32`.trim(),
  }
  // Astro renders pages with server code it writes into the output directory when that lies in
  // its working directory, and otherwise into `<cwd>/.astro/` (which it then copies over whole).
  // That code must resolve the project's packages: an output outside the project is built from a
  // private working directory inside it.
  // Inputs given at once are checked before Astro starts.
  if (!('inputs' in options)) checkInputs(options, base)
  const inProject = outDir.startsWith(PROJECT_ROOT)
  if (!inProject) mkdirSync(join(SITE_ROOT, 'node_modules'), { recursive: true })
  const cwd = inProject ? PROJECT_ROOT : mkdtempSync(join(SITE_ROOT, 'node_modules', '.build-'))
  try {
    // Astro logs a line per page (20,000 for a 10,000-entry journal); unless asked for, only
    // errors are printed, and those still are with --silent.
    // Beside another build, one GC thread: V8's parallel collector helpers then fight two builds for two
    // cores (measured: a 300-entry section and 5 of the organisation's pages of 15,000 entries, at once,
    // 15.0 → 10.7 s). Alone, a large build collects faster with them (10,000 entries: 46.8 s without).
    const gc = options.besideAnother ? ['--single-threaded-gc'] : []
    const args = [...gc, astro, 'build', '--root', SITE_ROOT, ...(options.verbose ? [] : ['--silent'])]
    const started = performance.now()
    const output = options.verbose ? 'inherit' : 'pipe'
    const [command, commandArgs] = options.ownerOnly
      ? ['sh', ['-c', 'umask 077 && exec "$0" "$@"', process.execPath, ...args]]
      : [process.execPath, args]
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['pipe', output, output] })
    let said = ''
    const keep = (chunk: Buffer) => {
      said = (said + chunk.toString()).slice(-20_000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    // A build that ended early no longer reads: writing to it must not throw in this process.
    child.stdin?.on('error', () => {})
    const stop = () => child.kill('SIGTERM')
    options.signal?.addEventListener('abort', stop, { once: true })
    const exited = new Promise<number | null>((done, fail) => child.once('error', fail).once('exit', done))
    let inputs: SiteInputs
    try {
      try {
        inputs = await Promise.race([
          'inputs' in options ? options.inputs : options,
          exited.then((code) => {
            throw new Error(`The site build ended (exit ${code}) before its inputs were written.\n${said}`)
          }),
        ])
        writeInputs(inputs, base, partsFile, pagesFile)
      } catch (error) {
        stop()
        await exited.catch(() => {})
        stopIfAborted(options.signal)
        throw error
      }
      await new Promise<void>((told) => (child.stdin ? child.stdin.end('written\n', told) : told()))
      // Made here while Astro renders the pages: on the other core, and out of Astro's heap.
      const settings = { inputs, base, site: siteUrl, signal: options.signal, ownerOnly: options.ownerOnly }
      await writeTimelineFiles(timelineStaging, settings).catch(async (error) => {
        stop()
        await exited.catch(() => {})
        throw error
      })
      const code = await exited
      stopIfAborted(options.signal)
      if (code !== 0) throw new Error(`The site build failed (exit ${code}).\n${said}`)
    } finally {
      options.signal?.removeEventListener('abort', stop)
    }
    const astroSeconds = (performance.now() - started) / 1000
    moveFilesInto(timelineStaging, outDir)
    const sections = inputs.sections ?? []
    // The site's one 404 page answers for every section (locally and on CloudFront), and a section
    // built beside the organisation's pages gets none: built alone, it keeps none either.
    if (base !== '/') rmSync(join(outDir, '404.html'), { force: true })
    for (const section of sections) giveSectionItsFiles(outDir, join(outDir, section.base))
    let indexSeconds = 0
    for (const part of partsOf(inputs, base)) {
      const site = join(outDir, part.folder)
      const { pages, seconds } = await indexSearch(site, part.snapshotFile)
      indexSeconds += seconds
      if (options.verbose) console.log(`Indexed ${pages} pages of ${site} for search`)
    }
    return { outDir, astroSeconds, indexSeconds }
  } finally {
    if (!inProject) rmSync(cwd, { recursive: true, force: true })
    rmSync(pagesFile, { force: true })
    rmSync(partsFile, { force: true })
    rmSync(timelineStaging, { recursive: true, force: true })
  }
}

/**
 * What a build compiles or reads besides its inputs: the site's code, files and configuration, the
 * hand-written pages (its one content collection) and core's code, which the site imports.
 */
const SITE_SOURCES = [
  join(SITE_ROOT, 'src'),
  join(SITE_ROOT, 'public'),
  join(SITE_ROOT, 'astro.config.mjs'),
  join(PROJECT_ROOT, 'content', 'pages'),
  join(PROJECT_ROOT, 'functions', 'core'),
]

/**
 * When the newest of the site's sources (`SITE_SOURCES`) changed or appeared, in epoch ms. A build
 * started earlier (one waiting on standby, compiled) builds them as they were; about 300 files,
 * a few milliseconds to look at.
 */
export function siteSourcesChangedAt(): number {
  let newest = 0
  for (const source of SITE_SOURCES) {
    const at = statSync(source, { throwIfNoEntry: false })
    if (!at) continue
    newest = Math.max(newest, at.mtimeMs, at.ctimeMs)
    if (!at.isDirectory()) continue
    for (const file of readdirSync(source, { recursive: true, withFileTypes: true })) {
      const inside = statSync(join(file.parentPath, file.name), { throwIfNoEntry: false })
      if (inside) newest = Math.max(newest, inside.mtimeMs, inside.ctimeMs)
    }
  }
  return newest
}

/**
 * The parts file the site reads (see site/src/lib/site-part.ts): the site at the build's base, with
 * its pages file when only some pages are asked for, and the sections built beside it.
 */
function writeInputs(inputs: SiteInputs, base: string, partsFile: string, pagesFile: string): void {
  checkInputs(inputs, base)
  mkdirSync(dirname(partsFile), { recursive: true })
  if (inputs.pages) writeFileSync(pagesFile, JSON.stringify(inputs.pages))
  const parts = partsOf(inputs, base).map(({ base, snapshotFile, pages }) => ({
    base,
    snapshotFile,
    ...(pages && { pagesFile }),
  }))
  writeFileSync(partsFile, JSON.stringify(parts))
}

/** One part of a build (see site/src/lib/site-part.ts), and its folder in the output ('' at the build's base). */
interface BuildPart {
  folder: string
  base: string
  snapshotFile: string
  /** The agenda pages a change touched, when only those are built. */
  pages?: AgendaPageKeys
}

/** The site at the build's base, then the sections built beside it. */
function partsOf({ snapshotFile, pages, sections = [] }: SiteInputs, base: string): BuildPart[] {
  return [
    { folder: '', base: base.replace(/\/+$/, ''), snapshotFile: resolve(snapshotFile), ...(pages && { pages }) },
    ...sections.map((s) => ({ folder: s.base, base: s.base, snapshotFile: resolve(s.snapshotFile) })),
  ]
}

function checkInputs({ sections = [] }: SiteInputs, base: string): void {
  if (sections.length === 0) return
  if (base !== '/') throw new Error('Sections are built beside the site at the root only.')
  // A section's path must not be one of the root's own pages (`/privacy`): Astro would keep one
  // of the two pages with a warning only.
  for (const section of sections) sectionOrThrow(section.base.replace(/^\//, ''))
}

/**
 * Each part's calendars and CSV (`timelineFiles`), and its snapshot as `/data/journal.json` (the
 * open data behind every page, the bytes as read), written into `staging` in the part's folder
 * (`''` for the site at the build's base) as each is made. Astro does not make them: an
 * organisation's list its 15,000 entries and a change rewrites them, so they are made in this
 * process while Astro renders the pages on the other core (a change in an organisation of 50: 0.4 s
 * less, issue 14), and none is held in memory meanwhile. A turn of the event loop after each file
 * (`npm start` serves its API from this process), and a stopped build stops here too.
 */
async function writeTimelineFiles(
  staging: string,
  { inputs, base, site, signal, ownerOnly = false }: TimelineSettings,
): Promise<void> {
  // What a build that was stopped left.
  rmSync(staging, { recursive: true, force: true })
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(path), { recursive: true, mode: ownerOnly ? 0o700 : 0o755 })
    writeFileSync(path, text, { mode: ownerOnly ? 0o600 : 0o644 })
  }
  for (const part of partsOf(inputs, base)) {
    const folder = join(staging, part.folder)
    const snapshot = readSnapshotFile(part.snapshotFile)
    write(join(folder, FEED_PATHS.snapshot), snapshot)
    const themes = part.pages && new Set(part.pages.themes)
    const theme = themes && ((slug: string) => themes.has(slug))
    const options = { site, base: part.base, ...(theme && { theme }) }
    for (const file of timelineFiles(parseAnySnapshot(snapshot.toString('utf8')), options)) {
      write(join(folder, file.path), file.text)
      await new Promise((next) => setImmediate(next))
      stopIfAborted(signal)
    }
  }
}

interface TimelineSettings {
  inputs: SiteInputs
  base: string
  site: string
  signal: AbortSignal | undefined
  ownerOnly: boolean | undefined
}

function readSnapshotFile(path: string): Buffer {
  try {
    return readFileSync(path)
  } catch (error) {
    throw new Error(`The site build cannot read its public snapshot ${path}: ${(error as Error).message}`)
  }
}

/** Moves every file under `from` to the same place under `to`, making the folders it needs there. */
export function moveFilesInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const source = join(entry.parentPath, entry.name)
    const target = join(to, relative(from, source))
    mkdirSync(dirname(target), { recursive: true })
    renameSync(source, target)
  }
}

/**
 * What a section built alone has in its folder besides its pages: the styles (its pages link them
 * there, see site/src/middleware.ts) and the site's public files (the search script among them).
 */
function giveSectionItsFiles(outDir: string, section: string): void {
  cpSync(join(outDir, '_astro'), join(section, '_astro'), { recursive: true })
  cpSync(join(SITE_ROOT, 'public'), section, { recursive: true })
}

/**
 * Astro keeps a build's content store (the hand-written pages' collection) in its cache folder, so two builds
 * sharing one (tests, `npm run build` beside `npm start`) could read each other's. What it writes
 * into `site/.astro/` is the same for every build (modules, written atomically, and the editor's
 * types). A lock directory per cache folder, holding the builder's pid, serialises builds that
 * share it; a lock whose process is gone is taken over.
 */
async function oneBuildAtATime<T>(
  signal: AbortSignal | undefined,
  cacheDir: string,
  work: () => Promise<T>,
): Promise<T> {
  const lock = join(
    tmpdir(),
    `open-agenda-journal-build-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 12)}.lock`,
  )
  for (const started = Date.now(); ; ) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      break
    } catch {
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true })
      else if (Date.now() - started > 15 * 60_000)
        throw new Error(`Another site build (lock ${lock}) has run for 15 minutes; stop it or remove the lock.`)
      await new Promise((r) => setTimeout(r, 200))
      stopIfAborted(signal)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('The site build was stopped.')
}

function holderAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0)
    return true
  } catch (error) {
    // No pid file yet: the holder is between mkdir and write; give it a moment.
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 5_000
      : (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
