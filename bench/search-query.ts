import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { serveStaticSite } from '../functions/local/static-site.js'
import { median } from './lambda-bundle.js'

export interface SearchFigures {
  /** Bytes of the Dutch search index (`/pagefind/`, what a Dutch reader's browser fetches from). */
  indexBytes: number
  /** Files in it. */
  indexFiles: number
  /** From typing a word on a freshly loaded search page to the first results shown (median). */
  firstQueryMs: number
  /** A second word on the same page: the index's entry files are loaded by then (median). */
  nextQueryMs: number
}

/** A word on many pages of the bench's journal (bench/synthetic-journal.ts), then a few on one or some. */
const QUERIES = [
  ['zelfsturing', 'Afspraak 4711'],
  ['informatiebeveiliging', 'Organisatie 42'],
  ['overheidsinnovatie', 'Afspraak 9001'],
] as const

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  for (const f of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!f.isFile()) continue
    bytes += statSync(join(f.parentPath, f.name)).size
    files++
  }
  return { bytes, files }
}

/**
 * The search as a reader meets it: the site served over HTTP on loopback, Debian's Chromium loads
 * the search page and a word is typed into Pagefind's box; the time runs until its results show,
 * including the 300 ms Pagefind's interface waits after the last key before it searches. Three
 * page loads, each with a first and a second query.
 */
export async function searchFigures(dist: string): Promise<SearchFigures> {
  const { bytes, files } = sizeOf(join(dist, 'pagefind'))
  const server = serveStaticSite(dist, () => false)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  const first: number[] = []
  const next: number[] = []
  try {
    for (const words of QUERIES) {
      const page = await browser.newPage()
      await page.goto(`http://127.0.0.1:${port}/search/`, { waitUntil: 'load' })
      const box = page.locator('.pagefind-ui__search-input')
      await box.waitFor()
      for (const [k, word] of words.entries()) {
        const started = performance.now()
        await box.fill(word)
        // Pagefind's message names the word searched for once that search's results are in.
        const shown = `document.querySelector('.pagefind-ui__message')?.textContent?.includes(${JSON.stringify(word)})`
        await page.waitForFunction(shown, undefined, { polling: 'raf', timeout: 60_000 })
        await page.locator('.pagefind-ui__result').first().waitFor()
        ;(k === 0 ? first : next).push(performance.now() - started)
      }
      await page.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  return { indexBytes: bytes, indexFiles: files, firstQueryMs: median(first), nextQueryMs: median(next) }
}
