import * as z from 'zod/mini'
import { addDays, DEFAULT_TIMEZONE, ISO_WEEK_PATTERN, isoWeekOf, zonedParts } from './dates.js'
import { longText } from './primitives.js'
import { localStartDate } from './counted-entries.js'
import type { Entry } from './entry.js'
import { toPublicEntry } from './public-projection.js'
import { digestItem, weekRangeOrThrow, type DigestItem, type DigestSelection } from './weekly-digest.js'
import { ValidationError } from './validation.js'

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

/** The ISO week that ended most recently before `now` (Europe/Amsterdam): on Monday 07:00, last week. */
export function previousIsoWeek(now: Date, timeZone = DEFAULT_TIMEZONE): string {
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

export interface DigestRegeneration { existing?: Digest; selection: DigestSelection; request: DigestRequest; defaultStatus: DigestStatus; person: string; now: Date }

/**
 * What (re)generating a week's digest should leave in the store. Idempotent: with the same
 * entries and request the answer is `unchanged` and nothing is written, so the version only moves
 * when the content does. The intro and status the servant set are kept unless the request sets
 * them; a new digest gets `defaultStatus`. A week without public entries has no digest, so an
 * earlier one is `removed` (its entries may since have become private).
 */
export function reviseDigest({ existing, selection, request, defaultStatus, person, now }: DigestRegeneration): DigestOutcome {
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
  const publishedAt = status === 'published' ? (existing?.status === 'published' ? existing.publishedAt : undefined) ?? at : undefined
  const digest: Digest = {
    person, week, items: selection.items, moreCount: selection.moreCount, withheldCount: selection.withheldCount, intro, status,
    generatedAt: existing && sameSelection(existing, selection) ? existing.generatedAt : at,
    ...(publishedAt ? { publishedAt } : {}),
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  }
  return { week, outcome: existing ? 'updated' : 'created', digest }
}

export type PublicDigest = Omit<Digest, 'person'>

/**
 * What the public sees of a digest: a published one, without the owner key, and only as far as
 * its entries are still public. A digest is a copy made when it was generated; an entry made
 * private, restricted or withdrawn since, or moved to another week, drops out, and the other
 * lines are rendered again from today's projection (a counterpart since marked as a private
 * individual reads "particulier"). Without any item left there is nothing to show.
 * `entries` are the entries of the digest's week as stored now.
 */
export function toPublicDigest(digest: Digest, entries: readonly Entry[], now: Date, timeZone = DEFAULT_TIMEZONE): PublicDigest | null {
  if (digest.status !== 'published') return null
  const { from, to } = weekRangeOrThrow(digest.week)
  const current = new Map(entries.map((e) => [e.id, e]))
  const items = digest.items.flatMap((item) => {
    const entry = current.get(item.entryId)
    if (!entry) return []
    const view = toPublicEntry(entry, { now })
    const day = localStartDate(entry, timeZone)
    const shown = view?.visibility === 'public' && !view.withdrawn && day >= from && day <= to
    return shown ? [digestItem(view, 'nl', timeZone)] : []
  })
  if (items.length === 0) return null
  const { person: _person, ...rest } = digest
  return { ...rest, items }
}
