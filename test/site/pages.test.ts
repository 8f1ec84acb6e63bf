import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUSY_NOW, busyJournal } from '../support/journal-fixtures.js'
import { buildTestSite, filesUnder, TEST_SITE_URL, type BuiltSite } from './site-build.js'

/** What every page promises: no JavaScript but search, small pages, and the metadata readers and robots use. */
let site: BuiltSite
let pages: { file: string; html: string }[]

beforeAll(async () => {
  site = await buildTestSite('pages', busyJournal().items(), BUSY_NOW)
  pages = filesUnder(site.dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(join(site.dist, file), 'utf8') }))
}, 180_000)

afterAll(() => site?.cleanup())

/** The search page loads Pagefind's interface from its own language's index, then ours. */
const SEARCH_SCRIPTS = (file: string) => [
  `${file.startsWith('en/') ? '/en' : ''}/pagefind/pagefind-ui.js`,
  '/search.js',
]

/** HTML plus the stylesheets it links, in bytes: what a reader downloads for the page. */
function pageWeight(html: string): number {
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
    (m) => readFileSync(join(site.dist, m[1]!)).length,
  )
  return Buffer.byteLength(html) + css.reduce((a, b) => a + b, 0)
}

describe('every page', () => {
  it('has no script, except data (JSON-LD) and the search page’s own', () => {
    for (const { file, html } of pages) {
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!)
      const code = scripts.filter((attrs) => !attrs.includes('type="application/ld+json"'))
      if (file.endsWith('search/index.html'))
        expect(code.map((a) => /src="([^"]+)"/.exec(a)?.[1])).toEqual(SEARCH_SCRIPTS(file))
      else expect(code, file).toEqual([])
    }
    expect(pages.length).toBeGreaterThan(50)
  })

  it('names its language, its canonical URL and its Open Graph card', () => {
    for (const { file, html } of pages) {
      expect(html, file).toMatch(/^<!DOCTYPE html><html lang="(nl-NL|en-GB)">/)
      const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1]
      expect(canonical, file).toMatch(new RegExp(`^${TEST_SITE_URL}/`))
      expect(html, file).toContain(`<meta property="og:url" content="${canonical}">`)
      expect(html, file).toMatch(/<meta property="og:title" content="[^"]+">/)
      expect(html, file).toContain(`<meta property="og:image" content="${TEST_SITE_URL}/og-image.png">`)
      expect(html, file).toContain('<meta name="twitter:card" content="summary_large_image">')
      expect(html, file).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')
      expect(html.match(/<h1[\s>]/g), file).toHaveLength(1)
    }
  })

  it('links its other language version', () => {
    const week = pages.find((p) => p.file === 'agenda/2015/w14/index.html')!.html
    expect(week).toContain(`<link rel="alternate" hreflang="en" href="${TEST_SITE_URL}/en/agenda/2015/w14/">`)
    const english = pages.find((p) => p.file === 'en/agenda/2015/w14/index.html')!.html
    expect(english).toContain(`<link rel="canonical" href="${TEST_SITE_URL}/en/agenda/2015/w14/">`)
    expect(english).toContain('Week 14, 2015')
    expect(english).toContain('Monday, 30 March 2015')
  })
})

describe('icons and the social image', () => {
  it('ships a favicon in SVG and ICO, a touch icon and a 1200×630 PNG preview', () => {
    expect(readFileSync(join(site.dist, 'favicon.svg'), 'utf8')).toMatch(/^<svg /)
    const png = readFileSync(join(site.dist, 'og-image.png'))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
    expect(readFileSync(join(site.dist, 'favicon.ico')).readUInt16BE(2)).toBe(0x0100) // an icon file
    expect(readFileSync(join(site.dist, 'apple-touch-icon.png')).readUInt32BE(16)).toBe(180)
  })
})

describe('following and responding', () => {
  it('lists the feeds on the Follow page (and the data page) only, not on every page', () => {
    const withFeeds = pages.filter((p) => p.html.includes('<a href="/digest.xml"')).map((p) => p.file)
    expect(withFeeds).toEqual(['data/index.html', 'en/data/index.html', 'en/follow/index.html', 'follow/index.html'])
  })

  it('offers no Respond and no contact when the profile has no contact', () => {
    const offering = pages.filter((p) => /class="(respond|contact)"|mailto:/.test(p.html)).map((p) => p.file)
    expect(offering).toEqual([])
  })
})

describe('page weight', () => {
  it.each(['index.html', 'en/index.html', 'agenda/2015/w14/index.html', 'en/agenda/2015/w14/index.html'])(
    '%s stays under 30 KB of HTML and CSS in a busy week',
    (file) => {
      const { html } = pages.find((p) => p.file === file)!
      // the busy week is on it: whole on the week page, its first ten and a link to all on the home page
      if (file.includes('w14')) expect((html.match(/<li>/g) ?? []).length).toBeGreaterThanOrEqual(30)
      else expect(html).toMatch(/>(Alle 30 afspraken van deze week|All 30 appointments of this week) →</)
      expect(pageWeight(html)).toBeLessThanOrEqual(30 * 1024)
    },
  )
})

describe('entry pages', () => {
  const entryPage = (title: string) =>
    pages.find((p) => p.file.startsWith('agenda/entry/') && p.html.includes(`<h1>${title}</h1>`))!.html
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!))

  it('describe a public appointment as a schema.org Event', () => {
    const [event] = jsonLd(entryPage('Overleg met de provincie'))
    expect(event).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Overleg met de provincie',
      startDate: '2015-03-19T14:00:00+01:00',
      eventStatus: 'https://schema.org/EventRescheduled',
      attendee: [{ '@type': 'Organization', name: 'Provincie Overijssel' }],
    })
  })

  it('show a moved appointment’s note and its history of changes', () => {
    const html = entryPage('Overleg met de provincie')
    expect(html).toContain('Verplaatst: <span>verplaatst naar 19 maart</span>')
    expect(html).toMatch(/tijd verplaatst van donderdag 12 maart 2015, 10:00 naar donderdag 19 maart 2015, 14:00/)
    expect(html).toContain('op verzoek van de provincie')
  })

  it('show a restricted appointment as a slot without Event data', () => {
    const slots = pages.filter(
      (p) => p.file.startsWith('agenda/entry/') && p.html.includes('<h1>Besloten afspraak</h1>'),
    )
    expect(slots).toHaveLength(2) // the embargoed one has been published by now
    for (const slot of slots) {
      expect(jsonLd(slot.html)).toEqual([])
      expect(slot.html).not.toContain('data-pagefind-body')
    }
  })

  it('say when and why an appointment was withdrawn', () => {
    expect(entryPage('Bezoek aan de waterzuivering')).toMatch(
      /Ingetrokken op 13 mrt 2015 10:00\. Reden: <span>ten onrechte gepubliceerd<\/span>/,
    )
  })
})
