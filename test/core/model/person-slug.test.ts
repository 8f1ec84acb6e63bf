import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { personSlug } from '../../../functions/core/model/index.js'

/**
 * A servant's section lives at `/<person>/`, beside the organisation's own pages: a slug that is
 * one of those pages' first path segments would put two pages at one address. The names are read
 * from the site's sources, so a page added later is covered too.
 */
const SITE = new URL('../../../site/src/pages/', import.meta.url)
const CONTENT_PAGES = new URL('../../../content/pages/', import.meta.url)

/** The first path segments of the site's routes: a file or folder below `[...lang]` or `[...part]`. */
function firstSegments(): string[] {
  const names = ['[...lang]', '[...part]'].flatMap((folder) => readdirSync(fileURLToPath(new URL(`${folder}/`, SITE))))
  const routes = names.map((name) => name.replace(/\.(astro|ts)$/, '')).filter((name) => !/^\[|^index$/.test(name))
  const written = readdirSync(fileURLToPath(CONTENT_PAGES)).map((name) => name.replace(/\.md$/, ''))
  return [...new Set([...routes, ...written])]
}

describe("a servant's slug", () => {
  const segments = firstSegments()

  it.each(segments.map((s) => [s]))('cannot be %s, a page the organisation has at its root', (segment) => {
    expect(personSlug.safeParse(segment).success).toBe(false)
  })

  it('is checked against the pages the site has (the list read from the sources is not empty)', () => {
    expect(segments).toEqual(expect.arrayContaining(['agenda', 'organisations', 'privacy', 'about', 'search']))
  })
})
