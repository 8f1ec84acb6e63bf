import type { Browser } from 'playwright-core'
import { freePort } from './dynamodb-local.js'

/** The categories Lighthouse scores, by their ids in its report. */
export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo'

export interface PageScores {
  url: string
  /** 0–100 per category asked for. */
  scores: Partial<Record<Category, number>>
  /** Every scored audit below full marks, as `category: id (title)`, so a failure says what to fix. */
  failing: string[]
}

/**
 * Lighthouse (npm `lighthouse`) on Debian's Chromium, headless and offline: one browser, started
 * by playwright-core with a debugging port Lighthouse attaches to, pages audited one after the
 * other (Lighthouse cannot audit two tabs of one browser at once). Lighthouse's default is a
 * phone on a throttled connection, simulated, so no network is needed: what `npm run bench`
 * reports as "mobile performance".
 */
export interface Lighthouse {
  audit(url: string, categories: Category[]): Promise<PageScores>
  close(): Promise<void>
}

export async function startLighthouse(): Promise<Lighthouse> {
  const { default: lighthouse } = await import('lighthouse')
  const { chromium } = await import('playwright-core')
  const port = await freePort()
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      `--remote-debugging-port=${port}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
  async function audit(url: string, categories: Category[]): Promise<PageScores> {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
      disableFullPageScreenshot: true,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`)
    const { categories: scored, audits } = result.lhr
    const failing = categories.flatMap((category) =>
      scored[category]!.auditRefs.flatMap(({ id, weight }) => {
        const score = audits[id]?.score
        return weight > 0 && score !== null && score !== undefined && score < 1
          ? [`${category}: ${id} (${audits[id]!.title})`]
          : []
      }),
    )
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((scored[c]!.score ?? 0) * 100)]))
    return { url, scores, failing }
  }
  return { audit, close: () => browser.close() }
}
