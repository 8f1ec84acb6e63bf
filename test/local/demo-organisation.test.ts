import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildPublicSnapshot, journalItemsFrom, type SnapshotPost } from '../../functions/core/publishing/index.js'
import { generatePastDigests } from '../../functions/journal/index.js'
import { DEMO_NOW } from '../../functions/local/demo-site.js'
import { isDemoOrganisationWanted, loadDemoOrganisation } from '../../functions/local/demo-organisation.js'
import {
  getOrganisation,
  listAllEntries,
  listChangedSince,
  listDigests,
  listPosts,
  listServants,
  type Db,
} from '../../functions/store/index.js'
import { testDb } from '../support/test-db.js'

/** `npm start`'s demo: one organisation, three servants, each with a year of their own agenda. */
const DEMO = new URL('../../content/demo/', import.meta.url).pathname
let db: Db

beforeAll(async () => {
  db = await testDb()
  await loadDemoOrganisation(db, DEMO)
  for (const servant of await listServants(db)) await generatePastDigests(db, servant.person, DEMO_NOW, 'publish')
}, 120_000)

describe('the demo organisation', () => {
  it('is a ministry with an address and a contact', async () => {
    expect(await getOrganisation(db)).toMatchObject({
      name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
      siteUrl: 'http://localhost:4321',
      contact: 'open-agenda@example.org',
      version: 1,
    })
  })

  it("has three active servants, today's demo servant among them", async () => {
    const servants = await listServants(db)
    expect(servants.map(({ person, name, status }) => ({ person, name, status }))).toEqual([
      { person: 'demo', name: 'Wouter Lindeveld', status: 'active' },
      { person: 'kamerling', name: 'Ruben Kamerling', status: 'active' },
      { person: 'tolhuis', name: 'Marieke Tolhuis', status: 'active' },
    ])
  })

  it.each([
    ['demo', { public: 277, restricted: 25, private: 15 }, 2],
    ['tolhuis', { public: 152, restricted: 9, private: 8 }, 1],
    ['kamerling', { public: 137, restricted: 8, private: 6 }, 1],
  ])('loads the journal of %s: entries by visibility and posts', async (person, visibilities, posts) => {
    const entries = await listAllEntries(db, person, { end: DEMO_NOW })
    const counted = Object.fromEntries(
      ['public', 'restricted', 'private'].map((v) => [v, entries.filter((e) => e.visibility === v).length]),
    )
    expect(counted).toEqual(visibilities)
    expect((await listPosts(db, person, { limit: 10 })).items).toHaveLength(posts)
  })

  it.each([
    ['demo', 48, '2014-W27', '2015-W27'],
    ['tolhuis', 42, '2014-W36', '2015-W35'],
    ['kamerling', 46, '2014-W02', '2014-W51'],
  ])(
    'gives %s a digest for each of the %i weeks with a public or restricted appointment, from %s to %s',
    async (person, weeks, first, last) => {
      const digests = (await listDigests(db, person, { limit: 500 })).items.map((d) => d.week).sort()
      expect({ count: digests.length, first: digests[0], last: digests.at(-1) }).toEqual({ count: weeks, first, last })
    },
  )

  it('has weeks in which all three servants have public appointments', async () => {
    const week = { start: new Date('2014-11-23T23:00:00Z'), end: new Date('2014-11-30T23:00:00Z') }
    for (const person of ['demo', 'tolhuis', 'kamerling']) {
      const entries = await listAllEntries(db, person, week)
      expect(
        entries.filter((e) => e.title === 'ICTU-conferentie over de digitale overheid in de praktijk'),
      ).toHaveLength(1)
    }
  })

  it('is not loaded again over a table that holds it', async () => {
    expect(await isDemoOrganisationWanted(db, DEMO, 'demo')).toBe(false)
    expect(await isDemoOrganisationWanted(await testDb(), DEMO, 'demo')).toBe(true)
  })

  it('writes nothing when one file is wrong, the bad file named', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'oaj-demo-'))
    cpSync(DEMO, copy, { recursive: true })
    const entries = JSON.parse(readFileSync(join(copy, 'kamerling/entries.json'), 'utf8'))
    entries[3].kind = 'lunch'
    writeFileSync(join(copy, 'kamerling/entries.json'), JSON.stringify(entries))
    const empty = await testDb()
    await expect(loadDemoOrganisation(empty, copy)).rejects.toThrow(/kamerling\/entries\.json item 3: .*kind/)
    expect(await getOrganisation(empty)).toBeUndefined()
    expect(await listServants(empty)).toEqual([])
    expect(await listAllEntries(empty, 'demo', { end: DEMO_NOW })).toEqual([])
  })
})

/**
 * Each new servant's annual report as a reader sees it: the numbers in its text are the figures
 * the site shows beside it, which count the same public agenda.
 */
describe.each([
  {
    person: 'tolhuis',
    slug: 'jaarverslag-2014-2015',
    counts: { total: 149, withheld: 9, privateIndividuals: 2, cancelled: 2, moved: 1 },
    byKind: { meeting: 60, advice: 31, visit: 18, lecture: 16, interview: 9, board: 6, conference: 4, media: 2 },
    words: {
      meeting: 'werkoverleggen',
      advice: 'adviesgesprekken',
      visit: 'werkbezoeken',
      lecture: 'presentaties, workshops en gastcolleges',
      interview: 'interviews',
      board: 'vergaderingen van de redactieraad',
      conference: 'conferenties',
      media: 'media-optredens',
    },
    spelled: [
      'Twee afspraken gingen niet door',
      'Eén presentatie bij Financiën is verschoven',
      'Twee keer sprak ik met een particulier',
    ],
  },
  {
    person: 'kamerling',
    slug: 'jaarverslag-2014',
    counts: { total: 134, withheld: 8, privateIndividuals: 1, cancelled: 2, moved: 1 },
    byKind: { meeting: 66, advice: 25, visit: 11, lecture: 9, interview: 7, board: 7, conference: 6, media: 2 },
    words: {
      meeting: 'overleggen',
      advice: 'adviesgesprekken',
      visit: 'werkbezoeken',
      lecture: 'presentaties en lezingen',
      interview: 'interviews',
      board: 'vergaderingen van stuurgroep en raad van advies',
      conference: 'congressen',
      media: 'media-optredens',
    },
    spelled: [
      'Twee presentaties gingen niet door',
      'Eén werkbezoek aan het CJIB is verschoven',
      'Eén keer sprak ik met een particulier',
    ],
  },
])('the annual report of $person', ({ person, slug, counts, byKind, words, spelled }) => {
  const text = readFileSync(join(DEMO, person, 'posts', `${slug}.md`), 'utf8')
  const numberBefore = (phrase: string) => Number(new RegExp(`(\\d+) ${phrase}`).exec(text)?.[1])
  let report: SnapshotPost

  beforeAll(async () => {
    const snapshot = buildPublicSnapshot(journalItemsFrom(await listChangedSince(db, person)), { now: DEMO_NOW })
    report = snapshot.posts.find((p) => p.slug === slug)!
  })

  it('has figures counted from the agenda', () => {
    const { total, withheld, privateIndividuals, cancelled, moved } = report.figures!
    expect({
      total: total.count,
      withheld: withheld.count,
      privateIndividuals: privateIndividuals.count,
      cancelled: cancelled.count,
      moved: moved.count,
    }).toEqual(counts)
    expect(Object.fromEntries(report.figures!.byKind.map((k) => [k.kind, k.count]))).toMatchObject(byKind)
  })

  it('says in its text what its figures count', () => {
    expect(numberBefore('afspraken die doorgingen')).toBe(counts.total)
    for (const [kind, phrase] of Object.entries(words))
      expect(numberBefore(phrase), phrase).toBe(byKind[kind as keyof typeof byKind])
    expect(text).toMatch(new RegExp(`waren dat er ${counts.withheld}\\.`))
    for (const sentence of spelled) expect(text).toContain(sentence)
  })
})
