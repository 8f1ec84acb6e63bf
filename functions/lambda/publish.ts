import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  ListBuildsForProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild'
import { LAMBDA_ENV, SCHEDULED_PUBLISH_CHECK } from './function-config.js'

/**
 * The publish trigger. It runs for two reasons:
 *
 * 1. The DynamoDB stream hands it a batch of journal changes (the event source gathers them for up
 *    to a minute and passes only published item types). It makes sure one site build will see
 *    them, debouncing by looking at the build project first:
 *    - a build that has not yet reached its build phase (where the snapshot is exported) will see
 *      these changes too, so nothing is started: any number of changes share that build;
 *    - with no build running, it starts one;
 *    - with a build past its export, that build may have missed these changes, and the project
 *      runs one build at a time (two racing uploads could leave the older site online), so it
 *      waits for that build to end and then starts the next. If the wait outlasts the invocation
 *      it fails and the stream delivers the batch again later; after the last retry the batch's
 *      position goes to the dead-letter queue, which alarms.
 * 2. A schedule asks it every few minutes whether the site has become stale without any change in
 *    the store: an embargo ended or a post's publication time came. The last successful build
 *    exported that moment as NEXT_CHANGE_AT; when it has passed and no build started since, it
 *    requests a publish as above.
 */

/** A recent build of the site project, as far as the trigger cares. */
export interface SiteBuild {
  id: string
  status: string
  phase: string
  startedAt: number
  /** When the snapshot this build exported goes stale by itself (exported variable NEXT_CHANGE_AT). */
  nextChangeAt?: number
}

/** The CodeBuild calls the trigger makes; an interface so the decisions are tested without AWS. */
export interface SiteBuilds {
  /** The project's latest builds, newest first. */
  recent(): Promise<SiteBuild[]>
  /** Starts a build and answers its id, or null when the project is already at its one-build limit. */
  start(): Promise<string | null>
}

/** Phases before the export: a build still in one of these will read the table after now. */
export const PHASES_BEFORE_EXPORT: ReadonlySet<string> = new Set([
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
])

export type PublishOutcome =
  | { outcome: 'started' | 'coalesced'; buildId: string }
  | { outcome: 'not-due' | 'already-built'; nextChangeAt?: string }

export interface WaitOptions {
  /** Epoch milliseconds after which the trigger gives up and lets the stream retry. */
  until: number
  pollMs: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** The running build is past its export and the next one could not start before `until`. */
export class PublishDeferredError extends Error {
  override name = 'PublishDeferredError'
  constructor(buildId: string | undefined) {
    super(
      `build ${buildId ?? '(just started by another trigger)'} is still ` +
        'running; these changes will be retried and published by the next build',
    )
  }
}

/** Makes sure a build that starts exporting after this moment exists; see the comment at the top. */
export async function requestPublish(builds: SiteBuilds, wait: WaitOptions): Promise<PublishOutcome> {
  const now = wait.now ?? Date.now
  const sleep = wait.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  for (;;) {
    const running = (await builds.recent()).filter((build) => build.status === 'IN_PROGRESS')
    const pending = running.find((build) => PHASES_BEFORE_EXPORT.has(build.phase))
    if (pending) return { outcome: 'coalesced', buildId: pending.id }
    if (running.length === 0) {
      const started = await builds.start()
      if (started) return { outcome: 'started', buildId: started }
      // Another trigger started one a moment ago: look again, it will usually be pending.
    }
    if (now() + wait.pollMs > wait.until) throw new PublishDeferredError(running[0]?.id)
    await sleep(wait.pollMs)
  }
}

/**
 * Publishes when the last successful build's snapshot has gone stale by itself and no build has
 * started since that moment (so a failing build is not retried every few minutes: it alarms).
 */
export async function publishIfDue(builds: SiteBuilds, wait: WaitOptions): Promise<PublishOutcome> {
  const now = (wait.now ?? Date.now)()
  const recent = await builds.recent()
  const due = recent.find((build) => build.status === 'SUCCEEDED')?.nextChangeAt
  const nextChangeAt = due === undefined ? undefined : new Date(due).toISOString()
  if (due === undefined || due > now) return { outcome: 'not-due', ...(nextChangeAt ? { nextChangeAt } : {}) }
  if (recent.some((build) => build.startedAt >= due)) return { outcome: 'already-built', nextChangeAt }
  return requestPublish(builds, wait)
}

/** SiteBuilds on the CodeBuild API. With a one-build limit, the newest few builds are all that matter. */
export function codeBuildSiteBuilds(client: CodeBuildClient, projectName: string): SiteBuilds {
  return {
    async recent() {
      const { ids = [] } = await client.send(new ListBuildsForProjectCommand({ projectName, sortOrder: 'DESCENDING' }))
      if (ids.length === 0) return []
      const { builds = [] } = await client.send(new BatchGetBuildsCommand({ ids: ids.slice(0, 5) }))
      return builds
        .filter((build) => build.id)
        .map((build) => {
          const exported = build.exportedEnvironmentVariables?.find((v) => v.name === 'NEXT_CHANGE_AT')?.value
          const nextChangeAt = exported ? Date.parse(exported) : Number.NaN
          return {
            id: build.id!,
            status: build.buildStatus ?? 'IN_PROGRESS',
            phase: build.currentPhase ?? 'SUBMITTED',
            startedAt: build.startTime?.getTime() ?? 0,
            ...(Number.isNaN(nextChangeAt) ? {} : { nextChangeAt }),
          }
        })
        .sort((a, b) => b.startedAt - a.startedAt)
    },
    async start() {
      try {
        const { build } = await client.send(new StartBuildCommand({ projectName }))
        return build?.id ?? null
      } catch (error) {
        // The project's concurrent build limit answers with this error instead of queueing.
        if ((error as Error).name === 'AccountLimitExceededException') return null
        throw error
      }
    },
  }
}

/** Time kept back from the Lambda timeout to report and return. */
const MARGIN_MS = 20_000
const POLL_MS = 15_000

let builds: SiteBuilds | undefined

export async function handler(
  event: { Records?: unknown[]; source?: string },
  context: { getRemainingTimeInMillis(): number },
): Promise<PublishOutcome> {
  const project = process.env[LAMBDA_ENV.buildProject]
  if (!project)
    throw new Error(
      `${LAMBDA_ENV.buildProject} is not set: the publish trigger does not know which build project to start`,
    )
  builds ??= codeBuildSiteBuilds(new CodeBuildClient({}), project)
  const wait = { until: Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS, pollMs: POLL_MS }
  const scheduled = event.source === SCHEDULED_PUBLISH_CHECK.source
  const result = scheduled ? await publishIfDue(builds, wait) : await requestPublish(builds, wait)
  console.info(
    JSON.stringify({ ...result, trigger: scheduled ? 'schedule' : 'stream', changes: event.Records?.length ?? 0 }),
  )
  return result
}
