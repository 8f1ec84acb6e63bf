import type { Entry } from '../model/entry.js'
import type { Locale } from '../model/vocabulary.js'
import { countEntries } from '../privacy/counted-entries.js'
import { weekRangeOrThrow } from '../time/iso-weeks.js'
import type { Digest } from './digest.js'
import { digestItem, type DigestItem } from './selection.js'

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
export interface PublicDigestOptions {
  now: Date
  timeZone: string
  locale: Locale
}

/**
 * The one public projection of a digest, used by the API and the snapshot alike. A stored digest
 * keeps the servant's choice of entries and words; everything said about the entries is computed
 * from the entries as they are now, so a later decision reaches every digest at the next build:
 * an entry made private, restricted or withdrawn since, or moved to another week, drops out, the
 * other lines are rendered again (a counterpart since marked as a private individual reads
 * "particulier"), and both counts are counted again. Drafts and digests left without any item
 * are not shown. `entries` must hold the entries of the digest's week as stored now (others are ignored).
 */
export function toPublicDigest(
  digest: Digest,
  entries: readonly Entry[],
  { now, timeZone, locale }: PublicDigestOptions,
): PublicDigest | null {
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
