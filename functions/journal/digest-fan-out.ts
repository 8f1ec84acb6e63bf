import { isDigestDue, type DigestJob } from '../core/digest/index.js'
import { mapAtMost } from '../shared/index.js'
import { getJournalSettings, hasJournalItems, listServants, type Db } from '../store/index.js'

/**
 * The weekly digest of a whole organisation. One schedule looks every UTC quarter hour; each look
 * finds the journals whose Monday 07:00 it is, each in the zone of its own profile, and queues one
 * job per journal, which the digest function runs (`runWeeklyDigest`) apart from the others: one
 * journal that fails is retried alone. Adding a servant, or moving one to another zone, is data:
 * the next look finds them. Looking again at the same quarter hour (a retry) queues the same jobs,
 * and running a job twice writes nothing the second time.
 */

/** Where the looks leave their jobs: an SQS queue in AWS; an interface so the looks are tested without it. */
export interface DigestQueue {
  send(jobs: readonly DigestJob[]): Promise<void>
}

/** Profiles read at the same time: hundreds of servants looked over in a second, without a burst on the table. */
const PROFILE_READS_AT_ONCE = 16

/**
 * The journals that get a weekly digest: every active servant (one who left keeps their journal
 * and its digests, but their weeks after leaving get none), and the deployment's own journal
 * (`person`) while it holds items and is no servant's, as the site shows it (`siteLayout`).
 */
export async function digestJournals(db: Db, person: string): Promise<string[]> {
  const servants = await listServants(db)
  const journals = servants.filter((s) => s.status === 'active').map((s) => s.person)
  if (!servants.some((s) => s.person === person) && (await hasJournalItems(db, person))) journals.push(person)
  return journals
}

export interface DigestLook {
  db: Db
  /** The deployment's own journal (JOURNAL_PERSON). */
  person: string
  /** The schedule's quarter hour (its scheduled time, also on a retry). */
  at: Date
  queue: DigestQueue
}

/** Queues the digest of every journal whose Monday 07:00 falls in the quarter hour `at`; answers the jobs. */
export async function queueDueDigests({ db, person, at, queue }: DigestLook): Promise<DigestJob[]> {
  const journals = await digestJournals(db, person)
  const zoneOf = async (journal: string) => (await getJournalSettings(db, journal)).timeZone
  const zones = await mapAtMost(journals, PROFILE_READS_AT_ONCE, zoneOf)
  const due = journals.filter((_, n) => isDigestDue(at, zones[n]!))
  const jobs = due.map((journal) => ({ person: journal, scheduledTime: at.toISOString() }))
  if (jobs.length > 0) await queue.send(jobs)
  return jobs
}
