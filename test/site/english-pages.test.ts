import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoSiteFrom } from '../../functions/local/demo-site.js'
import { PERSON, testDb } from '../support/test-db.js'
import { dutchInterfaceWords, dutchWordsIn, textInLanguage } from './english-text.js'
import { filesUnder } from './site-build.js'

/**
 * `/en/` is English throughout: no page of the English demo site shows a word of the Dutch
 * interface, except inside content marked `lang="nl"` (titles, summaries, names and posts stay
 * in the language they were written in, and say so).
 */

let root: string
let dist: string
let words: Set<string>

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oaj-english-'))
  dist = join(root, 'dist')
  words = await dutchInterfaceWords()
  await buildDemoSiteFrom(await testDb(), PERSON, { outDir: dist, cacheDir: join(root, 'cache') })
}, 300_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

const pageText = (path: string, lang: string) => textInLanguage(readFileSync(join(dist, path), 'utf8'), lang)

describe('the English pages', () => {
  it('are checked with a word list that finds the Dutch interface on the Dutch pages', () => {
    expect(words.size).toBeGreaterThan(150)
    expect(dutchWordsIn(pageText('index.html', 'nl'), words)).toEqual(
      expect.arrayContaining(['naar', 'inhoud', 'organisaties', 'verslagen', 'zoeken']),
    )
  })

  it('leave out content marked as Dutch, and nothing else', () => {
    const html =
      '<html lang="en-GB"><head><title>Weekoverzicht</title></head><body><p>Appointments</p>' +
      '<p lang="nl-NL">Adviesgesprek <em>zelfsturing</em></p><p>Organisaties</p>' +
      '<a href="/" lang="nl" title="Lees in het Nederlands">Nederlands</a><img alt="Afspraken per maand"></body></html>'
    expect(textInLanguage(html, 'en').replace(/\s+/g, ' ').trim()).toBe('Appointments Organisaties Afspraken per maand')
  })

  it('show no Dutch interface word outside content marked lang="nl"', () => {
    const pages = filesUnder(join(dist, 'en')).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(500)
    const found = Object.fromEntries(
      pages.flatMap((page) => {
        const dutch = dutchWordsIn(pageText(join('en', page), 'en'), words)
        return dutch.length > 0 ? [[page, dutch]] : []
      }),
    )
    expect(found).toEqual({})
  })
})
