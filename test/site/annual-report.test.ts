import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIND_LABELS } from '../../functions/core/words/index.js'
import { entryPath } from '../../functions/core/publishing/index.js'
import { figurePath, reportFigureListings, reportStats, type ReportStats } from '../../functions/core/report/index.js'
import { BUSY_NOW, busyJournal, CANARIES } from '../support/journal-fixtures.js'
import { buildTestSite, filesUnder, launchChromium, serveSite, type BuiltSite } from './site-build.js'

/**
 * An annual report shows, below the author's text, the figures core counted for its period: the
 * numbers equal `reportStats`, each chart can be read as text, and every figure links to a page
 * listing exactly the entries it counts. Nothing private is counted or shown.
 */
const PERIOD = { from: '2015-01-01', to: '2015-12-31' }
const journal = busyJournal(2)
journal.post('jaarverslag-2015', { title: 'Jaarverslag 2015', kind: 'annual-report', period: PERIOD, body: 'Mijn **jaar** in het kort.' }, '2015-04-01T10:00:00Z')
const items = journal.items()
const stats: ReportStats = reportStats(items.entries, PERIOD, BUSY_NOW, { timeZone: 'Europe/Amsterdam', locale: 'nl' })
const REPORT = '/posts/jaarverslag-2015/'

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
const entryLinks = (path: string) => [...html(path).matchAll(/href="(\/(?:en\/)?agenda\/entry\/[^"]+)"/g)].map((m) => m[1]!)

describe('an annual report page', () => {
  it('has figures to show: the journal holds public, withheld and private entries in the period', () => {
    expect(stats.total.count).toBeGreaterThan(5)
    expect(stats.withheld.count).toBeGreaterThan(0)
    expect(items.entries.some((e) => e.visibility === 'private' && e.start.startsWith('2015'))).toBe(true)
  })

  it('shows the author’s text first, then the key numbers reportStats counted (no "first time" in a first year)', async () => {
    await page.goto(server.url + REPORT)
    const text = await page.locator('article').innerText()
    expect(text.indexOf('Mijn jaar in het kort.')).toBeLessThan(text.indexOf('Cijfers uit de agenda'))
    const facts = Object.fromEntries(await page.locator('dl.facts dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling.textContent])))
    const share = `${Math.round(stats.subjectAndCounterpart.share! * 100)}%`
    expect(facts).toEqual({
      Afspraken: `${stats.total.count} openbare afspraken`,
      Organisaties: `${stats.organisations.count} organisaties`,
      Besloten: `${stats.withheld.count} ${stats.withheld.count === 1 ? 'afspraak' : 'afspraken'}`,
      'Met onderwerp én gesprekspartner': `${share} (${stats.subjectAndCounterpart.count} van ${stats.total.count})`,
      'Gepubliceerd (mediaan)': `${String(Math.abs(stats.publicationDelay.medianDays!)).replace('.', ',')} dagen ${stats.publicationDelay.medianDays! < 0 ? 'vóór' : 'na'} de afspraak`,
      'Met particulieren': `${stats.privateIndividuals.count} ${stats.privateIndividuals.count === 1 ? 'afspraak' : 'afspraken'}`,
      Geannuleerd: `${stats.cancelled.count} ${stats.cancelled.count === 1 ? 'afspraak' : 'afspraken'}`,
    })
  })

  it.each([
    ['Afspraken per maand', () => stats.perMonth.map((m) => m.count)],
    ['Afspraken per soort', () => stats.byKind.map((k) => k.count)],
    ['Afspraken per thema', () => stats.themes.map((t) => t.count)],
  ])('draws “%s” as an SVG image with the same figures in a table beside it', async (name, counts) => {
    await page.goto(server.url + REPORT)
    const chart = page.getByRole('figure', { name })
    await expect(chart.getByRole('img', { name }).count()).resolves.toBe(1)
    expect(await chart.locator('svg path').getAttribute('d')).toMatch(/^(M[\d.]+ [\d.]+h-?[\d.]+v[\d.]+h-?[\d.]+z)+$/)
    expect((await chart.locator('tbody td').allTextContents()).map(Number)).toEqual(counts())
  })

  it('names the kinds and themes in its tables, and lists the organisations by type', async () => {
    await page.goto(server.url + REPORT)
    expect(await page.getByRole('figure', { name: 'Afspraken per soort' }).locator('tbody th').allTextContents()).toEqual(stats.byKind.map((k) => KIND_LABELS.nl[k.kind]))
    expect(await page.getByRole('figure', { name: 'Afspraken per thema' }).locator('tbody th').allTextContents()).toEqual(stats.themes.map((t) => t.theme))
    const types = await page.locator('.report-figures h3').allTextContents()
    expect(types).toContain(`Gemeenten · ${stats.organisationTypes.find((g) => g.type === 'gemeente')!.count} afspraken`)
    expect(await page.locator('.report-figures ul.columns li').count()).toBe(stats.organisations.count)
  })

  it('links every figure to a page listing exactly the entries it counts', () => {
    const listings = reportFigureListings(stats)
    const linked = new Set([...html(REPORT).split('class="report-figures"')[1]!.split('</section>')[0]!.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!))
    expect([...linked].sort()).toEqual(listings.map((l) => figurePath('jaarverslag-2015', l.key)).sort())
    for (const listing of listings) {
      const path = figurePath('jaarverslag-2015', listing.key)
      expect(entryLinks(path), path).toEqual(listing.figure.entryIds.map((id) => entryPath(id)))
    }
    expect(entryLinks(figurePath('jaarverslag-2015', 'withheld'))).toHaveLength(stats.withheld.count)
  })

  it('reads in English under /en/, with English labels and links', async () => {
    await page.goto(`${server.url}/en${REPORT}`)
    expect(await page.locator('dl.facts dt').first().textContent()).toBe('Appointments')
    await expect(page.getByRole('img', { name: 'Appointments per month' }).count()).resolves.toBe(1)
    const hrefs = await page.locator('.report-figures a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs.every((href) => href.startsWith(`/en${REPORT}`))).toBe(true)
    expect(entryLinks(`en${figurePath('jaarverslag-2015', 'total')}`)).toEqual(stats.total.entryIds.map((id) => entryPath(id, 'en')))
  })

  it('counts and shows nothing private, on the report or any of its listings', () => {
    const privateIds = items.entries.filter((e) => e.visibility === 'private').map((e) => e.id)
    // The embargo in the canary journal has passed by BUSY_NOW: that entry is public now.
    const secrets = Object.entries(CANARIES).filter(([name]) => !name.startsWith('embargo')).map(([, secret]) => secret)
    const pages = filesUnder(join(site.dist, 'posts/jaarverslag-2015')).map((f) => readFileSync(join(site.dist, 'posts/jaarverslag-2015', f), 'utf8'))
    expect(pages.length).toBe(reportFigureListings(stats).length + 1)
    for (const text of pages) {
      for (const secret of [...secrets, ...privateIds]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase())
    }
  })

  it('runs no script', () => {
    for (const file of filesUnder(join(site.dist, 'posts/jaarverslag-2015'))) {
      expect(readFileSync(join(site.dist, 'posts/jaarverslag-2015', file), 'utf8')).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    }
  })
})
