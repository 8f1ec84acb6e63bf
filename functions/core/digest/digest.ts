import * as z from 'zod/mini'
import { builtOnFirstUse } from '../model/built-on-first-use.js'
import { longText } from '../model/primitives.js'
import type { DigestItem, DigestSelection } from './selection.js'

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
  /**
   * When the servant last chose the items, their order and notes (`curateDigest`); absent while
   * the items are the automatic selection. A curated digest keeps its items when regenerated.
   */
  curatedAt?: string
  /** First publication of the current published state; absent on a draft. */
  publishedAt?: string
  updatedAt: string
  version: number
}

/** What an owner may send when (re)generating a digest; both fields keep their stored value when left out. */
export const digestRequestSchema = builtOnFirstUse(() =>
  z.strictObject({
    intro: z.optional(longText(2_000)),
    status: z.optional(z.enum(DIGEST_STATUSES)),
  }),
)
export type DigestRequest = z.infer<typeof digestRequestSchema>

/** What a generation did: the answer of `POST /api/digests/{week}` and of the scheduled job. */
export type DigestOutcome =
  | { week: string; outcome: 'created' | 'updated' | 'unchanged'; digest: Digest }
  | { week: string; outcome: 'removed' | 'empty'; digest: null; detail: string }

const sameSelection = (a: Pick<Digest, 'items' | 'moreCount' | 'withheldCount'>, b: DigestSelection) =>
  a.moreCount === b.moreCount &&
  a.withheldCount === b.withheldCount &&
  JSON.stringify(a.items) === JSON.stringify(b.items)

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
export function reviseDigest({
  existing,
  selection,
  request,
  defaultStatus,
  person,
  now,
  scheduledAt,
}: DigestRegeneration): DigestOutcome {
  const { week } = selection
  if (selection.items.length === 0) {
    return existing
      ? {
          week,
          outcome: 'removed',
          digest: null,
          detail: `${week} no longer has public entries, so its digest was removed.`,
        }
      : { week, outcome: 'empty', digest: null, detail: `${week} has no public entries, so it gets no digest.` }
  }
  const intro = request.intro ?? existing?.intro ?? ''
  const status = request.status ?? existing?.status ?? defaultStatus
  const kept = existing?.curatedAt ? keepCuration(existing, selection) : selection
  if (existing && sameSelection(existing, kept) && existing.intro === intro && existing.status === status) {
    return { week, outcome: 'unchanged', digest: existing }
  }
  const at = now.toISOString()
  const publishedNow =
    request.status === 'published' || !scheduledAt || scheduledAt > now ? at : scheduledAt.toISOString()
  const publishedAt =
    status === 'published'
      ? ((existing?.status === 'published' ? existing.publishedAt : undefined) ?? publishedNow)
      : undefined
  const digest: Digest = {
    person,
    week,
    items: kept.items,
    moreCount: kept.moreCount,
    withheldCount: kept.withheldCount,
    intro,
    status,
    generatedAt: existing && sameSelection(existing, kept) ? existing.generatedAt : at,
    ...(existing?.curatedAt ? { curatedAt: existing.curatedAt } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  }
  return { week, outcome: existing ? 'updated' : 'created', digest }
}

/**
 * A curated digest regenerated: the servant's items stay as chosen (the public projection drops
 * any that stopped being public), only the counts follow the week.
 */
function keepCuration(existing: Digest, selection: DigestSelection): DigestSelection {
  const publicCount = selection.items.length + selection.moreCount
  return {
    week: selection.week,
    items: existing.items,
    moreCount: Math.max(0, publicCount - existing.items.length),
    withheldCount: selection.withheldCount,
  }
}
