import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import { applyEntryPatch, revisedEntry, type Entry, type Servant } from '../../functions/core/model/index.js'
import { buildAgendaIndex, type OrganisationSnapshot } from '../../functions/core/publishing/index.js'
import { createSitePublisher, type SitePublisher } from '../../functions/local/site-publisher.js'
import type { SiteInputs } from '../../functions/publish/index.js'
import { addServant, putOrganisation, putProfile, updateEntry, type Db } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/**
 * Partial publishes of an organisation's site against what the organisation's week pages show.
 * The builder stands in for Astro: each week page it is asked for lists its entries by servant
 * name, as the site's agenda lines do (EntryLine), so a page it was not asked for keeps what it
 * said before, as a real partial build would.
 */
const NOW = new Date('2015-03-27T12:00:00Z')
let db: Db
let dir: string
let publisher: SitePublisher
let utrecht: Entry
let zwolle: Entry
const anna = new JournalBuilder('anna', 'tok-anna').withProfile({ name: 'Anna de Vries' })

async function fakeBuild({ inputs, ...where }: { outDir: string; base: string; inputs: Promise<SiteInputs> }) {
  const o = { ...where, ...(await inputs) }
  mkdirSync(o.outDir, { recursive: true })
  if (o.base !== '/') return writeFileSync(join(o.outDir, 'index.html'), o.base)
  // Sections built in the same run as the organisation's pages go in their folders.
  for (const { base } of o.sections ?? []) {
    mkdirSync(join(o.outDir, base), { recursive: true })
    writeFileSync(join(o.outDir, base, 'index.html'), base)
  }
  const org = JSON.parse(readFileSync(o.snapshotFile, 'utf8')) as OrganisationSnapshot
  const names = new Map(org.servants.map((s) => [s.person, s.name]))
  // One sitemap part per entry, always all of them, as Astro writes one per 40,000 pages.
  for (let i = 1; i <= org.entries.length; i++) writeFileSync(join(o.outDir, `sitemap-${i}.xml`), String(i))
  const agenda = buildAgendaIndex(org.entries, { timezone: org.timezone, today: '2015-03-27' })
  for (const week of agenda.weeks.filter((w) => !o.pages || o.pages.weeks.includes(w))) {
    mkdirSync(join(o.outDir, 'week', week), { recursive: true })
    const lines = agenda.inWeek(week).map((e) => `${names.get(e.person)}: ${e.title ?? ''}`)
    writeFileSync(join(o.outDir, 'week', week, 'index.html'), lines.join('\n'))
  }
}

beforeAll(async () => {
  db = await testDb()
  dir = mkdtempSync(join(tmpdir(), 'oaj-site-publisher-'))
  const at = '2015-01-01T08:00:00.000Z'
  const bram: Servant = {
    person: 'bram',
    name: 'Bram Visser',
    role: 'Adviseur',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await addServant(db, bram, newToken('bram', 'first token', new Date(at)).token)
  await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: at, version: 1 }, 0)
  const bramsJournal = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
  utrecht = bramsJournal.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
  await bramsJournal.saveTo(db)
  // The deployment's own journal (JOURNAL_PERSON) has no servant record: its profile names it.
  zwolle = anna.entry({ start: '2015-03-03T10:00', title: 'Werkbezoek Zwolle' })
  await anna.saveTo(db)
  publisher = createSitePublisher({
    db,
    person: 'anna',
    dataDir: dir,
    outDir: join(dir, 'site'),
    buildSection: fakeBuild,
  })
  await publisher.publish(NOW)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const page = (path: string) => readFileSync(join(dir, 'site', path), 'utf8')

describe("a partial publish of an organisation's site", () => {
  it("renames the deployment's own journal on the organisation's pages when its profile is renamed", async () => {
    expect(page('week/2015-W10/index.html')).toBe('Anna de Vries: Werkbezoek Zwolle')
    const renamed = { ...anna.profile!, name: 'Anna Jansen', updatedAt: '2015-03-27T11:00:00Z', version: 2 }
    await putProfile(db, renamed, 1)
    const result = await publisher.publish(NOW)
    expect(result.sections).toEqual(['anna'])
    expect(page('week/2015-W10/index.html')).toBe('Anna Jansen: Werkbezoek Zwolle')
    // Bram's week shows nothing of Anna's: it is not rebuilt.
    expect(result.pages !== 'all' && result.pages?.rebuild.weeks).toEqual(['2015-W10'])
  })

  it('removes a sitemap part the site no longer has, which would still list the pages that went', async () => {
    expect(existsSync(join(dir, 'site', 'sitemap-2.xml'))).toBe(true)
    const hidden = revisedEntry(utrecht, applyEntryPatch(utrecht, { visibility: 'private' }), NOW)
    await updateEntry(db, utrecht, hidden, { by: 'tok-bram' })
    const result = await publisher.publish(NOW)
    expect(result.pages).not.toBe('all')
    expect(existsSync(join(dir, 'site', 'sitemap-1.xml'))).toBe(true)
    expect(existsSync(join(dir, 'site', 'sitemap-2.xml'))).toBe(false)
  })

  it('compares a change with what the last partial publish published, not with an older export', async () => {
    // Weeks 11 and 12 went with the entry made private above: against the export before, they would differ again.
    const renamed = revisedEntry(zwolle, applyEntryPatch(zwolle, { title: 'Werkbezoek Kampen' }), NOW)
    await updateEntry(db, zwolle, renamed, { by: 'tok-anna' })
    const result = await publisher.publish(NOW)
    expect(result.pages !== 'all' && [result.pages?.rebuild.weeks, result.pages?.gone.weeks]).toEqual([
      ['2015-W10'],
      [],
    ])
    expect(page('week/2015-W10/index.html')).toBe('Anna Jansen: Werkbezoek Kampen')
  })
})
