import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { buildPublicSnapshot, serializeSnapshot, type JournalItems } from '../../functions/core/publishing/index.js'
import { buildSite } from '../../functions/publish/index.js'

/** The site URL test builds use, so tests can tell absolute links from relative ones. */
export const TEST_SITE_URL = 'https://agenda.example.nl'

export interface BuiltSite {
  root: string
  dist: string
  snapshotFile: string
  cleanup: () => void
}

/** Builds the site from a journal into a fresh temporary directory, as `npm run build` would. */
export async function buildTestSite(name: string, items: JournalItems, now: Date): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), `oaj-site-${name}-`))
  const snapshotFile = join(root, 'public-snapshot.json')
  writeFileSync(snapshotFile, serializeSnapshot(buildPublicSnapshot(items, { now })))
  return buildFromSnapshot(root, snapshotFile)
}

export async function buildFromSnapshot(root: string, snapshotFile: string, outName = 'dist'): Promise<BuiltSite> {
  const dist = join(root, outName)
  await buildSite({ snapshotFile, outDir: dist, cacheDir: join(root, `cache-${outName}`), siteUrl: TEST_SITE_URL })
  return { root, dist, snapshotFile, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, name.name)
      if (name.isDirectory()) walk(path)
      else out.push(relative(dir, path))
    }
  }
  walk(dir)
  return out.sort()
}

/** A file's text; gzip files (Pagefind's index) are unpacked first so their words can be searched. */
export function readContent(path: string): string {
  const bytes = readFileSync(path)
  const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  return unpacked.toString('utf8')
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.ics': 'text/calendar',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
}

/** Serves a built site over HTTP on a free local port, as the static host would. */
export async function serveSite(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let path = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) path = join(path, 'index.html')
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': TYPES['.html'] })
      res.end(readFileSync(join(dist, '404.html')))
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
    res.end(readFileSync(path))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) }
}

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

// axeViolations runs in the browser (page.evaluate); the project compiles without DOM types.
// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate, typed loosely on purpose
declare const document: any, window: any

/** axe-core's WCAG 2.1 A and AA rules, run in the page: one line per violation, its rule and where. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  const result = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    return axe.run(document, { runOnly: { type: 'tag', values: tags } })
  }, WCAG_21_AA)
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
