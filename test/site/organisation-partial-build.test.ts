import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import { applyEntryPatch, revisedEntry, type Entry, type Servant } from '../../functions/core/model/index.js'
import { createSitePublisher, type PublishResult } from '../../functions/local/site-publisher.js'
import { addServant, putOrganisation, updateEntry, type Db } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'
import { filesUnder, readContent } from './site-build.js'

/**
 * A publish after one change builds the changed servant's section and only the organisation's
 * agenda pages the change touches (Astro for real). Here Bram makes his only meeting with
 * Enschede private: the organisation's page about Enschede must go, in both languages, and the
 * site must read exactly as a whole build of the same store would.
 */
const NOW = new Date('2015-03-27T12:00:00Z')
const SECRET_ORGANISATION = 'Gemeente Enschede'
let db: Db
let root: string
let enschede: Entry
let change: PublishResult
let first: Map<string, string>
let site: Map<string, string>
let whole: Map<string, string>

async function servant(person: string, name: string) {
  const at = '2015-01-01T08:00:00.000Z'
  const record: Servant = { person, name, role: 'Adviseur', status: 'active', createdAt: at, updatedAt: at, version: 1 }
  await addServant(db, record, newToken(person, 'first token', new Date(at)).token)
}

/** Every file of a built site, by path; what only a build's own naming differs in is left out. */
function read(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((path) => [path, readContent(join(dir, path))]))
}

const publisher = (dir: string) =>
  createSitePublisher({ db, person: 'anna', dataDir: join(root, dir), outDir: join(root, dir, 'site') })

beforeAll(async () => {
  db = await testDb()
  root = mkdtempSync(join(tmpdir(), 'oaj-partial-build-'))
  const anna = new JournalBuilder('anna', 'tok-anna').withProfile({ name: 'Anna de Vries' })
  anna.entry({
    start: '2015-03-03T10:00',
    title: 'Werkbezoek Zwolle',
    counterparts: [{ name: 'Gemeente Zwolle', type: 'gemeente' }],
  })
  await anna.saveTo(db)
  const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
  enschede = bram.entry({
    start: '2015-03-10T13:00',
    title: 'Overleg met Enschede',
    counterparts: [{ name: SECRET_ORGANISATION, type: 'gemeente' }],
  })
  bram.entry({
    start: '2015-03-17T13:00',
    title: 'Overleg met Utrecht',
    counterparts: [{ name: 'Gemeente Utrecht', type: 'gemeente' }],
  })
  await bram.saveTo(db)
  await servant('anna', 'Anna de Vries')
  await servant('bram', 'Bram Visser')
  await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: '2015-01-01T08:00:00Z', version: 1 }, 0)

  const live = publisher('live')
  await live.publish(NOW)
  first = read(join(root, 'live', 'site'))
  const hidden = revisedEntry(enschede, applyEntryPatch(enschede, { visibility: 'private' }), new Date(NOW))
  await updateEntry(db, enschede, hidden, { by: 'tok-bram' })
  change = await live.publish(NOW)
  site = read(join(root, 'live', 'site'))
  await publisher('whole').publish(NOW)
  whole = read(join(root, 'whole', 'site'))
}, 600_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe("publishing one change on an organisation's site", () => {
  it("builds Bram's section and the organisation's pages of that week, month, year and theme, nothing else", () => {
    expect(change.sections).toEqual(['bram'])
    // In one Astro run: one start and one compile, not one per part.
    expect(change.parts?.map(({ part, withSections }) => ({ part, withSections }))).toEqual([
      { part: '@organisation', withSections: ['bram'] },
    ])
    expect(change.pages).toMatchObject({
      rebuild: { weeks: ['2015-W11'], months: ['2015-03'], years: ['2015'], organisations: [] },
      gone: { organisations: ['gemeente-enschede'] },
    })
  })

  it('removes the page of the organisation now met in private only, in both languages', () => {
    expect(site.has('organisations/gemeente-enschede/index.html')).toBe(false)
    expect(site.has('en/organisations/gemeente-enschede/index.html')).toBe(false)
    expect(site.has('organisations/gemeente-utrecht/index.html')).toBe(true)
  })

  it('leaves the private meeting and its organisation in no file of the site', () => {
    const showing = [...site].filter(([, text]) => text.includes(SECRET_ORGANISATION) || text.includes('Enschede'))
    expect(showing.map(([path]) => path)).toEqual([])
    // The check can fail: before the change the organisation's pages named Enschede.
    expect(first.get('organisations/gemeente-enschede/index.html')).toContain(SECRET_ORGANISATION)
    expect(first.get('organisations/index.html')).toContain(SECRET_ORGANISATION)
  })

  it('reads exactly as a whole build of the same store: every page and file the same', () => {
    const pages = (files: Map<string, string>) => [...files.keys()].filter((p) => !/(^|\/)(_astro|pagefind)\//.test(p))
    expect(pages(site).sort()).toEqual(pages(whole).sort())
    const differing = pages(whole).filter((path) => site.get(path) !== whole.get(path))
    expect(differing).toEqual([])
    // Styles and search files a page asks for are there (a partial build adds its own, keeps the old).
    for (const path of [...whole.keys()].filter((p) => /(^|\/)(_astro|pagefind)\//.test(p)))
      expect(site.get(path), path).toBe(whole.get(path))
  })
})
