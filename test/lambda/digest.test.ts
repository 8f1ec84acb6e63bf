import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { inject } from 'vitest'
import type { DigestJob } from '../../functions/core/digest/index.js'
import { normalizeEntryInput, newEntry, DEFAULT_SETTINGS as AMSTERDAM } from '../../functions/core/model/index.js'
import { createEntry, getDigest, listDigests, type Db } from '../../functions/store/index.js'
import {
  generateDigest,
  generateDigestsBetween,
  generatePastDigests,
  runWeeklyDigest,
} from '../../functions/journal/index.js'
import { entryInput, PERSON, testDb } from '../support/test-db.js'

const MONDAY_7AM = new Date('2015-03-23T06:00:00Z')

async function journalWith(...entries: (string | Record<string, unknown>)[]): Promise<Db> {
  const db = await testDb()
  for (const [n, input] of entries.entries()) {
    const overrides = typeof input === 'string' ? { start: input } : input
    const entry = newEntry(
      normalizeEntryInput(entryInput({ end: undefined, ...overrides }), AMSTERDAM_JOURNAL),
      PERSON,
      new Date('2015-03-01T08:00:00Z'),
      `E${String(n).padStart(3, '0')}`,
    )
    await createEntry(db, entry, { by: 'test' })
  }
  return db
}

describe('the weekly digest job', () => {
  it('on Monday 07:00 publishes the digest of the week that just ended, once, however often it runs', async () => {
    const db = await journalWith('2015-03-16T10:00', '2015-03-22T23:30', '2015-03-23T09:00')
    const first = await runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'publish' })
    expect(first).toMatchObject({ week: '2015-W12', outcome: 'created', digest: { status: 'published', version: 1 } })
    expect(first.digest!.items).toHaveLength(2)
    const again = await runWeeklyDigest({ db, person: PERSON, now: new Date('2015-03-23T06:05:00Z'), mode: 'publish' })
    expect(again).toEqual({ ...first, outcome: 'unchanged' })
    expect((await listDigests(db, PERSON)).items).toHaveLength(1)
  })

  it('leaves a draft for review in draft mode, and a later run never overrides the status', async () => {
    const db = await journalWith('2015-03-16T10:00')
    expect((await runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'draft' })).digest!.status).toBe('draft')
    expect(await runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'publish' })).toMatchObject({
      outcome: 'unchanged',
      digest: { status: 'draft' },
    })
  })

  it('survives two runs at the same time: one digest, one of them creates it', async () => {
    const db = await journalWith('2015-03-16T10:00', '2015-03-18T10:00')
    const runs = await Promise.all(
      [1, 2, 3].map(() => runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'publish' })),
    )
    expect(runs.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged', 'unchanged'])
    expect((await getDigest(db, PERSON, '2015-W12'))!.version).toBe(1)
  })

  it('does nothing for a week without public entries', async () => {
    const db = await journalWith('2015-03-09T10:00')
    expect(await runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'publish' })).toMatchObject({
      week: '2015-W12',
      outcome: 'empty',
    })
    expect(await getDigest(db, PERSON, '2015-W12')).toBeUndefined()
    // The week before had an entry: the catch-up over the last weeks digests it.
    expect((await listDigests(db, PERSON)).items.map((d) => d.week)).toEqual(['2015-W11'])
  })

  it('generates the digests of a range of weeks across a year end, again without changes', async () => {
    const db = await journalWith('2015-12-21T10:00', '2016-01-03T10:00', '2016-01-05T10:00')
    const now = new Date('2016-01-18T06:00:00Z')
    const outcomes = await generateDigestsBetween(db, PERSON, '2015-W52', '2016-W02', {
      now,
      mode: 'publish',
      settings: AMSTERDAM,
    })
    expect(outcomes.map((o) => [o.week, o.outcome])).toEqual([
      ['2015-W52', 'created'],
      ['2015-W53', 'created'],
      ['2016-W01', 'created'],
      ['2016-W02', 'empty'],
    ])
    const again = await generateDigestsBetween(db, PERSON, '2015-W52', '2016-W02', {
      now,
      mode: 'publish',
      settings: AMSTERDAM,
    })
    expect(again.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'empty'])
    expect((await listDigests(db, PERSON)).items.map((d) => d.week)).toEqual(['2016-W01', '2015-W53', '2015-W52'])
  })

  it('selects the same items week by week as for one week at a time (first-time counterparts included)', async () => {
    // W11 names Gemeente 0–5; W12 has twelve lectures (Gemeente 0–11) and a late meeting with a newcomer.
    const entries = [
      ...Array.from({ length: 6 }, (_, n) => ({
        start: `2015-03-1${n % 5}T10:00`,
        counterparts: [{ name: `Gemeente ${n}`, type: 'gemeente' }],
      })),
      ...Array.from({ length: 12 }, (_, n) => ({
        start: `2015-03-${16 + (n % 5)}T${10 + Math.floor(n / 5)}:00`,
        kind: 'lecture',
        counterparts: [{ name: `Gemeente ${n}`, type: 'gemeente' }],
      })),
      {
        start: '2015-03-22T10:00',
        kind: 'meeting',
        counterparts: [{ name: 'Waterschap Vechtstromen', type: 'waterschap' }],
      },
    ]
    const [batch, single] = [await journalWith(...entries), await journalWith(...entries)]
    const together = await generateDigestsBetween(batch, PERSON, '2015-W11', '2015-W12', {
      now: MONDAY_7AM,
      mode: 'publish',
      settings: AMSTERDAM,
    })
    for (const outcome of together) {
      const alone = await generateDigest(single, PERSON, outcome.week, {
        now: MONDAY_7AM,
        defaultStatus: 'published',
        settings: AMSTERDAM,
      })
      expect(alone.digest!.items).toEqual(outcome.digest!.items)
    }
    expect(together[1]!.digest!.items.map((i) => i.line)).toContain(
      'zo 22 mrt · overleg · Waterschap Vechtstromen · zelfsturing',
    )
  })

  it('generates every past week from the first entry on (npm start), but not the running week', async () => {
    const db = await journalWith('2015-03-04T10:00', '2015-03-16T10:00', '2015-03-24T10:00')
    const outcomes = await generatePastDigests(db, PERSON, new Date('2015-03-25T12:00:00Z'), 'publish')
    expect(outcomes.map((o) => [o.week, o.outcome])).toEqual([
      ['2015-W10', 'created'],
      ['2015-W11', 'empty'],
      ['2015-W12', 'created'],
    ])
    expect(await generatePastDigests(await testDb(), PERSON, MONDAY_7AM, 'publish')).toEqual([])
  })

  it('dates each back-filled or caught-up digest at its own Monday 07:00, not at the moment it was made', async () => {
    const db = await journalWith('2015-03-16T10:00', '2015-03-31T10:00')
    const outcomes = await generatePastDigests(db, PERSON, new Date('2015-06-01T12:00:00Z'), 'publish')
    // Monday 07:00 in Amsterdam: 06:00 UTC in winter time, 05:00 UTC once summer time began on 29 March.
    expect(outcomes.flatMap((o) => (o.digest ? [[o.week, o.digest.publishedAt]] : []))).toEqual([
      ['2015-W12', '2015-03-23T06:00:00.000Z'],
      ['2015-W14', '2015-04-06T05:00:00.000Z'],
    ])
  })

  it('dates a digest the servant publishes by hand at the moment of publishing', async () => {
    const db = await journalWith('2015-03-16T10:00')
    await runWeeklyDigest({ db, person: PERSON, now: MONDAY_7AM, mode: 'draft' })
    const published = await generateDigest(db, PERSON, '2015-W12', {
      now: new Date('2015-03-25T15:00:00Z'),
      defaultStatus: 'draft',
      request: { status: 'published' },
      settings: AMSTERDAM,
    })
    expect(published.digest?.publishedAt).toBe('2015-03-25T15:00:00.000Z')
  })
})

describe('the digest Lambda handler', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
    vi.resetModules()
  })

  const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/digest-jobs'

  async function functionFor(db: Db, env: Record<string, string> = {}) {
    vi.stubEnv('JOURNAL_DYNAMODB_ENDPOINT', inject('dynamodbEndpoint'))
    vi.stubEnv('JOURNAL_TABLE', db.table)
    vi.stubEnv('JOURNAL_PERSON', PERSON)
    vi.stubEnv('JOURNAL_DIGEST_QUEUE_URL', QUEUE_URL)
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
    vi.resetModules()
    return import('../../functions/lambda/digest.js')
  }

  /** The digest function with its queue in memory: what the looks queue, the test hands back as SQS records. */
  async function withMemoryQueue(db: Db, mode: 'publish' | 'draft') {
    const { digestHandler } = await functionFor(db)
    const queued: DigestJob[] = []
    const handler = digestHandler({
      db,
      person: PERSON,
      mode,
      queue: { send: async (jobs) => void queued.push(...jobs) },
    })
    const records = () => queued.map((job, n) => ({ messageId: `m${n}`, body: JSON.stringify(job) }))
    return { handler, queued, records }
  }

  it('queues the journal at its Monday 07:00, then digests last week once, however often the job runs', async () => {
    const db = await journalWith('2015-03-16T10:00')
    const { handler, queued, records } = await withMemoryQueue(db, 'draft')
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const event = { source: 'journal.weekly-digest', scheduledTime: '2015-03-23T06:00:00Z' }
    expect(await handler(event)).toEqual({ scheduledTime: '2015-03-23T06:00:00.000Z', queued: [PERSON] })
    expect(queued).toEqual([{ person: PERSON, scheduledTime: '2015-03-23T06:00:00.000Z' }])
    expect(await handler({ Records: records() })).toEqual({ batchItemFailures: [] })
    expect(await getDigest(db, PERSON, '2015-W12')).toMatchObject({ status: 'draft', version: 1 })
    // A retried job (or a second look at the same quarter hour) writes nothing new.
    expect(await handler({ Records: records() })).toEqual({ batchItemFailures: [] })
    expect(await getDigest(db, PERSON, '2015-W12')).toMatchObject({ version: 1 })
  })

  it('queues nothing at a quarter hour that is not the journal’s Monday 07:00', async () => {
    const db = await journalWith('2015-03-16T10:00')
    const { handler, queued } = await withMemoryQueue(db, 'publish')
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await handler({ scheduledTime: '2015-03-23T06:15:00Z' })).toMatchObject({ queued: [] })
    expect(queued).toEqual([])
  })

  it('returns only the failed job to the queue, and says in the log which one', async () => {
    const db = await journalWith('2015-03-16T10:00')
    const { handler } = await withMemoryQueue(db, 'publish')
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const good = { messageId: 'good', body: JSON.stringify({ person: PERSON, scheduledTime: '2015-03-23T06:00:00Z' }) }
    const bad = { messageId: 'bad', body: JSON.stringify({ person: PERSON, scheduledTime: 'Monday' }) }
    expect(await handler({ Records: [bad, good] })).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] })
    expect(await getDigest(db, PERSON, '2015-W12')).toMatchObject({ status: 'published' })
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('scheduledTime'))
  })

  it('publishes by default', async () => {
    const db = await journalWith('2015-03-16T10:00')
    const { handler } = await functionFor(db)
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const job = { person: PERSON, scheduledTime: '2015-03-23T06:00:00Z' }
    expect(await handler({ Records: [{ messageId: 'm1', body: JSON.stringify(job) }] })).toEqual({
      batchItemFailures: [],
    })
    expect(await getDigest(db, PERSON, '2015-W12')).toMatchObject({ status: 'published' })
  })

  it.each([
    [{ JOURNAL_DIGEST_MODE: 'publsh' }, /JOURNAL_DIGEST_MODE/],
    [{ JOURNAL_DIGEST_QUEUE_URL: '' }, /JOURNAL_DIGEST_QUEUE_URL is not set/],
  ])('refuses to start with %j', async (env, message) => {
    const db = await testDb()
    await expect(functionFor(db, env)).rejects.toThrow(message)
  })
})

describe('the weekly digest job after an outage', () => {
  it('fails loudly while the database is down and makes the lost week good on the next Monday', async () => {
    const db = await journalWith('2015-03-16T10:00', '2015-03-24T10:00')
    const { createDb } = await import('../../functions/store/index.js')
    const { freePort } = await import('../../functions/local/dynamodb-local.js')
    const unreachable = createDb({ endpoint: `http://127.0.0.1:${await freePort()}`, table: db.table })
    await expect(
      runWeeklyDigest({ db: unreachable, person: PERSON, now: MONDAY_7AM, mode: 'publish' }),
    ).rejects.toThrow()
    expect((await listDigests(db, PERSON)).items).toHaveLength(0)

    const nextMonday = new Date('2015-03-30T05:00:00Z')
    const outcome = await runWeeklyDigest({ db, person: PERSON, now: nextMonday, mode: 'publish' })
    expect(outcome).toMatchObject({ week: '2015-W13', outcome: 'created' })
    expect((await getDigest(db, PERSON, '2015-W12'))?.status).toBe('published')
  })
})
