import * as z from 'zod/mini'
import { builtOnFirstUse } from '../model/built-on-first-use.js'
import type { Entry } from '../model/entry.js'
import { longText, text } from '../model/primitives.js'
import { parseWith, ValidationError, type FieldError } from '../model/validation.js'
import type { Locale } from '../model/vocabulary.js'
import { countEntries } from '../privacy/counted-entries.js'
import { weekRangeOrThrow } from '../time/iso-weeks.js'
import { DIGEST_STATUSES, type Digest } from './digest.js'
import { DIGEST_SIZE, digestItem, type DigestItem } from './selection.js'

/** A note is one line under an item: a tweet's length, plain text. */
export const DIGEST_NOTE_LENGTH = 140

/**
 * What the servant decides about a week's digest: the chosen entries in the order they are
 * shown, each with an optional note; the intro (Markdown, '' for the generated lead); the status.
 * How many items and which entries are judged by `curateDigest`, which knows the week.
 */
export const digestCurationSchema = builtOnFirstUse(() =>
  z.strictObject({
    items: z.array(z.strictObject({ entryId: text(100), note: z.optional(longText(1_000)) })).check(z.maxLength(100)),
    intro: longText(2_000),
    status: z.enum(DIGEST_STATUSES),
  }),
)
export type DigestCuration = z.infer<typeof digestCurationSchema>

/**
 * The entries the servant may choose from: the week's public entries as they are now, in
 * chronological order, as digest items. Restricted, embargoed, private and withdrawn entries are
 * not offered, so a curated digest can never name them.
 */
export function digestCandidates(
  entries: readonly Entry[],
  week: string,
  { now, timeZone, locale }: { now: Date; timeZone: string; locale: Locale },
): DigestItem[] {
  const counted = countEntries(entries, weekRangeOrThrow(week), { now, timeZone, locale })
  return counted.published.map((view) => digestItem(view, locale, timeZone))
}

/** A note as it is kept: one line, spaces collapsed; empty means none. */
const oneLine = (note: string | undefined) => (note ?? '').replace(/\s+/g, ' ').trim()

/**
 * The digest after the servant chose its items, their order and notes: at most ten of the
 * week's public entries (`candidates`), none twice. Throws a ValidationError naming each problem
 * in words that say how to fix it. A first publication is dated now; a digest published before
 * keeps its date, so feed readers do not see it as new.
 */
export function curateDigest(digest: Digest, input: DigestCuration, candidates: DigestItem[], now: Date): Digest {
  const curation = parseWith(digestCurationSchema, input)
  const byId = new Map(candidates.map((c) => [c.entryId, c]))
  const errors: FieldError[] = []
  if (curation.items.length === 0) errors.push({ field: 'items', reason: 'choose at least one appointment' })
  if (curation.items.length > DIGEST_SIZE) {
    errors.push({
      field: 'items',
      reason: `choose at most ${DIGEST_SIZE} appointments; ${curation.items.length} are chosen`,
    })
  }
  const seen = new Set<string>()
  const items = curation.items.flatMap(({ entryId, note }, i): DigestItem[] => {
    const candidate = byId.get(entryId)
    const line = oneLine(note)
    if (!candidate)
      errors.push({ field: `items.${i}.entryId`, reason: `is not a public appointment of ${digest.week}` })
    else if (seen.has(entryId)) errors.push({ field: `items.${i}.entryId`, reason: 'is chosen twice' })
    if (Array.from(line).length > DIGEST_NOTE_LENGTH)
      errors.push({ field: `items.${i}.note`, reason: `must be at most ${DIGEST_NOTE_LENGTH} characters long` })
    seen.add(entryId)
    return candidate ? [{ ...candidate, ...(line ? { note: line } : {}) }] : []
  })
  if (errors.length > 0) throw new ValidationError(errors)
  const at = now.toISOString()
  const publishedAt =
    curation.status === 'published'
      ? ((digest.status === 'published' ? digest.publishedAt : undefined) ?? at)
      : undefined
  const { publishedAt: _was, ...rest } = digest
  return {
    ...rest,
    items,
    moreCount: Math.max(0, candidates.length - items.length),
    intro: curation.intro,
    status: curation.status,
    curatedAt: at,
    ...(publishedAt ? { publishedAt } : {}),
    updatedAt: at,
    version: digest.version + 1,
  }
}
