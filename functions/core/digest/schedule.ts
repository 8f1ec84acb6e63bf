import { addDays, zonedToInstant } from '../time/dates.js'
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
