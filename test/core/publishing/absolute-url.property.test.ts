import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { absoluteUrl } from '../../../functions/core/publishing/index.js'

/** What a URL parser makes of the path against the site's folder: the answer absoluteUrl must give. */
function parsed(site: string, path: string): string {
  const folder = new URL(site)
  if (!folder.pathname.endsWith('/')) folder.pathname += '/'
  return new URL(path.replace(/^\/+/, ''), folder).href
}

/** An answer, or that there is none (a path of two backslashes names no host: both refuse it). */
function outcome(answer: () => string): string {
  try {
    return answer()
  } catch (error) {
    return `refused: ${(error as Error).name}`
  }
}

const SITES = [
  'https://agenda.example.nl',
  'https://agenda.example.nl/',
  'https://example.nl/wouter',
  'https://example.nl/open/wouter/',
  'http://localhost:4321/',
  'https://example.nl/a?b=c',
  'https://example.nl/a#top',
  'https://EXAMPLE.nl:443/x%41/',
]

// Characters a path may hold, the plain ones and those a parser encodes, resolves or cuts at.
const character = fc.constantFrom(...'az09-_~./%?#: é\\'.split(''), 'A', '..', '//')

describe('absoluteUrl', () => {
  it('gives what a URL parser gives, for plain and odd paths against any site folder', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SITES), fc.array(character, { maxLength: 30 }), (site, chars) => {
        const path = chars.join('')
        expect(outcome(() => absoluteUrl(site, path))).toBe(outcome(() => parsed(site, path)))
        expect(outcome(() => absoluteUrl(new URL(site), `/${path}`))).toBe(outcome(() => parsed(site, `/${path}`)))
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps the section of the site it is given', () => {
    expect(absoluteUrl('https://example.nl/wouter', '/agenda/2015/w12/')).toBe(
      'https://example.nl/wouter/agenda/2015/w12/',
    )
    expect(absoluteUrl('https://example.nl/', 'data/agenda.csv')).toBe('https://example.nl/data/agenda.csv')
  })

  it('answers at once for a path that would make a pattern backtrack', () => {
    // A long name with no slash that fails at its end: the plain-path test must not try every split.
    expect(absoluteUrl('https://example.nl/', `${'a'.repeat(50_000)}!`)).toMatch(/a!$/)
  })
})
