import { SQSClient } from '@aws-sdk/client-sqs'
import { digestJobSchema, parseDigestMode, type DigestMode } from '../core/digest/index.js'
import { parseWith } from '../core/model/validation.js'
import { queueDueDigests, runWeeklyDigest, type DigestQueue } from '../journal/index.js'
import { createDb, type Db } from '../store/index.js'
import { sqsDigestQueue } from './digest-queue.js'
import { LAMBDA_ENV } from './function-config.js'

/**
 * The weekly digest of every journal of the organisation on AWS Lambda, in two steps:
 *
 * 1. EventBridge Scheduler invokes it every UTC quarter hour (a look): it queues one job for
 *    each journal whose Monday 07:00 it is, in the zone of that journal's profile
 *    (`queueDueDigests`);
 * 2. the digest queue hands it those jobs one by one: it digests the week that ended before the
 *    job's scheduled time, with its catch-up (`runWeeklyDigest`). A job that fails returns to the
 *    queue and, after its last attempt, goes to the dead-letter queue, which alarms.
 *
 * Configuration is read once per cold start; a wrong `JOURNAL_DIGEST_MODE` or a missing queue
 * fails the start instead of publishing by surprise or digesting no one.
 */

/** What the schedule sends (jobs-stack.ts); `time` is what a classic EventBridge rule would send. */
export interface DigestScheduleEvent {
  source?: string
  scheduledTime?: string
  time?: string
}

/** What the digest queue hands over: one job per record (`DigestJob` as JSON). */
export interface DigestQueueEvent {
  Records: { messageId: string; body: string }[]
}

export type DigestEvent = DigestScheduleEvent | DigestQueueEvent

export interface DigestFunction {
  db: Db
  /** The deployment's own journal (JOURNAL_PERSON), digested while it holds items and is no servant's. */
  person: string
  mode: DigestMode
  queue: DigestQueue
}

/** Jobs of a queue batch that failed; the event source returns only these to the queue. */
export interface BatchFailures {
  batchItemFailures: { itemIdentifier: string }[]
}

/** The handler for both steps, on the given table and queue (tests give a queue in memory). */
export function digestHandler(fn: DigestFunction) {
  return (event: DigestEvent = {}) => ('Records' in event ? runJobs(fn, event) : look(fn, event))
}

/** Uses the scheduled time, not the clock, so a retry hours later still finds the same journals due. */
async function look({ db, person, queue }: DigestFunction, event: DigestScheduleEvent) {
  const scheduled = Date.parse(event.scheduledTime ?? event.time ?? '')
  const at = Number.isNaN(scheduled) ? new Date() : new Date(scheduled)
  const jobs = await queueDueDigests({ db, person, at, queue })
  const queued = jobs.map((job) => job.person)
  console.log(JSON.stringify({ message: 'weekly digests queued', scheduledTime: at.toISOString(), queued }))
  return { scheduledTime: at.toISOString(), queued }
}

/** Idempotent per job: a second run finds the same content and writes nothing. */
async function runJobs({ db, mode }: DigestFunction, event: DigestQueueEvent): Promise<BatchFailures> {
  const failures: BatchFailures['batchItemFailures'] = []
  for (const record of event.Records) {
    try {
      const job = parseWith(digestJobSchema, JSON.parse(record.body))
      const result = await runWeeklyDigest({ db, person: job.person, now: new Date(job.scheduledTime), mode })
      const summary = {
        week: result.week,
        outcome: result.outcome,
        status: result.digest?.status ?? null,
        items: result.digest?.items.length ?? 0,
      }
      console.log(JSON.stringify({ message: 'weekly digest', person: job.person, mode, ...summary }))
    } catch (error) {
      console.error(JSON.stringify({ message: 'weekly digest failed', job: record.body, error: String(error) }))
      failures.push({ itemIdentifier: record.messageId })
    }
  }
  return { batchItemFailures: failures }
}

const queueUrl = process.env[LAMBDA_ENV.digestQueueUrl]
if (!queueUrl)
  throw new Error(`${LAMBDA_ENV.digestQueueUrl} is not set: the weekly digest has nowhere to queue its jobs`)

export const handler = digestHandler({
  db: createDb(),
  person: process.env[LAMBDA_ENV.person] ?? 'demo',
  mode: parseDigestMode(process.env[LAMBDA_ENV.digestMode]),
  queue: sqsDigestQueue(new SQSClient({}), queueUrl),
})
