import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSY_NOW } from '../support/journal-fixtures.js'
import { journalWithReport, pageKinds } from './page-kinds.js'
import { buildTestSite, launchChromium, serveSite, type BuiltSite } from './site-build.js'

// Runs in the browser (page.evaluate); the project compiles without DOM types.
// biome-ignore lint/suspicious/noExplicitAny: a browser global inside page.evaluate
declare const document: any

/**
 * On the narrowest phone a site is expected to serve (320 CSS pixels), no page scrolls sideways:
 * wide things (tables, charts, the heat map, long names) wrap or fit inside the page.
 */
const NARROW = 320
let site: BuiltSite
let browser: Browser
let server: Awaited<ReturnType<typeof serveSite>>

beforeAll(async () => {
  site = await buildTestSite('overflow', journalWithReport(), BUSY_NOW)
  ;[browser, server] = await Promise.all([launchChromium(), serveSite(site.dist)])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  site?.cleanup()
})

describe(`pages at ${NARROW} px`, () => {
  it('notices a page that is wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: NARROW, height: 640 } })
    const viewport = '<meta name="viewport" content="width=device-width">'
    await page.setContent(`<!doctype html>${viewport}<body style="margin:0"><p style="width:451px">x`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(451)
    await page.close()
  })

  it('lets no page kind scroll sideways, in Dutch or English', async () => {
    const page = await browser.newPage({ viewport: { width: NARROW, height: 640 } })
    const tooWide: Record<string, number> = {}
    const kinds = pageKinds(site.dist)
    for (const [name, path] of kinds) {
      await page.goto(server.url + path)
      const width: number = await page.evaluate(() => document.documentElement.scrollWidth)
      if (width > NARROW) tooWide[`${name} ${path}`] = width
    }
    await page.close()
    expect(tooWide).toEqual({})
    expect(kinds.length).toBeGreaterThan(50)
  }, 300_000)
})
