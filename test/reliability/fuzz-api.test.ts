import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COUNTERPART_TYPES, ENTRY_KINDS, VISIBILITIES } from '../../functions/core/vocabulary.js'
import { entryInput, testApi } from '../support/test-db.js'

const CANARY = 'FUZZ-CANARY-PRIVATE-9e1d'
const hostile = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u0000', '\ud800', '../../etc/passwd', '%00', '{{7*7}}', '${7*7}', 'a'.repeat(5000)),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
)
/** Entry inputs that are mostly right, with any field replaced by something hostile or dropped. */
const mutatedEntry = fc.record({
  start: fc.oneof(fc.constantFrom('2015-03-16T10:00', '2015-03-29T02:30', '2015-10-25T02:30:00+01:00', '2015-03-16'), hostile),
  end: fc.option(fc.oneof(fc.constant('2015-03-16T12:00'), hostile), { nil: undefined }),
  allDay: fc.option(fc.oneof(fc.boolean(), hostile), { nil: undefined }),
  title: hostile,
  kind: fc.oneof(fc.constantFrom(...ENTRY_KINDS), hostile),
  visibility: fc.oneof(fc.constantFrom(...VISIBILITIES), hostile),
  counterparts: fc.option(fc.array(fc.record({ name: hostile, type: fc.oneof(fc.constantFrom(...COUNTERPART_TYPES), hostile) }), { maxLength: 3 }), { nil: undefined }),
  themes: fc.option(fc.oneof(fc.array(hostile, { maxLength: 3 }), hostile), { nil: undefined }),
  links: fc.option(fc.array(fc.record({ url: fc.oneof(fc.webUrl(), hostile) }), { maxLength: 2 }), { nil: undefined }),
  extra: fc.option(hostile, { nil: undefined }),
}, { requiredKeys: [] })

const ACCEPTABLE = new Set([201, 400, 413, 415, 422])

describe('fuzzing the API input schemas', () => {
  it('never answers 500 or crashes on random or hostile entry bodies', async () => {
    const api = await testApi()
    await fc.assert(fc.asyncProperty(fc.oneof(mutatedEntry, fc.jsonValue()), async (body) => {
      const res = await api.send('POST', '/api/entries', JSON.stringify(body))
      expect(ACCEPTABLE.has(res.status), `${res.status} for ${JSON.stringify(body).slice(0, 300)}`).toBe(true)
      const parsed = await res.json()
      if (res.status !== 201) expect(parsed.detail).toEqual(expect.any(String))
    }), { numRuns: 250 })
  })

  it('never answers 500 on random query strings', async () => {
    const api = await testApi()
    const param = fc.constantFrom('from', 'to', 'theme', 'counterpart', 'kind', 'order', 'limit', 'cursor', 'x')
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(param, hostile.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''))), { maxLength: 4 }), async (pairs) => {
      const query = new URLSearchParams(pairs).toString()
      const res = await api.get(`/api/entries?${query}`)
      expect([200, 400], `${res.status} for ${query}`).toContain(res.status)
    }), { numRuns: 200 })
  })

  it('never lets a private canary out, whatever else the entry holds', async () => {
    const api = await testApi()
    await fc.assert(fc.asyncProperty(fc.constantFrom('private', 'restricted'), fc.string(), fc.constantFrom(...COUNTERPART_TYPES), async (visibility, noise, type) => {
      const res = await api.send('POST', '/api/entries', entryInput({
        visibility, title: `${CANARY} ${noise}`.trim().slice(0, 200), summary: CANARY, location: CANARY,
        counterparts: [{ name: CANARY, type }], themes: [CANARY.toLowerCase()],
      }))
      expect(res.status).toBe(201)
      const id = (await res.json()).id
      const bodies = await Promise.all([`/api/entries/${id}`, '/api/entries?limit=200', `/api/entries?theme=${CANARY.toLowerCase()}`].map(async (p) => (await api.get(p)).text()))
      for (const body of bodies) expect(body.toLowerCase()).not.toContain(CANARY.toLowerCase())
    }), { numRuns: 40 })
  })
})
