import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { calendarDate, instant, longText, slug, text } from './primitives.js'
import { parseWith, ValidationError } from './validation.js'
import { POST_KINDS, POST_STATUSES } from './vocabulary.js'
import { dropUndefined } from './entry.js'
import type { PublicMeta } from './revision.js'

export const periodSchema = builtOnFirstUse(() => z.strictObject({ from: calendarDate, to: calendarDate }))

const postFields = builtOnFirstUse(() => ({
  title: text(200),
  kind: z.enum(POST_KINDS),
  period: z.optional(periodSchema),
  body: longText(200_000),
  status: z.optional(z.enum(POST_STATUSES)),
  publishedAt: z.optional(instant),
}))

/** What a servant sends to create a post (`slug` names it in its URL) or to replace one. */
export const postCreateSchema = builtOnFirstUse(() => z.strictObject({ slug, ...postFields }))
export const postReplaceSchema = builtOnFirstUse(() => z.strictObject(postFields))
export const postPatchSchema = builtOnFirstUse(() => z.partial(postReplaceSchema))

export interface Post {
  slug: string
  person: string
  title: string
  kind: (typeof POST_KINDS)[number]
  period?: { from: string; to: string }
  body: string
  status: (typeof POST_STATUSES)[number]
  publishedAt?: string
  withdrawn?: { at: string; reason: string }
  createdAt: string
  updatedAt: string
  version: number
  /** Internal: what the public has seen of this post (see `PublicMeta`). */
  publicMeta?: PublicMeta
}
export type PostContent = Omit<
  Post,
  'slug' | 'person' | 'createdAt' | 'updatedAt' | 'version' | 'withdrawn' | 'publicMeta'
>

/**
 * Validates post content. A published post without `publishedAt` is published `now`;
 * an annual report needs a period of at most two years.
 */
export function normalizePostContent(raw: unknown, now: Date, schema: z.ZodMiniType = postReplaceSchema): PostContent {
  const input = parseWith(schema, raw) as PostContent & { slug?: string }
  const { slug: _slug, ...content } = input
  if (content.period) {
    const days = (Date.parse(content.period.to) - Date.parse(content.period.from)) / 86_400_000
    if (days < 0) throw new ValidationError([{ field: 'period.to', reason: 'must be on or after period.from' }])
    if (days > 731) throw new ValidationError([{ field: 'period', reason: 'may span at most two years' }])
  }
  if (content.kind === 'annual-report' && !content.period) {
    throw new ValidationError([
      { field: 'period', reason: 'is required for an annual report, e.g. {"from":"2014-07-01","to":"2015-06-30"}' },
    ])
  }
  const status = content.status ?? 'draft'
  return dropUndefined({
    ...content,
    status,
    publishedAt: content.publishedAt ?? (status === 'published' ? now.toISOString() : undefined),
  })
}

export function postContent(post: Post): PostContent {
  const {
    slug: _s,
    person: _p,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    withdrawn: _w,
    publicMeta: _m,
    ...content
  } = post
  return content
}
