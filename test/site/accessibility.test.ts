import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSY_NOW } from '../support/journal-fixtures.js'
import { journalWithReport, pageKinds } from './page-kinds.js'
import { axeViolations, buildTestSite, launchChromium, serveSite, type BuiltSite } from './site-build.js'

// Parts of this file run in the browser (page.evaluate); the project compiles without DOM types.
// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate, typed loosely on purpose
declare const document: any, window: any, DOMParser: any

/**
 * One page of every kind, in both languages, passes axe-core's WCAG 2.1 A and AA
 * rules in a real browser (Debian's Chromium), the search page with results on screen.
 */
let site: BuiltSite
let browser: Browser
let server: Awaited<ReturnType<typeof serveSite>>
let templates: [string, string][]

beforeAll(async () => {
  site = await buildTestSite('a11y', journalWithReport(), BUSY_NOW)
  ;[browser, server] = await Promise.all([launchChromium(), serveSite(site.dist)])
  templates = pageKinds(site.dist)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  site?.cleanup()
})

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('notices a violation when there is one', async () => {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><title>x</title><main><img src="x.png"><a href="/"></a></main></html>')
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining(['image-alt', 'html-has-lang', 'link-name']),
    )
    await page.close()
  })

  it('checks every page kind in Dutch and English', async () => {
    const page = await browser.newPage()
    const found: Record<string, string[]> = {}
    for (const [name, path] of templates) {
      await page.goto(server.url + path)
      const violations = await axeViolations(page)
      if (violations.length) found[`${name} ${path}`] = violations
    }
    await page.close()
    expect(found).toEqual({})
    expect(templates.length).toBeGreaterThan(50)
  }, 300_000)

  it.each([
    ['/search/', 'zelfsturing', 'Adviesgesprek zelfsturing'],
    ['/en/search/', 'zelfsturing', 'Adviesgesprek zelfsturing'],
  ])('finds entries on %s and stays accessible with results shown', async (path, query, expected) => {
    const page = await browser.newPage()
    await page.goto(server.url + path)
    await page.locator('.pagefind-ui__search-input').fill(query)
    await page.locator('.pagefind-ui__result-title').first().waitFor({ timeout: 15_000 })
    expect(await page.locator('.pagefind-ui__result-title').allTextContents()).toContain(expected)
    const link = await page.locator('.pagefind-ui__result-link').first().getAttribute('href')
    expect(link).toMatch(
      path.startsWith('/en/') ? /^\/en\/(agenda\/entry|posts|digest)\// : /^\/(agenda\/entry|posts|digest)\//,
    )
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })
})

describe('search in the reader’s language', () => {
  it.each([
    ['/search/', 'wanneer', ['jaar', 'organisatie', 'soort', 'thema'], 'Wanneer'],
    ['/en/search/', 'when', ['kind', 'organisation', 'theme', 'year'], 'When'],
  ])(
    'names the filters on %s in its language and keeps labels apart from values',
    async (path, query, filters, label) => {
      const page = await browser.newPage()
      await page.goto(server.url + path)
      await page.locator('.pagefind-ui__search-input').fill(query)
      await page.locator('.pagefind-ui__result-excerpt').first().waitFor({ timeout: 15_000 })
      await page
        .locator('.pagefind-ui__filter-name')
        .nth(filters.length - 1)
        .waitFor()
      const names = await page.locator('.pagefind-ui__filter-name').allTextContents()
      expect(names.map((n) => n.trim().toLowerCase()).sort()).toEqual(filters)
      const excerpt = (await page.locator('.pagefind-ui__result-excerpt').first().textContent()) ?? ''
      expect(excerpt).toContain(`${label} `)
      expect(excerpt).not.toMatch(new RegExp(`${label}[^\\s]`))
      await page.close()
    },
  )
})
