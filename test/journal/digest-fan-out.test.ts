import { describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import type { DigestJob } from '../../functions/core/digest/index.js'
import type { Servant } from '../../functions/core/model/index.js'
import { queueDueDigests, type DigestQueue } from '../../functions/journal/index.js'
import { addServant, getProfile, putProfile, type Db } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

const OWN = 'demo'
/** Monday 23 March 2015, 07:00 in Amsterdam (winter time) and 06:00 in London. */
const AMSTERDAM_0700 = new Date('2015-03-23T06:00:00Z')
const LONDON_0700 = new Date('2015-03-23T07:00:00Z')

/** The queue as the fan-out sees it, keeping what it was sent. */
function memoryQueue() {
  const sent: DigestJob[][] = []
  const queue: DigestQueue = { send: async (jobs) => void sent.push([...jobs]) }
  return { queue, sent }
}

async function servant(db: Db, person: string, timezone: string | undefined, status: Servant['status'] = 'active') {
  const at = '2015-01-05T09:00:00Z'
  const record: Servant = { person, name: person, role: 'adviseur', status, createdAt: at, updatedAt: at, version: 1 }
  if (status === 'left') record.leftOn = '2015-02-27'
  await addServant(db, record, newToken(person, 'first token', new Date(at)).token)
  if (timezone) await new JournalBuilder(person).withProfile({ timezone }).saveTo(db)
}

const look = async (db: Db, at: Date) => {
  const { queue, sent } = memoryQueue()
  const jobs = await queueDueDigests({ db, person: OWN, at, queue })
  return { jobs, sent }
}

describe('the quarter-hourly look for weekly digests', () => {
  it('queues each active servant at Monday 07:00 of the zone in their profile, in one send', async () => {
    const db = await testDb()
    await servant(db, 'anna', 'Europe/Amsterdam')
    await servant(db, 'bram', 'Europe/London')
    await servant(db, 'cor', undefined) // no profile yet: the zone a new profile starts with
    const amsterdam = await look(db, AMSTERDAM_0700)
    expect(amsterdam.jobs).toEqual([
      { person: 'anna', scheduledTime: '2015-03-23T06:00:00.000Z' },
      { person: 'cor', scheduledTime: '2015-03-23T06:00:00.000Z' },
    ])
    expect(amsterdam.sent).toEqual([amsterdam.jobs])
    expect((await look(db, LONDON_0700)).jobs).toEqual([{ person: 'bram', scheduledTime: '2015-03-23T07:00:00.000Z' }])
  })

  it('sends nothing at a quarter hour that is no one’s Monday 07:00', async () => {
    const db = await testDb()
    await servant(db, 'anna', 'Europe/Amsterdam')
    expect(await look(db, new Date('2015-03-23T06:15:00Z'))).toEqual({ jobs: [], sent: [] })
  })

  it('finds a servant added or moved to another zone since the last look, without a deployment', async () => {
    const db = await testDb()
    await servant(db, 'anna', 'Europe/Amsterdam')
    expect((await look(db, LONDON_0700)).jobs).toEqual([])
    await servant(db, 'dewi', 'Europe/London')
    expect((await look(db, LONDON_0700)).jobs.map((j) => j.person)).toEqual(['dewi'])
    const anna = (await getProfile(db, 'anna'))!
    await putProfile(db, { ...anna, timezone: 'Europe/London', version: 2 }, 1)
    expect((await look(db, LONDON_0700)).jobs.map((j) => j.person)).toEqual(['anna', 'dewi'])
    expect((await look(db, AMSTERDAM_0700)).jobs).toEqual([])
  })

  it('gives a servant who left no new digests', async () => {
    const db = await testDb()
    await servant(db, 'anna', 'Europe/Amsterdam')
    await servant(db, 'evert', 'Europe/Amsterdam', 'left')
    expect((await look(db, AMSTERDAM_0700)).jobs.map((j) => j.person)).toEqual(['anna'])
  })

  it('includes the deployment’s own journal while it holds items and is no servant’s', async () => {
    const db = await testDb()
    expect((await look(db, AMSTERDAM_0700)).jobs).toEqual([]) // empty: nothing to digest
    const own = new JournalBuilder(OWN).withProfile({ timezone: 'Europe/Amsterdam' })
    own.entry({ start: '2015-03-16T10:00', title: 'Overleg' })
    await own.saveTo(db)
    expect((await look(db, AMSTERDAM_0700)).jobs.map((j) => j.person)).toEqual([OWN])
  })

  it('leaves the own journal out once it is a servant who left', async () => {
    const db = await testDb()
    const own = new JournalBuilder(OWN).withProfile({ timezone: 'Europe/Amsterdam' })
    own.entry({ start: '2015-03-16T10:00', title: 'Overleg' })
    await own.saveTo(db)
    await servant(db, OWN, undefined, 'left')
    expect((await look(db, AMSTERDAM_0700)).jobs).toEqual([])
  })

  it('queues each of a dozen servants in four zones exactly once over a Monday', async () => {
    const db = await testDb()
    const zones = ['Europe/Amsterdam', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/London']
    for (let n = 0; n < 12; n++) await servant(db, `s${String(n).padStart(2, '0')}`, zones[n % zones.length])
    const queued: string[] = []
    // Every quarter hour of Monday from 00:00 to 12:00 UTC: Kathmandu's 07:00 is 01:15, St. John's 09:30.
    for (let t = Date.parse('2015-03-23T00:00:00Z'); t < Date.parse('2015-03-23T12:00:00Z'); t += 15 * 60_000)
      queued.push(...(await look(db, new Date(t))).jobs.map((j) => j.person))
    expect(queued.sort()).toEqual(Array.from({ length: 12 }, (_, n) => `s${String(n).padStart(2, '0')}`))
  })
})
