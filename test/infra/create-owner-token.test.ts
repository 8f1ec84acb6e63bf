import { describe, expect, it } from 'vitest'
import { tokenDigest } from '../../functions/core/model/index.js'
import { getTokenByDigest, listTokens } from '../../functions/store/index.js'
import { createOwnerToken } from '../../infra/create-owner-token.js'
import { testApi, testDb } from '../support/test-db.js'

describe('creating the first owner token in a deployed journal', () => {
  it('stores only the digest of the secret, under the person, where the API looks it up', async () => {
    const db = await testDb()
    const { secret, token } = await createOwnerToken(
      db,
      'jansen',
      'Phone of J. Jansen',
      new Date('2015-03-16T09:00:00Z'),
    )
    expect(secret).toMatch(/^oaj_[\w-]{43}$/)
    expect(token).toMatchObject({
      person: 'jansen',
      label: 'Phone of J. Jansen',
      digest: tokenDigest(secret),
      createdAt: '2015-03-16T09:00:00.000Z',
    })
    expect(JSON.stringify(await getTokenByDigest(db, tokenDigest(secret)))).not.toContain(secret)
    expect(await listTokens(db, 'jansen')).toEqual([token])
  })

  it('makes a token the API accepts', async () => {
    const { db, app } = await testApi()
    const { secret } = await createOwnerToken(db, 'test-person', 'laptop')
    expect((await app.request('/api/export', { headers: { Authorization: 'Bearer oaj_not-a-token' } })).status).toBe(
      401,
    )
    const answer = await app.request('/api/export', { headers: { Authorization: `Bearer ${secret}` } })
    expect(answer.status).toBe(200)
  })

  it('refuses a token without a label', async () => {
    await expect(createOwnerToken({} as never, 'jansen', '  ')).rejects.toThrow(/label of 1 to 100 characters/)
  })
})
