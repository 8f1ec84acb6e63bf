import RSS from 'rss'
import { xmlSafe } from '../model/control-characters.js'
import { escapeHtml } from '../words/escape-html.js'

/**
 * Syndication feeds in the three formats readers' apps expect: RSS 2.0 (through the `rss`
 * package), Atom 1.0 and JSON Feed 1.1, all from one feed model so they always agree.
 * Deterministic: every date comes from the items, none from the clock.
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

/** The newest `updated` of the items (ISO instants compare as text), or the fallback for a feed without items. */
function latest(feed: Feed): string {
  let newest = feed.items.length ? '' : feed.fallbackUpdated
  for (const item of feed.items) if (item.updated > newest) newest = item.updated
  return newest
}

export function toRss(feed: Feed): string {
  const rss = new RSS({
    title: feed.title,
    description: feed.description,
    site_url: feed.homeUrl,
    feed_url: feed.urls.rss,
    language: feed.language,
    pubDate: latest(feed),
    generator: 'Open Agenda Journal',
    ttl: 60,
    ...(feed.author ? { author: feed.author.name } : {}),
  })
  for (const item of feed.items) {
    rss.item({
      title: item.title,
      url: item.url,
      guid: item.id,
      date: item.published,
      categories: item.tags ?? [],
      // Readers treat an RSS description as HTML: plain text must arrive as text.
      description: escapeHtml(item.summary ?? ''),
      ...(item.contentHtml ? { custom_elements: [{ 'content:encoded': { _cdata: item.contentHtml } }] } : {}),
    })
  }
  // `rss` stamps lastBuildDate with the clock; the feed's own last change keeps builds reproducible.
  return xmlSafe(rss.xml({ indent: false })).replace(
    /<lastBuildDate>[^<]*<\/lastBuildDate>/,
    `<lastBuildDate>${new Date(latest(feed)).toUTCString()}</lastBuildDate>`,
  )
}

export function toAtom(feed: Feed): string {
  const entry = (item: FeedItem) =>
    [
      '<entry>',
      `<id>${xml(item.id)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
      `<published>${iso(item.published)}</published>`,
      `<updated>${iso(item.updated)}</updated>`,
      ...(item.tags ?? []).map((t) => `<category term="${xml(t)}"/>`),
      item.summary ? `<summary>${xml(item.summary)}</summary>` : '',
      item.contentHtml ? `<content type="html">${xml(item.contentHtml)}</content>` : '',
      '</entry>',
    ]
      .filter(Boolean)
      .join('\n')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">`,
    `<id>${xml(feed.urls.atom)}</id>`,
    `<title>${xml(feed.title)}</title>`,
    `<subtitle>${xml(feed.description)}</subtitle>`,
    `<updated>${iso(latest(feed))}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(feed.urls.atom)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(feed.homeUrl)}"/>`,
    feed.author
      ? `<author><name>${xml(feed.author.name)}</name>` +
        `${feed.author.url ? `<uri>${xml(feed.author.url)}</uri>` : ''}</author>`
      : '',
    '<generator>Open Agenda Journal</generator>',
    ...feed.items.map(entry),
    '</feed>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .map(xmlSafe)
    .join('\n')
}

export function toJsonFeed(feed: Feed): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      description: feed.description,
      home_page_url: feed.homeUrl,
      feed_url: feed.urls.json,
      language: feed.language,
      ...(feed.author
        ? { authors: [{ name: feed.author.name, ...(feed.author.url ? { url: feed.author.url } : {}) }] }
        : {}),
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary ?? item.title }),
        ...(item.summary ? { summary: item.summary } : {}),
        date_published: iso(item.published),
        date_modified: iso(item.updated),
        ...(item.tags?.length ? { tags: item.tags } : {}),
      })),
    },
    null,
    2,
  )}\n`
}

/** RFC 3339 in UTC, as Atom and JSON Feed want. */
const iso = (instant: string) => new Date(instant).toISOString().replace(/\.000Z$/, 'Z')

function xml(value: string): string {
  return (
    escapeHtml(value)
      // Characters XML 1.0 cannot carry at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  )
}
