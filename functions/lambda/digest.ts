import { parseDigestMode } from '../core/digest/index.js'
import { runWeeklyDigest } from '../journal/index.js'
import { createDb } from '../store/index.js'
import { LAMBDA_ENV } from './function-config.js'

/**
 * The weekly digest on AWS Lambda, invoked by EventBridge Scheduler on Monday 07:00 (the
 * servant's zone) for the week that just ended; its weeks and words follow the journal's profile.
 * Configuration is read once per cold start; a wrong `JOURNAL_DIGEST_MODE` fails the start
 * instead of publishing by surprise.
 */
const db = createDb()
const person = process.env[LAMBDA_ENV.person] ?? 'demo'
const mode = parseDigestMode(process.env[LAMBDA_ENV.digestMode])

/** What the schedule sends (jobs-stack.ts); `time` is what a classic EventBridge rule would send. */
export interface DigestEvent {
  source?: string
  scheduledTime?: string
  time?: string
}

/**
 * Uses the scheduled time, not the clock, so a retry hours later still digests the same week.
 * Idempotent: a second run finds the same content and writes nothing.
 */
export async function handler(event: DigestEvent = {}) {
  const scheduled = Date.parse(event.scheduledTime ?? event.time ?? '')
  const now = Number.isNaN(scheduled) ? new Date() : new Date(scheduled)
  const result = await runWeeklyDigest({ db, person, now, mode })
  const summary = {
    week: result.week,
    outcome: result.outcome,
    status: result.digest?.status ?? null,
    items: result.digest?.items.length ?? 0,
  }
  console.log(JSON.stringify({ message: 'weekly digest', person, mode, ...summary }))
  return summary
}
