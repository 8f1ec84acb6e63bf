import { describe, expect, it } from 'vitest'
import { entryInput, testApi } from '../support/test-db.js'

describe('text with control characters', () => {
  it.each([
    ['a title with U+0001', '/api/entries', entryInput({ title: 'Overleg\u0001 met de provincie' }), 'title', 'U+0001'],
    ['a summary with NUL', '/api/entries', entryInput({ summary: 'Over\u0000 water' }), 'summary', 'U+0000'],
    [
      'an organisation with an escape character',
      '/api/entries',
      entryInput({ counterparts: [{ name: 'Gemeente\u001B Enschede', type: 'gemeente' }] }),
      'counterparts.0.name',
      'U+001B',
    ],
    ['a theme with a form feed', '/api/entries', entryInput({ themes: ['wa\u000Cter'] }), 'themes.0', 'U+000C'],
    ['a post body with U+0007', '/api/posts', { slug: 'bel', title: 'Bel', body: 'Ding\u0007 dong' }, 'body', 'U+0007'],
  ])(
    'refuses %s with 400 naming the field and the character, and stores nothing',
    async (_name, path, body, field, character) => {
      const api = await testApi()
      const res = await api.send('POST', path, body, api.auth)
      expect(res.status).toBe(400)
      const problem = await res.json()
      expect(problem.errors).toContainEqual({ field, reason: `contains a control character (${character}); remove it` })
      expect((await (await api.get(`${path}?limit=10`, api.auth)).json()).items).toEqual([])
    },
  )

  it('accepts tabs and line breaks, which text does use', async () => {
    const api = await testApi()
    const res = await api.send(
      'POST',
      '/api/entries',
      entryInput({ summary: 'Eerste regel\r\nTweede\tregel' }),
      api.auth,
    )
    expect(res.status).toBe(201)
  })
})
