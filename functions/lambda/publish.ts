import { randomUUID } from 'node:crypto'
import { BatchGetBuildsCommand, CodeBuildClient, StartBuildCommand } from '@aws-sdk/client-codebuild'
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { SQSClient } from '@aws-sdk/client-sqs'
import {
  PartBuildFailedError,
  partsGoneStale,
  partsToPublish,
  publishPart,
  type BuildStatus,
  type PartBuilds,
  type PartPublisherDeps,
  type PublishQueue,
  type SnapshotBucket,
} from '../publish/part-publisher.js'
import { sendMessageBatches } from './sqs-batches.js'
import { createDb } from '../store/index.js'
import { LAMBDA_ENV, REPUBLISH, SCHEDULED_PUBLISH_CHECK } from './function-config.js'

/**
 * The publish function. It runs for four reasons:
 *
 * 1. The DynamoDB stream hands it a batch of journal changes (gathered for up to a minute, only
 *    published item types): it asks for the parts of the site they bear on (a message per part
 *    on the publish queue, see `partsToPublish`).
 * 2. The publish queue hands it one part (FIFO, the part as message group, so one part is never
 *    built twice at once; the event source's maximum concurrency caps builds across parts): it
 *    exports the part's public snapshot, starts its build and waits for it (`publishPart`).
 * 3. A schedule asks it every 15 minutes for the parts whose snapshot went stale by itself (an
 *    embargo ended, a post came out).
 * 4. An operator asks it to republish every part (`{"source":"journal.republish"}`), after a
 *    deployment changed the site's code.
 */

/** Time kept back from the Lambda timeout to record and return. */
const MARGIN_MS = 30_000
const POLL_MS = 15_000

interface StreamRecord {
  eventSource?: string
  dynamodb?: { Keys?: { pk?: { S?: string } } }
}
interface QueueRecord {
  eventSource?: string
  body?: string
  attributes?: { SentTimestamp?: string }
}
export type PublishEvent = { source?: string; Records?: (StreamRecord & QueueRecord)[] }

const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: the publish stack sets it (infra/stacks/publish-stack.ts)`)
  return value
}

let deps: Omit<PartPublisherDeps, 'wait'> | undefined

/** The AWS side of the publisher, made once per cold start. */
function awsDeps(): Omit<PartPublisherDeps, 'wait'> {
  deps ??= {
    db: createDb(),
    person: process.env[LAMBDA_ENV.person] ?? 'demo',
    snapshots: s3Snapshots(new S3Client({}), env(LAMBDA_ENV.snapshotBucket)),
    builds: codeBuildParts(new CodeBuildClient({}), env(LAMBDA_ENV.buildProject)),
    queue: sqsQueue(new SQSClient({}), env(LAMBDA_ENV.publishQueue)),
  }
  return deps
}

export async function handler(event: PublishEvent, context: { getRemainingTimeInMillis(): number }) {
  const base = awsDeps()
  const records = event.Records ?? []
  if (records[0]?.eventSource === 'aws:sqs') {
    const wait = { until: Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS, pollMs: POLL_MS }
    const outcomes = []
    for (const record of records) {
      const { part } = JSON.parse(record.body ?? '{}') as { part?: string }
      if (typeof part !== 'string') throw new Error(`A publish request without a part: ${record.body}`)
      const requestedAt = Number(record.attributes?.SentTimestamp ?? Date.now())
      try {
        outcomes.push(await publishPart({ ...base, wait }, part, requestedAt))
      } catch (error) {
        if (error instanceof PartBuildFailedError) console.info(JSON.stringify(failedPublishMetric(part)))
        throw error
      }
    }
    console.info(JSON.stringify({ trigger: 'queue', outcomes }))
    return outcomes
  }
  const parts =
    event.source === SCHEDULED_PUBLISH_CHECK.source
      ? await partsGoneStale(base.db, new Date())
      : event.source === REPUBLISH.source
        ? await partsToPublish(base.db, base.person, ['ORGANISATION'])
        : await partsToPublish(
            base.db,
            base.person,
            records.map((record) => record.dynamodb?.Keys?.pk?.S ?? ''),
          )
  await base.queue.send(parts)
  const trigger = event.source === SCHEDULED_PUBLISH_CHECK.source ? 'schedule' : (event.source ?? 'stream')
  console.info(JSON.stringify({ trigger, changes: records.length, requested: parts }))
  return { requested: parts }
}

/**
 * One failed build of a part, as a CloudWatch metric in embedded metric format (the log line is
 * the metric): the platform alarms once on CodeBuild's failed builds, and this says whose section
 * failed (`Part`: the servant, or `@organisation` for the root pages).
 */
export function failedPublishMetric(part: string) {
  return {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: 'OpenAgendaJournal',
          Dimensions: [['Part']],
          Metrics: [{ Name: 'FailedPublishes', Unit: 'Count' }],
        },
      ],
    },
    Part: part,
    FailedPublishes: 1,
  }
}

/** The snapshots on S3. */
export function s3Snapshots(client: S3Client, bucket: string): SnapshotBucket {
  return {
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }))
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        return await out.Body?.transformToString('utf8')
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined
        throw error
      }
    },
  }
}

/** The publish queue on SQS FIFO: the part is the message group, so its builds never overlap. */
export function sqsQueue(client: SQSClient, queueUrl: string): PublishQueue {
  return {
    send: (parts) =>
      sendMessageBatches(
        client,
        queueUrl,
        parts,
        (part) => ({
          MessageBody: JSON.stringify({ part }),
          MessageGroupId: part,
          MessageDeduplicationId: randomUUID(),
        }),
        (part) => part,
      ),
  }
}

/** One CodeBuild project builds every part; what differs goes in environment variables. */
export function codeBuildParts(client: CodeBuildClient, projectName: string): PartBuilds {
  return {
    async start({ part, snapshotKey, base, prefix, size }) {
      const variables = {
        JOURNAL_PART: part,
        SNAPSHOT_KEY: snapshotKey,
        JOURNAL_SITE_BASE: base,
        SITE_PREFIX: prefix,
        JOURNAL_SITE_BUILD_HEAP_MB: String(size.heapMb),
      }
      try {
        const { build } = await client.send(
          new StartBuildCommand({
            projectName,
            environmentVariablesOverride: Object.entries(variables).map(([name, value]) => ({
              name,
              value,
              type: 'PLAINTEXT',
            })),
            ...(size.compute === 'large' ? { computeTypeOverride: 'BUILD_GENERAL1_LARGE' } : {}),
          }),
        )
        return build?.id ?? null
      } catch (error) {
        // The account's concurrent builds or its build queue are full: not an error, a wait.
        if ((error as Error).name === 'AccountLimitExceededException') return null
        throw error
      }
    },
    async status(buildId): Promise<BuildStatus> {
      const { builds = [] } = await client.send(new BatchGetBuildsCommand({ ids: [buildId] }))
      const status = builds[0]?.buildStatus
      if (status === undefined) throw new Error(`CodeBuild does not know the build ${buildId}`)
      return status === 'IN_PROGRESS' || status === 'SUCCEEDED' ? status : 'FAILED'
    },
  }
}
