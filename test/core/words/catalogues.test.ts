import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../../functions/core/model/index.js'
import { WORDS, type Words } from '../../../functions/core/words/index.js'
import { MESSAGES, type Messages } from '../../../functions/admin/i18n.js'

/**
 * Each surface has one catalogue (core's words, the admin's messages, the site's strings), Dutch
 * first, every other language typed by the Dutch shape. The type check is the guard; these tests
 * prove that it bites, and check at run time what the type check cannot see: the site's catalogue
 * is compiled by Astro, not by `tsc`, and an empty text passes any type.
 */

/** The site's catalogue, loaded by path: `tsc` does not resolve the site's `@core` alias. */
const SITE_CATALOGUE = '../../../site/src/lib/i18n.js'

/** What a catalogue holds, text by text: the texts' keys and kinds, not their words. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return 'function'
  if (Array.isArray(value)) return value.map(shape)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))
    return Object.fromEntries(entries.map(([key, v]) => [key, shape(v)]))
  }
  return value === null ? null : typeof value
}

/** Every text of a catalogue that is a plain string, with its path: `history.madePublic`. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => texts(v, path ? `${path}.${key}` : key))
  }
  return []
}

describe('the catalogues', () => {
  it('fail the type check when an English text is missing', () => {
    const { madePublic: _madePublic, ...history } = WORDS.en.history
    // @ts-expect-error core's English without "made public" among the history lines
    const core: Words = { ...WORDS.en, history }
    const { slugTaken: _slugTaken, ...posts } = MESSAGES.en.posts
    // @ts-expect-error the admin's English without the message for a slug in use
    const admin: Messages = { ...MESSAGES.en, posts }
    expect(core.history).not.toHaveProperty('madePublic')
    expect(admin.posts).not.toHaveProperty('slugTaken')
  })

  it.each([
    ['core', async () => WORDS],
    ['admin', async () => MESSAGES],
    ['site', async () => ((await import(SITE_CATALOGUE)) as { STRINGS: Record<string, unknown> }).STRINGS],
  ])('%s: every language has every text the Dutch catalogue has, and none is empty', async (_surface, load) => {
    const catalogue: Record<string, unknown> = await load()
    expect(Object.keys(catalogue).sort()).toEqual([...LOCALES].sort())
    for (const locale of LOCALES) {
      expect(shape(catalogue[locale]), locale).toEqual(shape(catalogue.nl))
      expect(
        texts(catalogue[locale]).filter(([, text]) => text.trim() === ''),
        locale,
      ).toEqual([])
    }
  })
})
