import { describe, expect, it } from 'vitest'
import { newPost, normalizePostContent, postCreateSchema } from '../../functions/core/model/index.js'
import { freePort } from '../../functions/local/dynamodb-local.js'
import { BadCursorError, createDb, createPost, listPosts, type Db } from '../../functions/store/index.js'
import { testDb } from '../support/test-db.js'

const P = 'anna'
const AT = new Date('2015-07-01T08:00:00Z')

/** A journal with two published posts, so a listing of one per page gives out a cursor. */
async function journalOfTwoPosts(): Promise<Db> {
  const db = await testDb()
  for (const slug of ['een', 'twee']) {
    const input = { slug, title: slug, kind: 'note', body: 'Tekst', status: 'published', publishedAt: AT.toISOString() }
    await createPost(db, newPost(slug, normalizePostContent(input, AT, postCreateSchema), P, AT), { by: 'test' })
  }
  return db
}

describe('the key that seals cursors', () => {
  it('is the table’s own: a cursor of the same listing in another journal table is refused', async () => {
    const [one, two] = [await journalOfTwoPosts(), await journalOfTwoPosts()]
    const { cursor } = await listPosts(one, P, { limit: 1 })
    expect((await listPosts(one, P, { limit: 1, cursor })).items.map((p) => p.slug)).toEqual(['een'])
    await expect(listPosts(two, P, { limit: 1, cursor })).rejects.toBeInstanceOf(BadCursorError)
  })

  it('leaves a database that cannot be reached as that failure, not as a bad cursor', async () => {
    const db = await journalOfTwoPosts()
    const { cursor } = await listPosts(db, P, { limit: 1 })
    const closed = createDb({ endpoint: `http://127.0.0.1:${await freePort()}`, table: db.table })
    const error = await listPosts(closed, P, { limit: 1, cursor }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(BadCursorError)
  })
})
