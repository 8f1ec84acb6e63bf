import * as z from 'zod/mini'
import { addDays, ISO_WEEK_PATTERN, isoWeekOf, zonedParts, zonedToInstant } from './dates.js'
import { longText } from './primitives.js'
import { countEntries } from './counted-entries.js'
import type { Entry } from './entry.js'
import { digestItem, weekRangeOrThrow, type DigestItem, type DigestSelection } from './weekly-digest.js'
import { ValidationError } from './validation.js'
import type { Locale } from './vocabulary.js'

export const DIGEST_STATUSES = ['draft', 'published'] as const
export type DigestStatus = (typeof DIGEST_STATUSES)[number]

/** A week's digest as stored: the generated selection plus what the servant edits (intro, status). */
export interface Digest {
  person: string
  /** ISO week, `2015-W12`. */
  week: string
  items: DigestItem[]
  moreCount: number
  withheldCount: number
  /** The servant's own words above the items; '' until written. Regenerating keeps it. */
  intro: string
  status: DigestStatus
  /** When the current items were generated (unchanged by regenerations that find the same items). */
  generatedAt: string
  /** First publication of the current published state; absent on a draft. */
  publishedAt?: string
  updatedAt: string
  version: number
}

/** What an owner may send when (re)generating a digest; both fields keep their stored value when left out. */
export const digestRequestSchema = z.strictObject({
  intro: z.optional(longText(2_000)),
  status: z.optional(z.enum(DIGEST_STATUSES)),
})
export type DigestRequest = z.infer<typeof digestRequestSchema>

/** What a generation did: the answer of `POST /api/digests/{week}` and of the scheduled job. */
export type DigestOutcome =
  | { week: string; outcome: 'created' | 'updated' | 'unchanged'; digest: Digest }
  | { week: string; outcome: 'removed' | 'empty'; digest: null; detail: string }

/** How the scheduled job leaves a new digest: published at once (default) or as a draft for review. */
export type DigestMode = 'publish' | 'draft'

/** `JOURNAL_DIGEST_MODE` read strictly: a typo must fail loudly, not publish by accident. */
export function parseDigestMode(value: string | undefined): DigestMode {
  if (value === undefined || value === '' || value === 'publish') return 'publish'
  if (value === 'draft') return 'draft'
  throw new Error(`JOURNAL_DIGEST_MODE must be "publish" or "draft", not "${value}"`)
}

/** A week parameter as a person may type it (`2015-w12`), normalised (`2015-W12`) and checked. */
export function parseWeek(value: string): string {
  const week = value.toUpperCase()
  if (!ISO_WEEK_PATTERN.test(week)) throw new ValidationError([{ field: 'week', reason: 'must be an ISO week written like 2015-W12' }])
  weekRangeOrThrow(week)
  return week
}

/** When the weekly job runs: Monday 07:00 in the journal's zone, last week over and the working day not begun. */
export const DIGEST_RUN_TIME = '07:00'

/** The moment the weekly job digests `week`: the Monday 07:00 after it, in the journal's zone. */
export function digestScheduledAt(week: string, timeZone: string): Date {
  return zonedToInstant(addDays(weekRangeOrThrow(week).to, 1), DIGEST_RUN_TIME, timeZone)
}

/** The ISO week that ended most recently before `now` in the journal's zone: on Monday 07:00, last week. */
export function previousIsoWeek(now: Date, timeZone: string): string {
  return isoWeekOf(addDays(zonedParts(now, timeZone).date, -7))
}

/** Every ISO week from `from` to `to`, inclusive, in order. */
export function isoWeeksBetween(from: string, to: string): string[] {
  const weeks: string[] = []
  for (let monday = weekRangeOrThrow(from).from; monday <= weekRangeOrThrow(to).from; monday = addDays(monday, 7)) weeks.push(isoWeekOf(monday))
  return weeks
}

const sameSelection = (a: Pick<Digest, 'items' | 'moreCount' | 'withheldCount'>, b: DigestSelection) =>
  a.moreCount === b.moreCount && a.withheldCount === b.withheldCount && JSON.stringify(a.items) === JSON.stringify(b.items)

export interface DigestRegeneration {
  existing?: Digest
  selection: DigestSelection
  request: DigestRequest
  defaultStatus: DigestStatus
  person: string
  now: Date
  /**
   * The moment a digest published by `defaultStatus` (not by the request) is dated at: the
   * schedule's moment for its week when the weekly job, its catch-up or a back-fill makes it,
   * so a reader does not see a week of last year as today's news. Default: `now`.
   */
  scheduledAt?: Date
}

/**
 * What (re)generating a week's digest should leave in the store. Idempotent: with the same
 * entries and request the answer is `unchanged` and nothing is written, so the version only moves
 * when the content does. The intro and status the servant set are kept unless the request sets
 * them; a new digest gets `defaultStatus`. A week without public entries has no digest, so an
 * earlier one is `removed` (its entries may since have become private).
 */
export function reviseDigest({ existing, selection, request, defaultStatus, person, now, scheduledAt }: DigestRegeneration): DigestOutcome {
  const { week } = selection
  if (selection.items.length === 0) {
    return existing
      ? { week, outcome: 'removed', digest: null, detail: `${week} no longer has public entries, so its digest was removed.` }
      : { week, outcome: 'empty', digest: null, detail: `${week} has no public entries, so it gets no digest.` }
  }
  const intro = request.intro ?? existing?.intro ?? ''
  const status = request.status ?? existing?.status ?? defaultStatus
  if (existing && sameSelection(existing, selection) && existing.intro === intro && existing.status === status) {
    return { week, outcome: 'unchanged', digest: existing }
  }
  const at = now.toISOString()
  const publishedNow = request.status === 'published' || !scheduledAt || scheduledAt > now ? at : scheduledAt.toISOString()
  const publishedAt = status === 'published' ? (existing?.status === 'published' ? existing.publishedAt : undefined) ?? publishedNow : undefined
  const digest: Digest = {
    person, week, items: selection.items, moreCount: selection.moreCount, withheldCount: selection.withheldCount, intro, status,
    generatedAt: existing && sameSelection(existing, selection) ? existing.generatedAt : at,
    ...(publishedAt ? { publishedAt } : {}),
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  }
  return { week, outcome: existing ? 'updated' : 'created', digest }
}

/** What the public sees of a week's digest: the servant's words and lines rendered from today's entries. */
export interface PublicDigest {
  /** ISO week, `2015-W12`. */
  week: string
  /** Absent when the servant wrote none. */
  intro?: string
  items: DigestItem[]
  /** Public entries of the week, as they are now, that are not among the items. */
  moreCount: number
  /** Restricted or embargoed entries of the week, as they are now. */
  withheldCount: number
  /** When it was published: the scheduled Monday morning, or the moment the servant published it. */
  publishedAt: string
}

/** The moment of projection and the journal's zone and language (`journalSettings`). */
export interface PublicDigestOptions { now: Date; timeZone: string; locale: Locale }

/**
 * The one public projection of a digest, used by the API and the snapshot alike. A stored digest
 * keeps the servant's choice of entries and words; everything said about the entries is computed
 * from the entries as they are now, so a later decision reaches every digest at the next build:
 * an entry made private, restricted or withdrawn since, or moved to another week, drops out, the
 * other lines are rendered again (a counterpart since marked as a private individual reads
 * "particulier"), and both counts are counted again. Drafts and digests left without any item
 * are not shown. `entries` must hold the entries of the digest's week as stored now (others are ignored).
 */
export function toPublicDigest(digest: Digest, entries: readonly Entry[], { now, timeZone, locale }: PublicDigestOptions): PublicDigest | null {
  if (digest.status !== 'published') return null
  const counted = countEntries(entries, weekRangeOrThrow(digest.week), { now, timeZone, locale })
  const shown = new Map(counted.published.map((view) => [view.id, view]))
  const items = digest.items.flatMap((item) => {
    const view = shown.get(item.entryId)
    return view ? [digestItem(view, locale, timeZone)] : []
  })
  if (items.length === 0) return null
  return {
    week: digest.week,
    ...(digest.intro ? { intro: digest.intro } : {}),
    items,
    moreCount: counted.published.length - items.length,
    withheldCount: counted.withheld.length,
    publishedAt: digest.publishedAt ?? digest.updatedAt,
  }
}
