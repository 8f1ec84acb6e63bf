import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import { slugify, type Servant } from '../../functions/core/model/index.js'
import {
  buildOrganisationSite,
  buildSite,
  exportOrganisation,
  siteLayout,
  type ExportedOrganisation,
} from '../../functions/publish/index.js'
import { addServant, putOrganisation, putProfile, type Db } from '../../functions/store/index.js'
import { CANARIES, CANARY_NOW, canaryJournal, JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'
import { axeViolations, filesUnder, launchChromium, readContent, serveSite, TEST_SITE_URL } from './site-build.js'

/**
 * An organisation of three servants (one of whom left) becomes one site: the organisation's pages
 * at the root, each servant's journal in a section under their slug. Anna's journal hides a secret
 * in every place one can; none reaches any file, the organisation's pages included.
 */
const BRAM_SECRET = 'CanaryBramPrivate7'
let root: string
let dist: string
let files: { path: string; text: string }[]
let exported: ExportedOrganisation
const page = (path: string) => files.find((f) => f.path === path)?.text ?? ''

async function servant(db: Db, person: string, name: string, role: string, leftOn?: string) {
  const at = '2015-01-01T08:00:00.000Z'
  const record: Servant = {
    person,
    name,
    role,
    status: leftOn ? 'left' : 'active',
    ...(leftOn && { leftOn }),
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await addServant(db, record, newToken(person, 'first token', new Date(at)).token)
}

beforeAll(async () => {
  const db = await testDb()
  const at = '2015-01-01T08:00:00Z'
  await canaryJournal('anna').saveTo(db)
  const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser', role: 'Programmamanager' })
  bram.entry(
    {
      start: '2015-03-16T13:00',
      title: 'Overleg rijksbrede samenwerking',
      kind: 'meeting',
      counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
      themes: ['samenwerking'],
    },
    '2015-03-16T18:00:00Z',
  )
  bram.entry({ start: '2015-03-17T13:00', title: BRAM_SECRET, visibility: 'private' }, '2015-03-16T18:00:00Z')
  await bram.saveTo(db)
  const carla = new JournalBuilder('carla', 'tok-carla').withProfile({ name: 'Carla Bos', role: 'Adviseur' })
  carla.entry({ start: '2014-11-04T10:00', title: 'Werkbezoek uitvoeringsorganisatie' }, '2014-11-04T18:00:00Z')
  await carla.saveTo(db)
  await servant(db, 'anna', 'Anna de Vries', 'CIO')
  await servant(db, 'bram', 'Bram Visser', 'Programmamanager')
  await servant(db, 'carla', 'Carla Bos', 'Adviseur', '2015-01-31')
  const organisation = { name: 'Ministerie van Voorbeeldzaken', contact: 'agenda@voorbeeldzaken.example' }
  await putOrganisation(db, { ...organisation, theme: { primary: '#7a1f5c' }, updatedAt: at, version: 1 }, 0)

  root = mkdtempSync(join(tmpdir(), 'oaj-organisation-site-'))
  // Bram has a theme of his own; the others wear the organisation's.
  await putProfile(db, { ...bram.profile!, theme: { primary: '#0b6e4f' }, updatedAt: at, version: 2 }, 1)
  dist = join(root, 'dist')
  const layout = await siteLayout(db, 'anna')
  if (layout.kind !== 'organisation') throw new Error(`expected an organisation's layout, got ${layout.kind}`)
  exported = await exportOrganisation(db, layout, join(root, 'snapshots'), CANARY_NOW)
  await buildOrganisationSite(exported, {
    outDir: dist,
    siteUrl: TEST_SITE_URL,
    build: (options) => buildSite({ ...options, cacheDir: join(root, `cache${options.base.replace(/\//g, '-')}`) }),
  })
  files = filesUnder(dist).map((path) => ({ path, text: readContent(join(dist, path)) }))
}, 300_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe("an organisation's site", () => {
  it("has the organisation's home at the root, each active servant with a card linking to their section", () => {
    const home = page('index.html')
    expect(home).toContain('<h1>Ministerie van Voorbeeldzaken</h1>')
    expect(home).toContain('<a href="/anna/">Anna de Vries</a>')
    expect(home).toContain('<a href="/bram/">Bram Visser</a>')
    const current = home.slice(home.indexOf('Medewerkers'), home.indexOf('Oud-medewerkers'))
    expect(current).not.toContain('Carla Bos')
  })

  it('says how to reach the organisation, and dresses its pages and sections in its theme', () => {
    expect(page('index.html')).toContain(
      'Vragen of een reactie? Schrijf Ministerie van Voorbeeldzaken: <a href="mailto:agenda@voorbeeldzaken.example">',
    )
    expect(page('theme.css')).toContain('#7a1f5c')
    expect(page('anna/theme.css')).toContain('#7a1f5c')
    expect(page('bram/theme.css')).toContain('#0b6e4f')
  })

  it('lists a servant who left apart, with the date, and keeps their section', () => {
    const home = page('index.html')
    const former = home.slice(home.indexOf('Oud-medewerkers'))
    expect(former).toContain('<a href="/carla/">Carla Bos</a>')
    expect(former).toContain('vertrokken op 31 januari 2015')
    expect(page('carla/index.html')).toContain('Werkbezoek uitvoeringsorganisatie')
  })

  it("builds each servant's journal under their slug, linking within it and back to the organisation's address", () => {
    const anna = page('anna/agenda/2015/w12/index.html')
    expect(anna).toContain('href="/anna/agenda/entry/')
    expect(anna).toContain('Onderdeel van de open agenda&#39;s van Ministerie van Voorbeeldzaken')
    // The whole address: on the servant's own host name `/` is their section (infra/site/servant-hosts.ts).
    expect(anna).toContain(`<a href="${TEST_SITE_URL}/">`)
    expect(existsSync(join(dist, 'anna/pagefind/pagefind.js'))).toBe(true)
    // The organisation's search merges the sections' indexes; its own pages have nothing to index.
    expect(existsSync(join(dist, 'pagefind'))).toBe(false)
    expect(existsSync(join(dist, 'bram/en/agenda/2015/w12/index.html'))).toBe(true)
  })

  it('has one agenda by week across the organisation, naming the servant on every line', () => {
    const week = page('agenda/2015/w12/index.html')
    expect(week).toMatch(/<span class="who">Anna de Vries<\/span>\s*<a href="\/anna\/agenda\/entry\/[^"]+\/"/)
    expect(week).toMatch(/<span class="who">Bram Visser<\/span>\s*<a href="\/bram\/agenda\/entry\/[^"]+\/"/)
    expect(week).toContain('Overleg rijksbrede samenwerking')
    expect(week).toContain('Adviesgesprek zelfsturing')
  })

  it('says of an organisation met which servants met it, how often and when', () => {
    const enschede = page('organisations/gemeente-enschede/index.html')
    const table = enschede.slice(enschede.indexOf('<table class="who-met"'), enschede.indexOf('</table>'))
    const rows = [...table.matchAll(/<th scope="row"><a href="\/(\w+)\/">[^<]+<\/a><\/th>\s*<td>(\d+)<\/td>/g)]
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['anna', '1'],
      ['bram', '1'],
    ])
  })

  it('has no posts or digests of its own, and no entry pages outside the sections', () => {
    expect(files.some((f) => /^(en\/)?(posts|digest|agenda\/entry)\//.test(f.path))).toBe(false)
    expect(page('posts/index.html')).toBe('')
  })

  it("refuses a section at a path of the organisation's own pages, before anything is built", async () => {
    const refused = join(root, 'refused')
    const section = { snapshotFile: exported.servants.get('bram')!.file, base: '/privacy' }
    const building = buildSite({ snapshotFile: exported.organisationFile, outDir: refused, sections: [section] })
    await expect(building).rejects.toThrow(/"privacy" is a page of the site already/)
    expect(existsSync(refused)).toBe(false)
  })

  it('names every section sitemap in robots.txt', () => {
    expect(page('robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/anna/sitemap.xml`)
    expect(page('robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}/carla/sitemap.xml`)
  })

  it.each([
    ['/search/', ['/anna/agenda/entry/', '/bram/agenda/entry/'], 'medewerker'],
    ['/en/search/', ['/anna/en/agenda/entry/', '/bram/en/agenda/entry/'], 'staff member'],
  ])(
    "%s searches every servant's section at once, with a filter per servant",
    async (path, sections, filter) => {
      const [browser, server] = await Promise.all([launchChromium(), serveSite(dist)])
      try {
        const page = await browser.newPage()
        await page.goto(`${server.url}${path}`)
        await page.locator('.pagefind-ui__search-input').fill('enschede')
        await page.locator('.pagefind-ui__result').nth(1).waitFor()
        const links = await page
          .locator('.pagefind-ui__result-link')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
        for (const section of sections) expect(links.some((href) => href?.startsWith(section))).toBe(true)
        const filters = await page.locator('.pagefind-ui__filter-name').allTextContents()
        expect(filters.map((f) => f.trim().toLowerCase())).toContain(filter)
      } finally {
        await browser.close()
        await server.close()
      }
    },
    60_000,
  )

  it("passes axe-core's WCAG 2.1 A and AA rules on the organisation's own pages and a section's", async () => {
    const [browser, server] = await Promise.all([launchChromium(), serveSite(dist)])
    try {
      const page = await browser.newPage()
      const found: Record<string, string[]> = {}
      for (const path of [
        '/',
        '/en/',
        '/agenda/2015/w12/',
        '/organisations/gemeente-enschede/',
        '/en/search/',
        '/anna/',
      ]) {
        await page.goto(`${server.url}${path}`)
        const violations = await axeViolations(page)
        if (violations.length) found[path] = violations
      }
      expect(found).toEqual({})
    } finally {
      await browser.close()
      await server.close()
    }
  }, 60_000)

  it.each([...Object.entries(CANARIES).filter(([name]) => name !== 'person'), ['bram', BRAM_SECRET]])(
    'contains nowhere the secret %s',
    (_name, canary) => {
      const forms = [canary.toLowerCase(), slugify(canary)]
      const leaks = files.filter((f) => forms.some((form) => f.text.toLowerCase().includes(form))).map((f) => f.path)
      expect(leaks).toEqual([])
    },
  )
})
