import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSY_NOW, busyJournal, CANARIES } from '../support/journal-fixtures.js'
import { buildTestSite, filesUnder, launchChromium, serveSite, type BuiltSite } from './site-build.js'

/**
 * An annual report shows, below the author's text, the figures of its period, each chart also as
 * a table, and every figure links to a page listing exactly the entries it counts. Nothing private
 * is counted or shown. The expected figures are counted by hand from the fixture (below), not by
 * the code under test.
 */
const PERIOD = { from: '2015-01-01', to: '2015-12-31' }
const journal = busyJournal(2)
journal.post(
  'jaarverslag-2015',
  { title: 'Jaarverslag 2015', kind: 'annual-report', period: PERIOD, body: 'Mijn **jaar** in het kort.' },
  '2015-04-01T10:00:00Z',
)
const items = journal.items()
const REPORT = '/posts/jaarverslag-2015/'

/**
 * The fixture's entries by number (ids end in it). In 2015, counted: 1 (advice, 16 March, with
 * Gemeente Enschede and a private individual), 4 (the embargoed meeting of 18 March with a company,
 * public by BUSY_NOW; no summary or themes) and the busy week 10–19 (30 March – 3 April, two a day:
 * even numbers a meeting with the ministry and Gemeente Amsterdam on "digitale overheid", odd ones
 * a lecture with VNG and RVO on "digitale overheid" and "open data"). Not counted: 3 and 5
 * (restricted: withheld), 9 (cancelled), 8 (moved), 6 (withdrawn), 2 and 7 (private).
 */
const ids = (...numbers: number[]) => numbers.map((n) => `01E${String(n).padStart(23, '0')}`)
const BUSY = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
const MEETINGS = [10, 12, 14, 16, 18]
const LECTURES = [11, 13, 15, 17, 19]
const COUNTED = [1, 4, ...BUSY]
/** Every figure's listing (its path under the report) and the entries it lists, in date order. */
const LISTINGS: Record<string, number[]> = {
  total: COUNTED,
  organisations: COUNTED,
  withheld: [3, 5],
  'subject-and-counterpart': [1, ...BUSY],
  'private-individuals': [1],
  cancelled: [9],
  'month-2015-03': [1, 4, 10, 11, 12, 13],
  'month-2015-04': [14, 15, 16, 17, 18, 19],
  'kind-meeting': [4, ...MEETINGS],
  'kind-lecture': LECTURES,
  'kind-advice': [1],
  'theme-digitale-overheid': BUSY,
  'theme-open-data': LECTURES,
  'theme-zelfsturing': [1],
  'type-gemeente': [1, ...MEETINGS],
  'gemeente-amsterdam': MEETINGS,
  'gemeente-enschede': [1],
  'type-ministerie': MEETINGS,
  'ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties': MEETINGS,
  'type-uitvoeringsorganisatie': LECTURES,
  'rijksdienst-voor-ondernemend-nederland': LECTURES,
  'type-bedrijf': [4],
  canaryembargoorg7: [4],
  'type-maatschappelijke-organisatie': LECTURES,
  'vereniging-van-nederlandse-gemeenten': LECTURES,
}

let site: BuiltSite
let browser: Browser
let server: Awaited<ReturnType<typeof serveSite>>
let page: Page

beforeAll(async () => {
  site = await buildTestSite('report', items, BUSY_NOW)
  ;[browser, server] = await Promise.all([launchChromium(), serveSite(site.dist)])
  page = await browser.newPage()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  site?.cleanup()
})

const html = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8')
const entryLinks = (path: string) =>
  [...html(path).matchAll(/href="(\/(?:en\/)?agenda\/entry\/[^"]+)"/g)].map((m) => m[1]!)

describe('an annual report page', () => {
  it('has figures to show: the journal holds public, withheld and private entries in the period', () => {
    const inPeriod = (visibility: string) =>
      items.entries.filter((e) => e.visibility === visibility && e.start.startsWith('2015')).map((e) => e.id)
    expect(inPeriod('public')).toEqual(expect.arrayContaining(ids(...COUNTED)))
    expect(inPeriod('restricted')).toEqual(ids(3, 5))
    expect(inPeriod('private')).toEqual(ids(2, 7))
  })

  it('shows the author’s text first, then the key numbers (no "first time" in a first year)', async () => {
    await page.goto(server.url + REPORT)
    const text = (await page.locator('article').textContent()) ?? ''
    expect(text.indexOf('Mijn jaar in het kort.')).toBeLessThan(text.indexOf('Cijfers uit de agenda'))
    const facts = Object.fromEntries(
      await page
        .locator('dl.facts dt')
        .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    )
    expect(facts).toEqual({
      Afspraken: '12 openbare afspraken',
      // Enschede, the embargoed meeting's company, the ministry, Amsterdam, VNG and RVO.
      Organisaties: '6 organisaties',
      Besloten: '2 afspraken',
      // All but 4, which has neither summary nor themes.
      'Met onderwerp én gesprekspartner': '92% (11 van 12)',
      // Published days before (−) or after (+) each appointment: −6.0 for 1, +13.5 for 4 (public
      // when its embargo ended on 1 April), −9.8 to −13.9 for 10–19 (all written on 20 March). The
      // middle two of the twelve: −11.83 (14) and −10.92 (13), so −11.375.
      'Gepubliceerd (mediaan)': '11,4 dagen vóór de afspraak',
      'Met particulieren': '1 afspraak',
      Geannuleerd: '1 afspraak',
    })
  })

  it.each([
    ['Afspraken per maand', [0, 0, 6, 6, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['Afspraken per soort', [6, 5, 1]],
    ['Afspraken per thema', [10, 5, 1]],
  ])('draws “%s” as an SVG image with the same figures in a table beside it', async (name, counts) => {
    await page.goto(server.url + REPORT)
    const chart = page.getByRole('figure', { name })
    await expect(chart.getByRole('img', { name }).count()).resolves.toBe(1)
    expect(await chart.locator('svg path').getAttribute('d')).toMatch(/^(M[\d.]+ [\d.]+h-?[\d.]+v[\d.]+h-?[\d.]+z)+$/)
    expect((await chart.locator('tbody td').allTextContents()).map(Number)).toEqual(counts)
  })

  it('names the kinds and themes in its tables, and lists the organisations by type', async () => {
    await page.goto(server.url + REPORT)
    const rows = (name: string) => page.getByRole('figure', { name }).locator('tbody th').allTextContents()
    expect(await rows('Afspraken per soort')).toEqual(['Overleg', 'Lezing', 'Advies'])
    expect(await rows('Afspraken per thema')).toEqual(['digitale overheid', 'open data', 'zelfsturing'])
    const types = await page.locator('.report-figures h3').allTextContents()
    expect(types).toContain('Gemeenten · 6 afspraken')
    expect(await page.locator('.report-figures ul.columns li').count()).toBe(6)
  })

  it('links every figure to a page listing exactly the entries it counts', () => {
    const figures = html(REPORT).split('class="report-figures"')[1]!.split('</section>')[0]!
    const linked = new Set([...figures.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!))
    expect([...linked].sort()).toEqual(
      Object.keys(LISTINGS)
        .map((key) => `${REPORT}${key}/`)
        .sort(),
    )
    for (const [key, numbers] of Object.entries(LISTINGS)) {
      expect(entryLinks(`${REPORT}${key}/`), key).toEqual(ids(...numbers).map((id) => `/agenda/entry/${id}/`))
    }
  })

  it('reads in English under /en/, with English labels and links', async () => {
    await page.goto(`${server.url}/en${REPORT}`)
    expect(await page.locator('dl.facts dt').first().textContent()).toBe('Appointments')
    await expect(page.getByRole('img', { name: 'Appointments per month' }).count()).resolves.toBe(1)
    const hrefs = await page.locator('.report-figures a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs.every((href) => href.startsWith(`/en${REPORT}`))).toBe(true)
    expect(entryLinks(`en${REPORT}total/`)).toEqual(ids(...COUNTED).map((id) => `/en/agenda/entry/${id}/`))
  })

  it('counts and shows nothing private, on the report or any of its listings', () => {
    const privateIds = items.entries.filter((e) => e.visibility === 'private').map((e) => e.id)
    // The embargo in the canary journal has passed by BUSY_NOW: that entry is public now.
    const secrets = Object.entries(CANARIES)
      .filter(([name]) => !name.startsWith('embargo'))
      .map(([, secret]) => secret)
    const pages = filesUnder(join(site.dist, 'posts/jaarverslag-2015')).map((f) =>
      readFileSync(join(site.dist, 'posts/jaarverslag-2015', f), 'utf8'),
    )
    expect(pages.length).toBe(Object.keys(LISTINGS).length + 1)
    for (const text of pages) {
      for (const secret of [...secrets, ...privateIds]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase())
    }
  })

  it('runs no script', () => {
    for (const file of filesUnder(join(site.dist, 'posts/jaarverslag-2015'))) {
      expect(readFileSync(join(site.dist, 'posts/jaarverslag-2015', file), 'utf8')).not.toMatch(
        /<script(?![^>]*application\/ld\+json)/,
      )
    }
  })
})
