import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canaryJournal } from '../support/journal-fixtures.js'
import { buildTestSite, type BuiltSite } from './site-build.js'

/**
 * The home page of a journal whose current week is empty: who this is, the year at a glance as the
 * annual report counts it, the latest week that has public appointments, the coming week, and a way
 * to respond on every item. Expected values are counted by hand from the fixture (below).
 */
const NOW = new Date('2015-04-15T10:00:00Z') // Wednesday of week 16, which has no appointments

/**
 * The canary journal (see journal-fixtures.ts) plus a visit in week 15 and a lecture planned in
 * week 17. Counted in 2015 (the canary's annual report covers a calendar year, so years start in
 * January): the advice of 16 March (Gemeente Enschede, private individuals; published 6 days
 * before), the embargoed meeting of 18 March (public since 1 April: 13.5 days after), the visit
 * (published 1.04 days after) and the lecture (8.17 days before): 4 appointments, 4 organisations,
 * 3 of 4 with subject and counterpart, median delay (−6 + 1.04) / 2 = −2.5 days. Withheld: the two
 * restricted ones. Not counted: the moved, cancelled, withdrawn and private ones.
 */
function journal() {
  const j = canaryJournal().withProfile({ contact: 'anna@example.org' })
  j.entry(
    {
      start: '2015-04-08T10:00',
      title: 'Werkbezoek Rijkswaterstaat: dijken & duinen',
      kind: 'visit',
      themes: ['water'],
      counterparts: [{ name: 'Rijkswaterstaat', type: 'uitvoeringsorganisatie' }],
    },
    '2015-04-09T09:00:00Z',
  )
  j.entry(
    {
      start: '2015-04-22T14:00',
      title: 'Lezing bij de VNG',
      kind: 'lecture',
      status: 'planned',
      themes: ['open overheid'],
      counterparts: [{ name: 'Vereniging van Nederlandse Gemeenten', type: 'maatschappelijke-organisatie' }],
    },
    '2015-04-14T08:00:00Z',
  )
  return j.items()
}

let site: BuiltSite
const page = (file: string) => readFileSync(join(site.dist, file), 'utf8')
/** The text of an element's content, tags dropped and spaces squeezed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const section = (html: string, from: string, to: string) => {
  const start = html.indexOf(from)
  return html.slice(start, html.indexOf(to, start))
}
const respondHref = (html: string) =>
  /<p class="respond"[^>]*><a href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&').replaceAll('&amp;', '&')

beforeAll(async () => {
  site = await buildTestSite('home', journal(), NOW)
}, 180_000)

afterAll(() => site?.cleanup())

describe('the home page', () => {
  it('opens with the servant’s own words and how to reach them, not a second copy of the header', () => {
    const html = page('index.html')
    const main = section(html, '<main', '</main>')
    expect(main).toContain('<h1>Anna de Vries</h1>')
    expect(main).toContain('Ik houd een <strong>open agenda</strong> bij.')
    expect(text(main)).toContain('Vragen of een reactie? Schrijf Anna de Vries: anna@example.org')
    expect(main).toContain('<a href="mailto:anna@example.org">anna@example.org</a>')
    expect(main).not.toContain('Open agenda van Anna de Vries') // the header's heading
    expect(main).not.toContain('CIO, Ministerie van Voorbeeldzaken') // the header's subtitle
  })

  it('shows the year at a glance with the annual report’s figures, each linked to what it counts', () => {
    const glance = section(page('index.html'), '<section class="glance"', '</section>')
    expect(text(glance)).toContain(
      '2015 in één oogopslag ' +
        'Afspraken 4 openbare afspraken ' +
        'Organisaties 4 organisaties ' +
        'Besloten 2 afspraken ' +
        'Met onderwerp én gesprekspartner 75% (3 van 4) ' +
        'Gepubliceerd (mediaan) 2,5 dagen vóór de afspraak ' +
        'Met particulieren 1 afspraak ' +
        'Geannuleerd 1 afspraak',
    )
    expect(glance).toContain('<a href="/agenda/2015/">4 openbare afspraken</a>')
    expect(glance).toContain('<a href="/organisations/">4 organisaties</a>')
    expect(glance).toContain('<dd>2 afspraken</dd>') // withheld: no page lists only those
    const months = [...glance.matchAll(/<a href="([^"]+)"><title>([^<]+)<\/title>/g)].map((m) => [m[1], m[2]])
    expect(months).toEqual([
      ['/agenda/2015/03/', 'maart 2015: 2 afspraken'],
      ['/agenda/2015/04/', 'april 2015: 2 afspraken'],
    ])
    expect(glance.match(/<title>/g)).toHaveLength(12) // every month, the empty ones without a link
    const themes = [...glance.matchAll(/<a href="(\/themes\/[^"]+)">([^<]+)<\/a>/g)].map((m) => m[2])
    expect(themes).toEqual(['open overheid', 'water', 'zelfsturing'])
  })

  it('speaks English on /en/, with the same figures', () => {
    const glance = text(section(page('en/index.html'), '<section class="glance"', '</section>'))
    expect(glance).toContain('2015 at a glance Appointments 4 public appointments Organisations 4 organisations')
    expect(glance).toContain('Published (median) 2.5 days before the appointment')
  })

  it('shows the latest week with public appointments when this week has none, and the coming week', () => {
    const main = text(section(page('index.html'), '</section>', '</main>'))
    expect(main).toContain(
      'Laatste week met openbare afspraken: week 15, 2015 Deze week geen openbare afspraken. 1 openbare afspraak ' +
        'woensdag 8 april 2015',
    )
    expect(main).toContain('Volgende week (week 17) woensdag 22 april 2015')
    expect(main).toContain('Lezing bij de VNG')
    expect(page('en/index.html')).toContain('Latest week with public appointments: week 15, 2015')
  })

  it('names the latest digest with its year and renders its intro', () => {
    const main = page('index.html')
    expect(text(main)).toContain('Laatste weekoverzicht (week 12, 2015) Een week over water.')
    expect(main).toContain('<a href="/digest/2015-w12/">Lees het weekoverzicht →</a>')
  })

  it('lists no feeds: they are on the Follow page, linked from the footer', () => {
    for (const file of ['index.html', 'en/index.html']) {
      const html = page(file)
      expect(html).not.toMatch(/<a href="\/(agenda\.(ics|xml)|digest\.xml|posts\.xml|data\/agenda\.csv)"/)
      expect(html).toContain(
        file === 'index.html' ? '<a href="/follow/">Volgen</a>' : '<a href="/en/follow/">Follow</a>',
      )
    }
    const follow = page('follow/index.html')
    for (const feed of ['/agenda.ics', '/digest.xml', '/digest.atom', '/posts.xml', '/agenda.xml', '/data/agenda.csv'])
      expect(follow).toContain(`<a href="${feed}">`)
    expect(text(follow)).toContain('Reageren Vragen of een reactie? Schrijf Anna de Vries: anna@example.org')
    expect(page('en/follow/index.html')).toContain('<h1>Follow</h1>')
    expect(page('sitemap-1.xml')).toContain('<loc>https://agenda.example.nl/en/follow/</loc>')
  })
})

describe('Respond', () => {
  const entryFile = (title: string, prefix = '') => {
    const html = readFileSync(join(site.dist, 'index.html'), 'utf8')
    const id = new RegExp(`href="/agenda/entry/(\\w+)/"[^>]*>${title}`).exec(html)?.[1]
    return `${prefix}agenda/entry/${id}/index.html`
  }

  it('mails with an entry’s title as subject and its address in the body', () => {
    const file = entryFile('Werkbezoek Rijkswaterstaat: dijken &amp; duinen')
    const href = respondHref(page(file))
    expect(href).toBe(
      'mailto:anna@example.org?subject=Werkbezoek%20Rijkswaterstaat%3A%20dijken%20%26%20duinen' +
        `&body=https%3A%2F%2Fagenda.example.nl%2F${file.replace('index.html', '').replaceAll('/', '%2F')}%0D%0A%0D%0A`,
    )
    expect(new URL(href!).searchParams.get('subject')).toBe('Werkbezoek Rijkswaterstaat: dijken & duinen')
    expect(text(section(page(file), '<p class="respond"', '</p>'))).toBe('Reageer per e-mail')
  })

  it('is offered on a digest, a report and in English, with the title the reader sees', () => {
    const subject = (file: string) => new URL(respondHref(page(file))!).searchParams.get('subject')
    expect(subject('digest/2015-w12/index.html')).toBe('Weekoverzicht week 12, 2015')
    expect(subject('en/digest/2015-w12/index.html')).toBe('Weekly digest week 12, 2015')
    expect(subject('posts/jaarverslag-2014/index.html')).toBe('Jaarverslag 2014')
    expect(text(section(page('en/posts/jaarverslag-2014/index.html'), '<p class="respond"', '</p>'))).toBe(
      'Respond by e-mail',
    )
  })
})
