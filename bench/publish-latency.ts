import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freePort } from '../functions/local/dynamodb-local.js'
import { startLocalStack } from '../functions/local/local-stack.js'
import { localSettings } from '../functions/local/settings.js'
import type { PublishResult } from '../functions/local/site-publisher.js'
import { ORGANISATION_PART, type PartTimes } from '../functions/publish/index.js'
import { measureAstroFloor, printRows, scratchDir, type Row } from './site-build.js'

/**
 * DESIGN.md's local publish latency: from the API acknowledging a servant's new entry to the page
 * with it being served, on `npm start`'s own stack (DynamoDB Local in memory, the demo
 * organisation of three servants, the API, the site watcher and publisher, Astro and Pagefind,
 * the static server, the next build waiting on standby) on free loopback ports. Each run, 15 s
 * after the last publish, adds a public entry to one week of the demo servant's journal and waits
 * until both the servant's week page and the organisation's show it; a last one writes as soon as
 * the publish before it ended.
 * Beside the total, where the time went, and Astro's floor: an Astro build of a one-page site,
 * which each of the publish's builds pays at least.
 */
const RUNS = 3
const PERSON = 'demo'
const WEEK = { start: '2015-03-11T10:00', end: '2015-03-11T11:00', path: 'agenda/2015/w11/' }
const TARGET_SECONDS = 10
/**
 * How long after a publish the next write comes: `npm start` starts the next build at once and
 * keeps it waiting, compiled (5–8 s of start-up and compile here), as it is after any pause in a
 * person's writing.
 */
const PAUSE_MS = 15_000
const PROJECT_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url))

interface Published {
  startedAt: number
  endedAt: number
  result: PublishResult
}

interface LatencyRun {
  /** When the API acknowledged the write (epoch ms). */
  ackAt: number
  totalSeconds: number
  /** From the acknowledgement to the publish's start: the watcher's poll and quiet period. */
  detectSeconds: number
  exportSeconds: number
  /** The publish's build: the section and the organisation's pages, in one Astro run. */
  buildSeconds: number
  /** The section's own build, or the one run that built it with the organisation's pages (`withSections`). */
  section?: PartTimes
  root?: PartTimes
  /**
   * From the publish's end until the bench saw both pages (its own polling, 50 ms); negative when
   * the pages were served before the publish ended (the old folders are removed after the swap).
   */
  servedSeconds: number
}

/**
 * `runs` writes after a pause, then one more as soon as the last publish ended, while its standby
 * build is still starting and compiling (the latency of a second write in a burst).
 */
export async function publishLatencyRuns(
  runs = RUNS,
): Promise<{ runs: LatencyRun[]; burst: LatencyRun; floorSeconds: number }> {
  // Inside the project, as `npm start`'s .journal/ and site/dist/ are (Astro builds an output
  // outside it from a working folder of its own, a different path).
  const dataDir = mkdtempSync(join(PROJECT_MODULES, '.bench-latency-'))
  const publishes: Published[] = []
  const env = {
    JOURNAL_DATA_DIR: dataDir,
    JOURNAL_API_PORT: String(await freePort()),
    JOURNAL_SITE_PORT: String(await freePort()),
    JOURNAL_DYNAMODB_PORT: String(await freePort()),
    JOURNAL_PERSON: PERSON,
  }
  const stack = await startLocalStack(localSettings(env), {
    log: () => {},
    persist: false,
    siteOutDir: join(dataDir, 'site'),
    onPublished: (published) => publishes.push(published),
  })
  try {
    await stack.built
    const measuredRuns: LatencyRun[] = []
    for (let k = 0; k <= runs; k++) {
      // Each write comes when the last publish has ended (its old folders removed), not while it ends.
      await until(() => publishes.length === k + 1, 'the previous publish to end')
      if (k < runs) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
      const title = `Latentiemeting ${k + 1} (${Date.now()})`
      const acknowledged = await postEntry(stack.apiUrl, stack.token, title)
      const seen = await Promise.all(
        [`${stack.siteUrl}/${PERSON}/${WEEK.path}`, `${stack.siteUrl}/${WEEK.path}`].map((url) => shown(url, title)),
      )
      await until(() => publishes.length === k + 2, 'the publish that showed the write to end')
      measuredRuns.push(shares(acknowledged, Math.max(...seen), publishes[k + 1]!))
    }
    if (publishes.length !== runs + 2 || publishes.some((p, k) => k > 0 && p.startedAt < measuredRuns[k - 1]!.ackAt))
      throw new Error(`Expected the first build and one publish per write after it, saw ${publishes.length}.`)
    const scratch = scratchDir()
    try {
      const burst = measuredRuns.pop()!
      return { runs: measuredRuns, burst, floorSeconds: await measureAstroFloor(scratch, 1) }
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  } finally {
    await stack.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Adds a public entry to the demo servant's week through the API; answers when it was acknowledged. */
async function postEntry(apiUrl: string, token: string, title: string): Promise<number> {
  const entry = {
    start: WEEK.start,
    end: WEEK.end,
    title,
    kind: 'meeting',
    visibility: 'public',
    counterparts: [{ name: 'Ministerie van VenJ', type: 'ministerie' }],
    themes: ['ambtelijk vakmanschap'],
  }
  const response = await fetch(`${apiUrl}/api/entries`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(entry),
  })
  const body = await response.text()
  if (response.status !== 201) throw new Error(`The API answered ${response.status}: ${body}`)
  return Date.now()
}

/** Waits, looking every 50 ms, until `done` (gives up after 5 minutes). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !done(); ) {
    if (Date.now() - started > 300_000) throw new Error(`Waited 5 minutes for ${what}.`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Asks for the page every 50 ms until it shows `text`; answers when it first did (gives up after 5 minutes). */
async function shown(url: string, text: string): Promise<number> {
  for (const started = Date.now(); Date.now() - started < 300_000; ) {
    const response = await fetch(url).catch(() => undefined)
    const body = (await response?.text()) ?? ''
    if (response?.status === 200 && body.includes(text)) return Date.now()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${url} did not show "${text}" within 5 minutes.`)
}

function shares(acknowledged: number, served: number, { startedAt, endedAt, result }: Published): LatencyRun {
  return {
    ackAt: acknowledged,
    totalSeconds: (served - acknowledged) / 1000,
    detectSeconds: (startedAt - acknowledged) / 1000,
    exportSeconds: result.exportSeconds,
    buildSeconds: result.buildSeconds,
    section: result.parts?.find((p) => p.part === PERSON || p.withSections?.includes(PERSON)),
    root: result.parts?.find((p) => p.part === ORGANISATION_PART),
    servedSeconds: (served - endedAt) / 1000,
  }
}

const s = (seconds: number | undefined) => (seconds === undefined ? '?' : seconds.toFixed(1))

/** "section 7.1 s (Astro 5.9, Pagefind 0.8, online 0.0)" */
function partLine(name: string, part: PartTimes | undefined): string {
  if (!part) return `${name} not built`
  const { buildSeconds, astroSeconds, indexSeconds, onlineSeconds } = part
  const inside = `Astro ${s(astroSeconds)}, Pagefind ${s(indexSeconds)}, online ${s(onlineSeconds)}`
  return `${name} ${s(buildSeconds)} s (${inside})`
}

export function sharesLine(run: LatencyRun): string {
  const parts =
    run.section && run.section === run.root
      ? partLine('section and root in one run', run.root)
      : `${partLine('section', run.section)}; ${partLine('root', run.root)}`
  return (
    `detect ${s(run.detectSeconds)}, export ${s(run.exportSeconds)}, build ${s(run.buildSeconds)} ` +
    `[${parts}], served ${s(run.servedSeconds)}`
  )
}

export async function publishLatencyRows(): Promise<Row[]> {
  const { runs, burst, floorSeconds } = await publishLatencyRuns()
  for (const [k, run] of [...runs, burst].entries())
    console.log(`publish latency run ${k + 1}: ${s(run.totalSeconds)} s = ${sharesLine(run)}`)
  const sorted = [...runs].sort((a, b) => a.totalSeconds - b.totalSeconds)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const totals = runs.map((r) => s(r.totalSeconds)).join(', ')
  return [
    {
      figure: 'local publish latency, demo organisation (write → both week pages served)',
      measured: `${s(median.totalSeconds)} s (median of ${runs.length}: ${totals})`,
      reference: `target ${TARGET_SECONDS} s`,
      ratio: median.totalSeconds / TARGET_SECONDS,
      target: `≤ ${TARGET_SECONDS} s`,
      ok: median.totalSeconds <= TARGET_SECONDS,
    },
    {
      figure: 'publish latency: shares of the median run (s)',
      measured: sharesLine(median),
      reference: `Astro's floor ${s(floorSeconds)} s`,
      ratio: Number.NaN,
      target: 'reported',
      ok: true,
    },
    {
      figure: 'the same, a write as the last publish ends (its standby still compiling)',
      measured: `${s(burst.totalSeconds)} s: ${sharesLine(burst)}`,
      reference: `target ${TARGET_SECONDS} s`,
      ratio: burst.totalSeconds / TARGET_SECONDS,
      target: 'reported',
      ok: true,
    },
    {
      figure: "Astro's floor: a one-page site",
      measured: `${s(floorSeconds)} s`,
      reference: '—',
      ratio: Number.NaN,
      target: 'reported',
      ok: true,
    },
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  printRows(await publishLatencyRows())
}
