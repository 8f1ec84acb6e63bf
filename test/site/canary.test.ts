import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slugify } from '../../functions/core/model/index.js'
import { exportSnapshot } from '../../functions/publish/index.js'
import { CANARIES, CANARY_NOW, canaryJournal } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'
import { buildFromSnapshot, filesUnder, readContent, type BuiltSite } from './site-build.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

/**
 * The privacy rules hold end to end: a journal with a secret in every place one can hide goes
 * into DynamoDB, is exported and built, and not one file of the site — pages, feeds, calendars,
 * CSV, JSON, sitemap, search index — carries any of the secrets.
 */
let site: BuiltSite
let files: { path: string; text: string }[]

beforeAll(async () => {
  const db = await testDb()
  const journal = canaryJournal()
  await journal.saveTo(db)
  const root = mkdtempSync(join(tmpdir(), 'oaj-site-canary-'))
  await exportSnapshot(db, journal.person, join(root, 'public-snapshot.json'), CANARY_NOW)
  site = await buildFromSnapshot(root, join(root, 'public-snapshot.json'))
  files = filesUnder(site.dist).map((path) => ({ path, text: readContent(join(site.dist, path)).toLowerCase() }))
}, 180_000)

afterAll(() => site?.cleanup())

describe('the built site', () => {
  it('is built from the store: public entries, slots and private individuals are there', () => {
    const all = files.map((f) => f.text).join('\n')
    for (const visible of [
      'adviesgesprek zelfsturing',
      'besloten afspraak',
      'particulier',
      'bezoek aan de waterzuivering',
      'jaarverslag 2014',
    ]) {
      expect(all).toContain(visible)
    }
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'index.html',
        'agenda.ics',
        'data/agenda.csv',
        'data/journal.json',
        'sitemap.xml',
        'posts.xml',
      ]),
    )
  })

  it('has a search index, and reading it finds public words', () => {
    const index = files.filter((f) => f.path.startsWith('pagefind/') && f.path.endsWith('.pf_fragment'))
    expect(index.length).toBeGreaterThan(0)
    expect(index.map((f) => f.text).join('\n')).toContain('adviesgesprek zelfsturing')
  })

  it('has an English digest page without Dutch interface words; the servant\'s Dutch is marked lang="nl"', () => {
    const page = files.find((f) => f.path === 'en/digest/2015-w12/index.html')!.text
    const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'))
    const interfaceText = article
      .replace(/<(\w+)[^>]*lang="nl"[^>]*>.*?<\/\1>/gs, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
    expect(interfaceText).toContain('monday 16 march')
    expect(interfaceText).toContain('10:00 · advice · with gemeente enschede and private individual')
    expect(interfaceText).not.toMatch(
      /\b(afspraak|afspraken|besloten|maandag|advies|met|en nog|weekoverzicht|particulier)\b/,
    )
    expect(article).toContain('<a href="/en/agenda/entry/')
  })

  it.each(Object.entries(CANARIES))('contains nowhere the secret %s', (_name, canary) => {
    const forms = [canary.toLowerCase(), slugify(canary)]
    const leaks = files.filter((f) => forms.some((form) => f.text.includes(form))).map((f) => f.path)
    expect(leaks).toEqual([])
  })
})
