import { beforeEach, describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import type { Servant } from '../../functions/core/model/index.js'
import { codeBuildParts, sqsQueue } from '../../functions/lambda/publish.js'
import {
  buildSizeFor,
  PartBuildFailedError,
  partsGoneStale,
  partsToPublish,
  PublishDeferredError,
  publishPart,
  type BuildStatus,
  type PartBuildRequest,
  type PartPublisherDeps,
} from '../../functions/publish/part-publisher.js'
import { addServant, getPublishState, putOrganisation, putPublishState, type Db } from '../../functions/store/index.js'
import { keys } from '../../functions/store/keys.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

const ROOT = '@organisation'
const SMALL = { heapMb: 768, compute: 'small' } as const
const at = '2015-01-01T08:00:00.000Z'
const servant = (person: string, name: string): Servant => ({
  person,
  name,
  role: 'Adviseur',
  status: 'active',
  createdAt: at,
  updatedAt: at,
  version: 1,
})

/** The AWS side in memory: the snapshot bucket, the build project (each build ends as scripted), the queue. */
function fakeAws(db: Db, script: { starts?: (string | null)[]; statuses?: BuildStatus[] } = {}) {
  const objects = new Map<string, string>()
  const started: PartBuildRequest[] = []
  const queued: string[] = []
  const slept: number[] = []
  let clock = Date.parse('2015-03-27T12:00:00Z')
  let start = 0
  let look = 0
  const deps: PartPublisherDeps = {
    db,
    person: 'anna',
    snapshots: { put: async (key, body) => void objects.set(key, body), get: async (key) => objects.get(key) },
    builds: {
      start: async (request) => {
        const answer = script.starts?.[start++]
        if (answer === null) return null
        started.push(request)
        return answer ?? `build-${started.length}`
      },
      status: async () => script.statuses?.[look++] ?? 'SUCCEEDED',
    },
    queue: { send: async (parts) => void queued.push(...parts) },
    wait: {
      until: clock + 10 * 60_000,
      pollMs: 15_000,
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms)
        clock += ms
      },
    },
  }
  return { deps, objects, started, queued, slept, now: () => clock, advance: (ms: number) => (clock += ms) }
}

let db: Db

describe('publishing an organisation in AWS, one part at a time', () => {
  beforeEach(async () => {
    db = await testDb()
    await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: at, version: 1 }, 0)
    for (const [person, name] of [
      ['bram', 'Bram Visser'],
      ['wouter', 'Wouter Bos'],
    ] as const)
      await addServant(db, servant(person, name), newToken(person, 'first token', new Date(at)).token)
    const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
    bram.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
    bram.entry({ start: '2015-03-18T10:00', title: 'CanaryPrivateBram', visibility: 'private' })
    bram.entry({ start: '2015-03-19T10:00', title: 'CanaryEmbargoBram', publishAfter: '2015-04-01T00:00:00Z' })
    await bram.saveTo(db)
    const wouter = new JournalBuilder('wouter', 'tok-wouter').withProfile({ name: 'Wouter Bos' })
    wouter.entry({ start: '2015-03-16T10:00', title: 'Werkbezoek Zwolle' })
    await wouter.saveTo(db)
  })

  it("asks for the changed journal's section; the organisation's item or a servant's record, every part", async () => {
    const entry = keys.entry('bram', '01E1').pk
    // Wouter's section is online and unchanged: not asked for (a section never built would be).
    await putPublishState(db, { part: 'wouter', published: { buildId: 'b', exportedAt: at } })
    expect(await partsToPublish(db, 'anna', [entry, keys.token('ab').pk])).toEqual(['bram'])
    expect(await partsToPublish(db, 'anna', [keys.servant('wouter').pk])).toEqual(['bram', 'wouter', ROOT])
    expect(await partsToPublish(db, 'anna', ['ORGANISATION'])).toEqual(['bram', 'wouter', ROOT])
    expect(await partsToPublish(db, 'anna', [keys.token('ab').pk, keys.session('bram', 's').pk])).toEqual([])
  })

  it("builds the one servant's section when the deployment's own first entry turns their site into one", async () => {
    const single = await testDb()
    await addServant(single, servant('bram', 'Bram Visser'), newToken('bram', 'first token', new Date(at)).token)
    const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
    bram.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
    await bram.saveTo(single)
    // Bram's journal is the whole site, at the root.
    const aws = fakeAws(single)
    expect(await partsToPublish(single, 'anna', [keys.entry('bram', '01E1').pk])).toEqual([ROOT])
    await publishPart(aws.deps, ROOT, aws.now() - 60_000)
    // Anna (JOURNAL_PERSON, no servant record) logs her first entry: the root becomes the
    // organisation's pages, so Bram's journal must get its section under /bram/.
    const anna = new JournalBuilder('anna', 'tok-anna').withProfile({ name: 'Anna de Vries' })
    anna.entry({ start: '2015-03-18T10:00', title: 'Overleg Den Haag' })
    await anna.saveTo(single)
    expect((await partsToPublish(single, 'anna', [keys.entry('anna', '01E2').pk])).sort()).toEqual(['anna', 'bram'])
  })

  it("builds nothing while a servant's slug names an organisation page, and says whom to rename", async () => {
    // A slug stored before "agenda" was reserved: its section would overwrite, then delete, /agenda/.
    await addServant(db, servant('agenda', 'Agenda Beheer'), newToken('agenda', 'first token', new Date(at)).token)
    const aws = fakeAws(db)
    await expect(publishPart(aws.deps, 'agenda', aws.now())).rejects.toThrow(
      /The servant "agenda" cannot have a section/,
    )
    await expect(publishPart(aws.deps, ROOT, aws.now())).rejects.toThrow(/The servant "agenda" cannot have a section/)
    expect(aws.started).toEqual([])
    expect([...aws.objects.keys()]).toEqual([])
  })

  it('builds a one-journal site at the root, whatever part the change names', async () => {
    const single = await testDb()
    const anna = new JournalBuilder('anna', 'tok-anna').withProfile({ name: 'Anna de Vries' })
    anna.entry({ start: '2015-03-17T10:00', title: 'Overleg Den Haag' })
    await anna.saveTo(single)
    expect(await partsToPublish(single, 'anna', [keys.entry('anna', '01E1').pk])).toEqual([ROOT])
    const aws = fakeAws(single)
    const outcome = await publishPart(aws.deps, ROOT, aws.now() - 60_000)
    expect(outcome.outcome).toBe('published')
    expect(aws.started).toEqual([{ part: ROOT, snapshotKey: 'organisation.json', base: '/', prefix: '', size: SMALL }])
    expect(JSON.parse(aws.objects.get('organisation.json')!).entries.map((e: { title: string }) => e.title)).toEqual([
      'Overleg Den Haag',
    ])
    expect(await publishPart(aws.deps, 'anna', aws.now())).toEqual({ outcome: 'not-on-site', part: 'anna' })
  })

  it("exports a section's public snapshot for its build into the servant's folder, then asks for root", async () => {
    const aws = fakeAws(db)
    const outcome = await publishPart(aws.deps, 'bram', aws.now() - 60_000)
    expect(outcome).toMatchObject({ outcome: 'published', part: 'bram', buildId: 'build-1' })
    expect(aws.started).toEqual([
      { part: 'bram', snapshotKey: 'people/bram.json', base: '/bram', prefix: 'bram/', size: SMALL },
    ])
    const snapshot = aws.objects.get('people/bram.json')!
    expect(snapshot).toContain('Overleg Utrecht')
    expect(snapshot).not.toContain('CanaryPrivateBram')
    expect(snapshot).not.toContain('CanaryEmbargoBram')
    expect(aws.queued).toEqual([ROOT])
    // The embargo's end is when the section goes stale by itself.
    expect((await getPublishState(db, 'bram')).published).toMatchObject({
      buildId: 'build-1',
      nextChangeAt: '2015-04-01T00:00:00Z',
    })
  })

  it("builds the root from the sections' snapshots as published, exporting a section never exported", async () => {
    const aws = fakeAws(db)
    await publishPart(aws.deps, 'bram', aws.now() - 60_000)
    // Bram's snapshot in the bucket is what his section shows; the root must agree with it.
    aws.objects.set(
      'people/bram.json',
      aws.objects.get('people/bram.json')!.replace('Overleg Utrecht', 'Overleg Amersfoort'),
    )
    await publishPart(aws.deps, ROOT, aws.now())
    const root = JSON.parse(aws.objects.get('organisation.json')!)
    expect(root.entries.map((e: { person: string; title: string }) => `${e.person}: ${e.title}`)).toEqual([
      'wouter: Werkbezoek Zwolle',
      'bram: Overleg Amersfoort',
      // The embargoed entry is a closed slot until the embargo ends.
      'bram: Besloten afspraak',
    ])
    expect(aws.objects.has('people/wouter.json')).toBe(true)
    expect(aws.objects.get('organisation.json')).not.toMatch(/CanaryPrivateBram|CanaryEmbargoBram/)
    expect(aws.started.at(-1)).toEqual({
      part: ROOT,
      snapshotKey: 'organisation.json',
      base: '/',
      prefix: '',
      size: SMALL,
    })
  })

  it('does not build again for a request sent before the export of a build that went online', async () => {
    const aws = fakeAws(db)
    const sentBefore = aws.now() - 60_000
    await publishPart(aws.deps, 'bram', sentBefore)
    aws.advance(120_000)
    const outcome = await publishPart(aws.deps, 'bram', sentBefore + 1_000)
    expect(outcome.outcome).toBe('already-published')
    expect(aws.started).toHaveLength(1)
    // A request sent after that export is built.
    expect((await publishPart(aws.deps, 'bram', aws.now())).outcome).toBe('published')
    expect(aws.started).toHaveLength(2)
  })

  it('waits for a build an earlier invocation left running, and counts it when it went online', async () => {
    const aws = fakeAws(db, { statuses: ['IN_PROGRESS', 'IN_PROGRESS', 'SUCCEEDED'] })
    const exportedAt = new Date(aws.now() - 30_000).toISOString()
    await putPublishState(db, { part: 'bram', building: { buildId: 'left-running', exportedAt } })
    const outcome = await publishPart(aws.deps, 'bram', aws.now() - 90_000)
    expect(outcome).toEqual({ outcome: 'already-published', part: 'bram', exportedAt })
    expect(aws.slept).toEqual([15_000, 15_000])
    expect(aws.started).toEqual([])
    expect(await getPublishState(db, 'bram')).toEqual({
      part: 'bram',
      published: { buildId: 'left-running', exportedAt },
    })
    expect(aws.queued).toEqual([ROOT])
  })

  it('waits longer each time the account refuses a build, and hands the request back when time runs out', async () => {
    const aws = fakeAws(db, { starts: [null, null, 'build-after-quota'] })
    expect(await publishPart(aws.deps, 'bram', aws.now() - 60_000)).toMatchObject({ buildId: 'build-after-quota' })
    expect(aws.slept.slice(0, 2)).toEqual([5_000, 10_000])

    const refused = fakeAws(db, { starts: Array(50).fill(null) })
    await expect(publishPart(refused.deps, 'wouter', refused.now() - 60_000)).rejects.toThrow(PublishDeferredError)
    expect(refused.slept.slice(0, 6)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000])
    expect(refused.now()).toBeLessThanOrEqual(refused.deps.wait.until)
    expect((await getPublishState(db, 'wouter')).building).toBeUndefined()
  })

  it('fails loudly when a build fails, and the stale check does not retry that part every 15 minutes', async () => {
    const aws = fakeAws(db, { statuses: ['SUCCEEDED', 'FAILED'] })
    await publishPart(aws.deps, 'bram', aws.now() - 60_000)
    expect(await partsGoneStale(db, new Date('2015-04-01T00:05:00Z'))).toEqual(['bram'])
    aws.advance(Date.parse('2015-04-01T00:05:00Z') - aws.now())
    await expect(publishPart(aws.deps, 'bram', aws.now())).rejects.toThrow(PartBuildFailedError)
    expect((await getPublishState(db, 'bram')).failed).toMatchObject({ buildId: 'build-2' })
    expect(await partsGoneStale(db, new Date('2015-04-01T00:20:00Z'))).toEqual([])
    // The root is asked for after the section's success only.
    expect(aws.queued).toEqual([ROOT])
    // The next build that goes online puts the failure behind it.
    await publishPart(aws.deps, 'bram', aws.now())
    expect(await getPublishState(db, 'bram')).toEqual({
      part: 'bram',
      published: expect.objectContaining({ buildId: 'build-3' }),
    })
  })

  it('finds nothing stale before an embargo ends, and the section whose embargo ended after it', async () => {
    const aws = fakeAws(db)
    await publishPart(aws.deps, 'bram', aws.now() - 60_000)
    await publishPart(aws.deps, 'wouter', aws.now() - 60_000)
    expect(await partsGoneStale(db, new Date('2015-03-31T23:59:00Z'))).toEqual([])
    expect(await partsGoneStale(db, new Date('2015-04-01T00:00:00Z'))).toEqual(['bram'])
  })
})

describe('the size of a build', () => {
  it('gives a section the default heap on the small machine, a large organisation more, then a large one', () => {
    expect(buildSizeFor(300)).toEqual(SMALL)
    expect(buildSizeFor(15_000)).toEqual({ heapMb: 1_024, compute: 'small' })
    expect(buildSizeFor(50_000)).toEqual({ heapMb: 2_816, compute: 'small' })
    expect(buildSizeFor(150_000)).toEqual({ heapMb: 7_936, compute: 'large' })
  })

  it('refuses a part larger than one build can render, saying how large it is', () => {
    expect(() => buildSizeFor(400_000)).toThrow(/holds 400000 entries, more than one build can render/)
  })
})

describe('the publish function on AWS', () => {
  it("starts a part's build with its variables, and tells a refused start from a failure", async () => {
    const sent: { input: Record<string, unknown> }[] = []
    const answers: (() => unknown)[] = [
      () => ({ build: { id: 'p:1' } }),
      () => {
        throw Object.assign(new Error('Cannot have more than 1 builds in queue for the account'), {
          name: 'AccountLimitExceededException',
        })
      },
      () => {
        throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' })
      },
      () => ({ builds: [{ buildStatus: 'TIMED_OUT' }] }),
    ]
    const client = {
      send: async (command: { input: Record<string, unknown> }) => {
        sent.push(command)
        return answers.shift()!()
      },
    }
    const builds = codeBuildParts(client as never, 'site-build')
    const request = { part: 'bram', snapshotKey: 'people/bram.json', base: '/bram', prefix: 'bram/', size: SMALL }
    expect(await builds.start(request)).toBe('p:1')
    expect(sent[0]!.input).toEqual({
      projectName: 'site-build',
      environmentVariablesOverride: [
        { name: 'JOURNAL_PART', value: 'bram', type: 'PLAINTEXT' },
        { name: 'SNAPSHOT_KEY', value: 'people/bram.json', type: 'PLAINTEXT' },
        { name: 'JOURNAL_SITE_BASE', value: '/bram', type: 'PLAINTEXT' },
        { name: 'SITE_PREFIX', value: 'bram/', type: 'PLAINTEXT' },
        { name: 'JOURNAL_SITE_BUILD_HEAP_MB', value: '768', type: 'PLAINTEXT' },
      ],
    })
    expect(await builds.start({ ...request, size: { heapMb: 8_192, compute: 'large' } })).toBeNull()
    expect(sent[1]!.input).toMatchObject({
      computeTypeOverride: 'BUILD_GENERAL1_LARGE',
      environmentVariablesOverride: expect.arrayContaining([
        { name: 'JOURNAL_SITE_BUILD_HEAP_MB', value: '8192', type: 'PLAINTEXT' },
      ]),
    })
    await expect(builds.start(request)).rejects.toThrow('denied')
    expect(await builds.status('p:1')).toBe('FAILED')
  })

  it('sends requests in batches of ten, each part its own message group', async () => {
    const batches: { Entries: { MessageGroupId: string; MessageBody: string }[] }[] = []
    const client = {
      send: async (command: { input: never }) => {
        batches.push(command.input)
        return { Failed: [] }
      },
    }
    const parts = Array.from({ length: 12 }, (_, i) => `servant-${i}`)
    await sqsQueue(client as never, 'https://sqs/queue.fifo').send(parts)
    expect(batches.map((b) => b.Entries.length)).toEqual([10, 2])
    expect(batches[1]!.Entries.map((e) => [e.MessageGroupId, JSON.parse(e.MessageBody).part])).toEqual([
      ['servant-10', 'servant-10'],
      ['servant-11', 'servant-11'],
    ])
  })
})
