import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LOCALES } from '../core/model/index.js'
import { buildDemoSite } from './demo-site.js'
import { demoPageKinds, pagePath } from './page-kinds.js'
import { serveStaticSite } from './static-site.js'

/** A desktop and a phone: the widths the site's pages are designed and checked at. */
const WIDTHS = [1280, 390] as const

const USAGE = `npm run screenshots -- [--out DIR] [--site DIR]

Builds the demo site (the demo journal in a DynamoDB Local of its own, as on 1 January 2016) and
writes a full-page PNG of every page kind, Dutch and English, 1280 and 390 px wide, into DIR
(default screenshots/), named <kind>.<lang>.<width>.png. With --site, an already built site is
photographed instead. Chromium: CHROMIUM_PATH, else /usr/bin/chromium.`

/** `npm run screenshots`: see USAGE. */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'screenshots' }, site: { type: 'string' }, help: { type: 'boolean' } },
  })
  if (values.help) return console.log(USAGE)
  const out = resolve(values.out)
  const work = values.site ? undefined : mkdtempSync(join(tmpdir(), 'oaj-screenshots-'))
  const dist = values.site ? resolve(values.site) : join(work!, 'site')
  try {
    if (work) {
      console.log('Building the demo site…')
      await buildDemoSite({ outDir: dist })
    }
    mkdirSync(out, { recursive: true })
    const written = await photograph(dist, out)
    console.log(`Wrote ${written} screenshots to ${out}`)
  } finally {
    if (work) rmSync(work, { recursive: true, force: true })
  }
}

async function photograph(dist: string, out: string): Promise<number> {
  const pages = demoPageKinds(dist)
  const server = serveStaticSite(dist, () => false)
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  let written = 0
  try {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } })
      for (const locale of LOCALES)
        for (const kind of pages) {
          await page.goto(base + pagePath(kind, locale), { waitUntil: 'load' })
          await page.screenshot({ path: join(out, `${kind.kind}.${locale}.${width}.png`), fullPage: true })
          written++
        }
      await page.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  return written
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
