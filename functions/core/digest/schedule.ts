import * as z from 'zod/mini'
import { builtOnFirstUse } from '../model/built-on-first-use.js'
import { instant } from '../model/primitives.js'
import { addDays, isoWeekday, zonedParts, zonedToInstant } from '../time/dates.js'
import { weekRangeOrThrow } from '../time/iso-weeks.js'

/** When the weekly digest is made, and in which state the scheduled job leaves it. */

/** How the scheduled job leaves a new digest: published at once (default) or as a draft for review. */
export type DigestMode = 'publish' | 'draft'

/** `JOURNAL_DIGEST_MODE` read strictly: a typo must fail loudly, not publish by accident. */
export function parseDigestMode(value: string | undefined): DigestMode {
  if (value === undefined || value === '' || value === 'publish') return 'publish'
  if (value === 'draft') return 'draft'
  throw new Error(`JOURNAL_DIGEST_MODE must be "publish" or "draft", not "${value}"`)
}

/** When the weekly job runs: Monday 07:00 in the journal's zone, last week over and the working day not begun. */
export const DIGEST_RUN_TIME = '07:00'

/** The moment the weekly job digests `week`: the Monday 07:00 after it, in the journal's zone. */
export function digestScheduledAt(week: string, timeZone: string): Date {
  return zonedToInstant(addDays(weekRangeOrThrow(week).to, 1), DIGEST_RUN_TIME, timeZone)
}

/**
 * Minutes between two looks of the organisation's schedule (UTC). Every zone in use today is a
 * whole number of quarter hours from UTC (Kathmandu +05:45, St. John's −03:30), so a look every
 * quarter hour falls on each zone's Monday 07:00 exactly.
 */
export const DIGEST_INTERVAL_MINUTES = 15

/**
 * Whether the look at `at` (a UTC quarter hour) is the one that makes the weekly digest of a
 * journal in `timeZone`: its Monday 07:00 falls in [at, at + 15 min). Asked of the instant, not
 * the wall clock, so each zone is due exactly once a week whatever its clocks do: a 07:00 that a
 * clock change skipped or repeated counts once (as `digestScheduledAt` resolves it), and a zone
 * whose offset were no whole quarter hour would be served up to 14 minutes late, never twice or
 * not at all.
 *
 * @example isDigestDue(new Date('2015-03-23T06:00:00Z'), 'Europe/Amsterdam') // true: Monday 07:00 CET
 */
export function isDigestDue(at: Date, timeZone: string): boolean {
  const [from, to] = [at.getTime(), at.getTime() + DIGEST_INTERVAL_MINUTES * 60_000]
  // The local days the interval touches (two only when it crosses a local midnight).
  const days = new Set([zonedParts(at, timeZone).date, zonedParts(new Date(to - 1), timeZone).date])
  return [...days].some((day) => {
    if (isoWeekday(day) !== 1) return false
    const runAt = zonedToInstant(day, DIGEST_RUN_TIME, timeZone).getTime()
    return from <= runAt && runAt < to
  })
}

/** One journal's weekly digest to make, as the schedule's fan-out queues it for the digest function. */
export const digestJobSchema = builtOnFirstUse(() =>
  z.strictObject({
    person: z.string().check(z.minLength(1)),
    /** The schedule's look that found it due; the digest's week is the one that ended before it. */
    scheduledTime: instant,
  }),
)
export type DigestJob = z.infer<typeof digestJobSchema>
