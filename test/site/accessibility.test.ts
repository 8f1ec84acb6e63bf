import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSY_NOW, busyJournal } from '../support/journal-fixtures.js'
import { buildTestSite, filesUnder, launchChromium, serveSite, type BuiltSite } from './site-build.js'

// Parts of this file run in the browser (page.evaluate); the project compiles without DOM types.
// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate, typed loosely on purpose
declare const document: any, window: any, DOMParser: any

/**
 * Every page template, in both languages where they differ, passes axe-core's WCAG 2.1 A and AA
 * rules in a real browser (Debian's Chromium), the search page with results on screen.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let site: BuiltSite
let browser: Browser
let server: Awaited<ReturnType<typeof serveSite>>
let templates: [string, string][]

/** The busy journal with an annual report over 2015, so the report's figures and charts are checked too. */
function journalWithReport() {
  const journal = busyJournal()
  journal.post(
    'jaarverslag-2015',
    {
      title: 'Jaarverslag 2015',
      kind: 'annual-report',
      period: { from: '2015-01-01', to: '2015-12-31' },
      body: 'Mijn **jaar**.',
    },
    '2015-04-01T10:00:00Z',
  )
  return journal.items()
}

beforeAll(async () => {
  site = await buildTestSite('a11y', journalWithReport(), BUSY_NOW)
  ;[browser, server] = await Promise.all([launchChromium(), serveSite(site.dist)])
  const files = filesUnder(site.dist)
  const first = (prefix: string, needle: string) => {
    const file = files.find(
      (f) =>
        f.startsWith(prefix) && f.endsWith('index.html') && readFileSync(`${site.dist}/${f}`, 'utf8').includes(needle),
    )
    if (!file) throw new Error(`no page under ${prefix} with ${needle}`)
    return `/${file.replace(/index\.html$/, '')}`
  }
  templates = [
    ['home', '/'],
    ['home (English)', '/en/'],
    ['agenda', '/agenda/'],
    ['year', '/agenda/2015/'],
    ['month', '/agenda/2015/03/'],
    ['week', '/agenda/2015/w14/'],
    ['week (English)', '/en/agenda/2015/w14/'],
    ['empty week', '/agenda/2015/w13/'],
    ['public entry', first('agenda/entry/', 'Adviesgesprek zelfsturing</h1>')],
    ['moved entry', first('agenda/entry/', 'Overleg met de provincie</h1>')],
    ['withdrawn entry', first('agenda/entry/', 'Bezoek aan de waterzuivering</h1>')],
    ['restricted entry', first('agenda/entry/', 'Besloten afspraak</h1>')],
    ['restricted entry (English)', first('en/agenda/entry/', 'Confidential appointment</h1>')],
    ['public entry (English)', first('en/agenda/entry/', 'Adviesgesprek zelfsturing</h1>')],
    ['themes', '/themes/'],
    ['theme', '/themes/zelfsturing/'],
    ['organisations', '/organisations/'],
    ['organisation', '/organisations/gemeente-enschede/'],
    ['private individuals', '/en/organisations/particulier/'],
    ['posts', '/posts/'],
    ['post', '/posts/jaarverslag-2014/'],
    ['post (English)', '/en/posts/jaarverslag-2014/'],
    ['annual report with figures', '/posts/jaarverslag-2015/'],
    ['annual report with figures (English)', '/en/posts/jaarverslag-2015/'],
    ['annual report figure', '/posts/jaarverslag-2015/kind-advice/'],
    ['annual report organisation (English)', '/en/posts/jaarverslag-2015/gemeente-amsterdam/'],
    ['digests', '/digest/'],
    ['digest', '/digest/2015-w12/'],
    ['about', '/about/'],
    ['privacy', '/en/privacy/'],
    ['accessibility statement', '/accessibility/'],
    ['open data', '/data/'],
    ['not found', '/no/such/page/'],
  ]
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  site?.cleanup()
})

async function axeViolations(page: Page): Promise<string[]> {
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

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('notices a violation when there is one', async () => {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><html><title>x</title><main><img src="x.png"><a href="/"></a></main></html>')
    expect((await axeViolations(page)).map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining(['image-alt', 'html-has-lang', 'link-name']),
    )
    await page.close()
  })

  it('checks every page template', async () => {
    const page = await browser.newPage()
    const found: Record<string, string[]> = {}
    for (const [name, path] of templates) {
      await page.goto(server.url + path)
      const violations = await axeViolations(page)
      if (violations.length) found[`${name} ${path}`] = violations
    }
    await page.close()
    expect(found).toEqual({})
    expect(templates.length).toBeGreaterThan(25)
  })

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
