/**
 * The one feed model that every syndication format is written from (rss-feed.ts, atom-feed.ts,
 * json-feed.ts), so the formats always agree. Deterministic: every date comes from the items,
 * none from the clock.
 */

export interface FeedItem {
  /** Permanent and unique; never changes between builds (RSS guid, Atom id, JSON Feed id). */
  id: string
  url: string
  title: string
  /** Plain text. */
  summary?: string
  /** Full content as (already sanitised) HTML. */
  contentHtml?: string
  published: string
  updated: string
  tags?: string[]
}

export interface Feed {
  title: string
  description: string
  /** BCP 47, e.g. `nl-NL`. */
  language: string
  /** Absolute URL of the site's home page. */
  homeUrl: string
  /** Absolute URLs of this feed in each format. */
  urls: { rss: string; atom: string; json: string }
  author?: { name: string; url?: string }
  /** Newest first. */
  items: FeedItem[]
  /** Used as "last changed" when there are no items. */
  fallbackUpdated: string
}

/** When the feed last changed: its newest item, or `fallbackUpdated` when it has none. */
export function latest(feed: Feed): string {
  let newest = feed.items.length ? '' : feed.fallbackUpdated
  for (const item of feed.items) if (item.updated > newest) newest = item.updated
  return newest
}

/** RFC 3339 in UTC, as Atom and JSON Feed want. */
export const iso = (instant: string) => new Date(instant).toISOString().replace(/\.000Z$/, 'Z')
