import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { describe, expect, it } from 'vitest'
import {
  newEntry,
  newPost,
  normalizeEntryInput,
  normalizePostContent,
  postCreateSchema,
  revisedEntry,
  type Profile,
} from '../../functions/core/model/index.js'
import type { Digest } from '../../functions/core/digest/index.js'
import {
  createEntry,
  createPost,
  listPosts,
  putDigest,
  putProfile,
  putSession,
  putToken,
  sourceLookupItem,
  updateEntry,
  type Db,
} from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { testDb } from '../support/test-db.js'

const P = 'anna'
const ID = '01E00000000000000000000001'
const AT = new Date('2015-03-16T18:00:00Z')
const LATER = new Date('2015-03-17T08:00:00Z')

/** Every stored item's keys, as DynamoDB holds them, in a stable order. */
async function storedKeys(db: Db): Promise<string[][]> {
  const out = await db.client.send(new ScanCommand({ TableName: db.table }))
  return (out.Items ?? [])
    .map((item) => ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => item[name]?.S ?? '-'))
    .sort((a, b) => a.join(' ').localeCompare(b.join(' ')))
}

describe('the stored key layout', () => {
  // Literal keys: a change here is a change to what existing tables hold, and needs a migration.
  it('stays exactly as existing tables hold it', async () => {
    const db = await testDb()
    const at = AT.toISOString()
    const content = normalizeEntryInput(
      {
        start: '2015-03-16T10:00',
        title: 'Overleg',
        kind: 'meeting',
        visibility: 'public',
        status: 'held',
        counterparts: [],
        themes: [],
      },
      AMSTERDAM_JOURNAL,
    )
    const entry = newEntry(content, P, AT, ID)
    await createEntry(db, entry, { by: 'tok', alsoPut: sourceLookupItem(P, 'uid-1@calendar', ID) })
    await updateEntry(db, entry, revisedEntry(entry, { ...content, title: 'Overleg (verzet)' }, LATER), { by: 'tok' })
    const profile: Profile = {
      person: P,
      name: 'Anna',
      role: 'CIO',
      organisation: 'BZK',
      links: [],
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
      updatedAt: at,
      version: 1,
    }
    const post = (slug: string, status: string, publishedAt?: string) => {
      const input = { slug, title: 'Verslag', kind: 'note', body: 'Tekst', status, ...(publishedAt && { publishedAt }) }
      return newPost(slug, normalizePostContent(input, AT, postCreateSchema), P, AT)
    }
    await createPost(db, post('jaarverslag', 'published', '2015-07-01T08:00:00Z'), { by: 'tok' })
    await createPost(db, post('concept', 'draft'), { by: 'tok' })
    await putProfile(db, profile, 0)
    const digest: Digest = {
      person: P,
      week: '2015-W12',
      items: [],
      moreCount: 0,
      withheldCount: 0,
      intro: '',
      status: 'draft',
      generatedAt: at,
      updatedAt: at,
      version: 1,
    }
    await putDigest(db, digest, 0)
    await putToken(db, { id: 'tok-1', person: P, label: 'laptop', digest: 'ab12', createdAt: at })
    await putSession(db, { sid: 'sid-1', person: P, tokenId: 'tok-1', createdAt: at, expiresAt: 1_500_000_000 })
    // The first cursor given out stores the key that seals every cursor.
    expect((await listPosts(db, P, { limit: 1 })).cursor).toEqual(expect.any(String))

    const E = `ENTRY#anna#${ID}`
    const CHANGES = 'PERSON#anna#CHANGES'
    // pk, sk, gsi1pk, gsi1sk (timeline), gsi2pk, gsi2sk (change log); '-' where the item has none
    expect(await storedKeys(db)).toEqual([
      [
        'DIGEST#anna#2015-W12',
        'DIGEST',
        'PERSON#anna#DIGESTS',
        '2015-W12',
        CHANGES,
        '2015-03-16T18:00:00.000Z#DIGEST#anna#2015-W12',
      ],
      [E, 'ENTRY', 'PERSON#anna#ENTRIES', `2015-03-16T09:00:00.000Z#${ID}`, CHANGES, `2015-03-17T08:00:00.000Z#${E}`],
      [E, 'REV#00000001', '-', '-', CHANGES, `2015-03-16T18:00:00.000Z#${E}#REV`],
      [E, 'REV#00000002', '-', '-', CHANGES, `2015-03-17T08:00:00.000Z#${E}#REV`],
      ['ORGANISATION', 'CURSOR_KEY', '-', '-', '-', '-'],
      [
        'POST#anna#concept',
        'POST',
        'PERSON#anna#POSTS',
        '~draft#2015-03-16T18:00:00.000Z#concept',
        CHANGES,
        '2015-03-16T18:00:00.000Z#POST#anna#concept',
      ],
      ['POST#anna#concept', 'REV#00000001', '-', '-', CHANGES, '2015-03-16T18:00:00.000Z#POST#anna#concept#REV'],
      [
        'POST#anna#jaarverslag',
        'POST',
        'PERSON#anna#POSTS',
        '2015-07-01T08:00:00Z#jaarverslag',
        CHANGES,
        '2015-03-16T18:00:00.000Z#POST#anna#jaarverslag',
      ],
      [
        'POST#anna#jaarverslag',
        'REV#00000001',
        '-',
        '-',
        CHANGES,
        '2015-03-16T18:00:00.000Z#POST#anna#jaarverslag#REV',
      ],
      ['PROFILE#anna', 'PROFILE', '-', '-', CHANGES, '2015-03-16T18:00:00.000Z#PROFILE'],
      ['SESSION#anna#sid-1', 'SESSION', 'PERSON#anna#SESSIONS', 'tok-1#sid-1', '-', '-'],
      ['SOURCE#anna#uid-1@calendar', 'SOURCE', '-', '-', CHANGES, '0000#SOURCE#anna#uid-1@calendar'],
      ['TOKEN#ab12', 'TOKEN', 'PERSON#anna#TOKENS', '2015-03-16T18:00:00.000Z#tok-1', '-', '-'],
    ])
  })
})
