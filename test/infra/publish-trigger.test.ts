import { describe, expect, it } from 'vitest'
import { SCHEDULED_PUBLISH_CHECK } from '../../functions/lambda/function-config.js'
import {
  codeBuildSiteBuilds,
  handler,
  publishIfDue,
  PublishDeferredError,
  requestPublish,
  type SiteBuild,
  type SiteBuilds,
} from '../../functions/lambda/publish.js'

const at = (iso: string) => Date.parse(iso)
const running = (id: string, phase: string): SiteBuild => ({ id, status: 'IN_PROGRESS', phase, startedAt: 0 })

/** A build project in memory: what it shows on each look, and whether a start is accepted. */
function fakeBuilds(looks: SiteBuild[][], startAccepted: boolean[] = [true]) {
  const started: string[] = []
  let look = 0
  let start = 0
  const builds: SiteBuilds = {
    recent: async () => looks[Math.min(look++, looks.length - 1)]!,
    start: async () => {
      if (!startAccepted[Math.min(start++, startAccepted.length - 1)]) return null
      started.push(`build-${started.length + 1}`)
      return started.at(-1)!
    },
  }
  return { builds, started }
}

function clock(start = 0) {
  let now = start
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
    elapsed: () => now - start,
  }
}

describe('the publish trigger, woken by journal changes', () => {
  it('starts a build when none is running', async () => {
    const { builds, started } = fakeBuilds([[{ id: 'old', status: 'SUCCEEDED', phase: 'COMPLETED', startedAt: 0 }]])
    await expect(requestPublish(builds, { until: 60_000, pollMs: 1_000 })).resolves.toEqual({
      outcome: 'started',
      buildId: 'build-1',
    })
    expect(started).toEqual(['build-1'])
  })

  it.each(['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD'])(
    'starts nothing while a build is still in %s: that build will export these changes too',
    async (phase) => {
      const { builds, started } = fakeBuilds([[running('b7', phase)]])
      await expect(requestPublish(builds, { until: 60_000, pollMs: 1_000 })).resolves.toEqual({
        outcome: 'coalesced',
        buildId: 'b7',
      })
      expect(started).toEqual([])
    },
  )

  it.each(['BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING'])(
    'waits for a build already in %s (it may have exported before the change), then starts the next',
    async (phase) => {
      const time = clock()
      const { builds, started } = fakeBuilds([[running('b7', phase)], [running('b7', phase)], []])
      await expect(requestPublish(builds, { until: 60_000, pollMs: 15_000, ...time })).resolves.toEqual({
        outcome: 'started',
        buildId: 'build-1',
      })
      expect(started).toEqual(['build-1'])
      expect(time.elapsed()).toBe(30_000)
    },
  )

  it('looks again when another trigger won the race to start, and joins that build', async () => {
    const time = clock()
    const { builds, started } = fakeBuilds([[], [running('theirs', 'QUEUED')]], [false])
    await expect(requestPublish(builds, { until: 60_000, pollMs: 1_000, ...time })).resolves.toEqual({
      outcome: 'coalesced',
      buildId: 'theirs',
    })
    expect(started).toEqual([])
  })

  it('gives up before its deadline so the stream can deliver the changes again', async () => {
    const time = clock()
    const { builds, started } = fakeBuilds([[running('slow', 'BUILD')]])
    await expect(requestPublish(builds, { until: 50_000, pollMs: 15_000, ...time })).rejects.toThrow(
      PublishDeferredError,
    )
    expect(started).toEqual([])
    expect(time.elapsed()).toBeLessThanOrEqual(50_000)
  })

  it('refuses to run without knowing its build project', async () => {
    const saved = process.env.JOURNAL_BUILD_PROJECT
    delete process.env.JOURNAL_BUILD_PROJECT
    try {
      await expect(handler({ Records: [] }, { getRemainingTimeInMillis: () => 60_000 })).rejects.toThrow(
        /JOURNAL_BUILD_PROJECT is not set/,
      )
    } finally {
      if (saved !== undefined) process.env.JOURNAL_BUILD_PROJECT = saved
    }
  })
})

describe('the publish trigger, on its schedule', () => {
  const built = (startedAt: string, nextChangeAt?: string, status = 'SUCCEEDED'): SiteBuild => ({
    id: `b-${startedAt}`,
    status,
    phase: 'COMPLETED',
    startedAt: at(startedAt),
    ...(nextChangeAt ? { nextChangeAt: at(nextChangeAt) } : {}),
  })
  const check = (builds: SiteBuilds, now: string) =>
    publishIfDue(builds, { until: at(now) + 60_000, pollMs: 1_000, now: () => at(now) })

  it('publishes once an embargo has ended after the last build', async () => {
    const { builds, started } = fakeBuilds([[built('2015-03-16T08:00:00Z', '2015-03-16T12:00:00Z')]])
    await expect(check(builds, '2015-03-16T12:05:00Z')).resolves.toEqual({ outcome: 'started', buildId: 'build-1' })
    expect(started).toEqual(['build-1'])
  })

  it.each([
    [
      'before the moment',
      [built('2015-03-16T08:00:00Z', '2015-03-16T12:00:00Z')],
      '2015-03-16T11:55:00Z',
      { outcome: 'not-due', nextChangeAt: '2015-03-16T12:00:00.000Z' },
    ],
    ['when nothing is embargoed', [built('2015-03-16T08:00:00Z')], '2015-03-16T12:05:00Z', { outcome: 'not-due' }],
    [
      'when a build ran since the moment',
      [built('2015-03-16T12:01:00Z', undefined, 'IN_PROGRESS'), built('2015-03-16T08:00:00Z', '2015-03-16T12:00:00Z')],
      '2015-03-16T12:05:00Z',
      { outcome: 'already-built', nextChangeAt: '2015-03-16T12:00:00.000Z' },
    ],
    [
      'when that build failed (it alarmed; a retry every quarter of an hour would not help)',
      [built('2015-03-16T12:01:00Z', undefined, 'FAILED'), built('2015-03-16T08:00:00Z', '2015-03-16T12:00:00Z')],
      '2015-03-16T12:20:00Z',
      { outcome: 'already-built', nextChangeAt: '2015-03-16T12:00:00.000Z' },
    ],
    ['when no build ever succeeded', [], '2015-03-16T12:05:00Z', { outcome: 'not-due' }],
  ])('does nothing %s', async (_, recent, now, outcome) => {
    const { builds, started } = fakeBuilds([recent])
    await expect(check(builds, now)).resolves.toEqual(outcome)
    expect(started).toEqual([])
  })

  it('is told apart from a stream batch by the event its schedule sends', () => {
    expect(SCHEDULED_PUBLISH_CHECK).toEqual({ source: 'journal.scheduled-publish-check' })
  })
})

describe('the CodeBuild adapter', () => {
  /** Answers the CodeBuild calls the adapter makes, by command name. */
  const client = (answers: Record<string, (input: Record<string, unknown>) => unknown>) =>
    ({
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) =>
        answers[command.constructor.name]!(command.input),
    }) as never

  it("reports the project's newest builds first, with status, phase and the exported NEXT_CHANGE_AT", async () => {
    const builds = codeBuildSiteBuilds(
      client({
        ListBuildsForProjectCommand: (input) => {
          expect(input).toEqual({ projectName: 'site', sortOrder: 'DESCENDING' })
          return { ids: ['site:3', 'site:2', 'site:1'] }
        },
        BatchGetBuildsCommand: (input) => {
          expect(input).toEqual({ ids: ['site:3', 'site:2', 'site:1'] })
          return {
            builds: [
              {
                id: 'site:2',
                buildStatus: 'SUCCEEDED',
                currentPhase: 'COMPLETED',
                startTime: new Date('2015-03-16T08:00:00Z'),
                exportedEnvironmentVariables: [{ name: 'NEXT_CHANGE_AT', value: '2015-03-20T09:00:00+01:00' }],
              },
              {
                id: 'site:3',
                buildStatus: 'IN_PROGRESS',
                currentPhase: 'INSTALL',
                startTime: new Date('2015-03-16T09:00:00Z'),
              },
              {
                id: 'site:1',
                buildStatus: 'FAILED',
                currentPhase: 'COMPLETED',
                startTime: new Date('2015-03-15T08:00:00Z'),
                exportedEnvironmentVariables: [{ name: 'NEXT_CHANGE_AT', value: '' }],
              },
            ],
          }
        },
      }),
      'site',
    )
    await expect(builds.recent()).resolves.toEqual([
      { id: 'site:3', status: 'IN_PROGRESS', phase: 'INSTALL', startedAt: at('2015-03-16T09:00:00Z') },
      {
        id: 'site:2',
        status: 'SUCCEEDED',
        phase: 'COMPLETED',
        startedAt: at('2015-03-16T08:00:00Z'),
        nextChangeAt: at('2015-03-20T08:00:00Z'),
      },
      { id: 'site:1', status: 'FAILED', phase: 'COMPLETED', startedAt: at('2015-03-15T08:00:00Z') },
    ])
  })

  it('treats the project\'s one-build limit as "not now" and any other error as a failure', async () => {
    const refusing = (name: string) =>
      codeBuildSiteBuilds(
        client({
          StartBuildCommand: () => {
            throw Object.assign(new Error('limit'), { name })
          },
        }),
        'site',
      )
    await expect(refusing('AccountLimitExceededException').start()).resolves.toBeNull()
    await expect(refusing('AccessDeniedException').start()).rejects.toThrow('limit')
  })
})
