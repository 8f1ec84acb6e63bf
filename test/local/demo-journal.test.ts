import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildPublicSnapshot, journalItemsFrom, type SnapshotPost } from '../../functions/core/publishing/index.js'
import { loadDemoJournal } from '../../functions/local/demo-journal.js'
import { listChangedSince } from '../../functions/store/index.js'
import { PERSON, testDb } from '../support/test-db.js'

/**
 * The demo's annual report as a reader sees it: the numbers in its text and the figures the site
 * shows beside it must be the same, because both claim to count the same public agenda.
 */
const DEMO = new URL('../../content/demo/demo/', import.meta.url).pathname
const text = readFileSync(new URL('posts/jaarverslag-2014-2015.md', `file://${DEMO}`), 'utf8')
let report: SnapshotPost

beforeAll(async () => {
  const db = await testDb()
  await loadDemoJournal(db, PERSON, DEMO)
  const snapshot = buildPublicSnapshot(journalItemsFrom(await listChangedSince(db, PERSON)), {
    now: new Date('2016-01-01T00:00:00Z'),
  })
  report = snapshot.posts.find((p) => p.slug === 'jaarverslag-2014-2015')!
}, 60_000)

const numberBefore = (words: string) => Number(new RegExp(`(\\d+) ${words}`).exec(text)?.[1])

describe('the demo annual report 2014–2015', () => {
  it('has figures counted from the demo agenda', () => {
    const { total, byKind, withheld, privateIndividuals, cancelled, moved } = report.figures!
    const kinds = Object.fromEntries(byKind.map((k) => [k.kind, k.count]))
    expect({
      total: total.count,
      withheld: withheld.count,
      privateIndividuals: privateIndividuals.count,
      cancelled: cancelled.count,
      moved: moved.count,
    }).toEqual({ total: 274, withheld: 25, privateIndividuals: 4, cancelled: 2, moved: 1 })
    expect(kinds).toMatchObject({ advice: 52, lecture: 39, visit: 34, interview: 22, conference: 12, board: 12 })
  })

  it('says in its text what its figures count', () => {
    const figures = report.figures!
    const kind = (k: string) => figures.byKind.find((f) => f.kind === k)!.count
    expect(numberBefore('afspraken die doorgingen')).toBe(figures.total.count)
    expect(numberBefore('adviesgesprekken')).toBe(kind('advice'))
    expect(numberBefore('lezingen en gastcolleges')).toBe(kind('lecture'))
    expect(numberBefore('werkbezoeken')).toBe(kind('visit'))
    expect(numberBefore('interviews')).toBe(kind('interview'))
    expect(numberBefore('conferenties')).toBe(kind('conference'))
    expect(numberBefore('bestuurs-')).toBe(kind('board'))
    expect(text).toContain(`Over dit jaar waren dat er ${figures.withheld.count}.`)
  })

  it('spells out in words the small counts the figures give in digits', () => {
    const { privateIndividuals, cancelled, moved } = report.figures!
    const inWords: Record<number, string> = { 1: 'Eén', 2: 'Twee', 4: 'Vier' }
    expect(text).toContain(`${inWords[cancelled.count]} lezingen gingen niet door`)
    expect(text).toContain(`${inWords[moved.count]} lezing in Arnhem is een maand verschoven`)
    expect(text).toContain(`${inWords[privateIndividuals.count]} keer sprak ik met een particulier`)
  })

  it('claims no "first time" in the journal\'s first year', () => {
    expect(report.figures).not.toHaveProperty('firstTimeOrganisations')
  })
})
