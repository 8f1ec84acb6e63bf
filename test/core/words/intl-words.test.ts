import { describe, expect, it } from 'vitest'
import {
  abbreviateMonth,
  escapeHtml,
  formatDate,
  joinList,
  languageName,
  shortDay,
} from '../../../functions/core/words/index.js'

/**
 * Days, months, lists and language names come from `Intl` (CLDR in Node's ICU), not from tables
 * of ours. These are the forms readers see; a Node whose ICU writes them otherwise fails here
 * instead of changing the site unnoticed.
 */
describe('words from Intl', () => {
  it.each([
    ['2015-03-16', 'nl', 'ma 16 mrt'],
    ['2015-03-22', 'nl', 'zo 22 mrt'],
    ['2015-03-16', 'en', 'Mon 16 Mar'],
    ['2014-09-17', 'en', 'Wed 17 Sept'],
  ] as const)('names %s in a digest line in %s as "%s"', (date, locale, text) => {
    expect(shortDay(date, locale)).toBe(text)
  })

  it.each([
    ['nl', 'jan feb mrt apr mei jun jul aug sep okt nov dec'],
    ['en', 'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec'],
  ] as const)('abbreviates the months on a chart in %s as CLDR does', (locale, months) => {
    const all = Array.from({ length: 12 }, (_, i) => abbreviateMonth(`2015-${String(i + 1).padStart(2, '0')}`, locale))
    expect(all.join(' ')).toBe(months)
  })

  it.each([
    ['long', 'nl', 'maandag 16 maart 2015'],
    ['medium', 'nl', '16 maart 2015'],
    ['short', 'nl', '16 mrt 2015'],
    ['day', 'nl', 'maandag 16 maart'],
    ['medium', 'en', '16 March 2015'],
    ['short', 'en', '16 Mar 2015'],
  ] as const)('writes a day in the %s style in %s as "%s"', (style, locale, text) => {
    expect(formatDate('2015-03-16', locale, style)).toBe(text)
  })

  it.each([
    [[], 'nl', ''],
    [['Almere', 'Arnhem', 'Enschede'], 'nl', 'Almere, Arnhem en Enschede'],
    [['Almere', 'Arnhem', 'Enschede'], 'en', 'Almere, Arnhem and Enschede'],
  ] as const)('lists %j in %s without a comma before the last', (items, locale, text) => {
    expect(joinList(items, locale)).toBe(text)
  })

  it('names each language in itself, for the language switch', () => {
    expect([languageName('nl'), languageName('en')]).toEqual(['Nederlands', 'English'])
  })
})

describe('escapeHtml', () => {
  it('turns the five characters that can end a text or start markup into entities', () => {
    expect(escapeHtml(`Tom & "Jerry's" <b>`)).toBe('Tom &amp; &quot;Jerry&#39;s&quot; &lt;b&gt;')
  })

  it('escapes an escaped text again, so entities in a name read as typed', () => {
    expect(escapeHtml(escapeHtml('&lt;'))).toBe('&amp;amp;lt;')
  })
})
