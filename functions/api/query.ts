import * as z from 'zod/mini'
import { localDaysToInstants } from '../core/time/index.js'
import { builtOnFirstUse, calendarDate, text, parseWith, ValidationError, ENTRY_KINDS } from '../core/model/index.js'

const limit = builtOnFirstUse(() =>
  z.optional(z.string().check(z.regex(/^([1-9]\d?|1\d\d|200)$/, { error: 'must be a whole number from 1 to 200' }))),
)

/** Query parameters of `GET /api/entries`. */
export const entryListQuerySchema = builtOnFirstUse(() =>
  z.strictObject({
    from: z.optional(calendarDate),
    to: z.optional(calendarDate),
    theme: z.optional(text(60)),
    counterpart: z.optional(text(150)),
    kind: z.optional(z.enum(ENTRY_KINDS)),
    order: z.optional(z.enum(['asc', 'desc'])),
    limit,
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  }),
)

export const pageQuerySchema = builtOnFirstUse(() =>
  z.strictObject({ limit, cursor: z.optional(z.string().check(z.maxLength(2000))) }),
)

export function parseEntryListQuery(query: Record<string, string>, timeZone: string) {
  const q = parseWith(entryListQuerySchema, query)
  if (q.from && q.to && q.to < q.from) throw new ValidationError([{ field: 'to', reason: 'must be on or after from' }])
  const start = q.from ? localDaysToInstants(q.from, q.from, timeZone).start : undefined
  const end = q.to ? localDaysToInstants(q.to, q.to, timeZone).end : undefined
  return { ...q, start, end, limit: Number(q.limit ?? 50) }
}
