import RSS from 'rss'
import { xmlSafe } from '../model/control-characters.js'
import { escapeHtml } from '../words/escape-html.js'
import { latest, type Feed } from './feed-model.js'

/** RSS 2.0, through the `rss` package (the one the design names), from the shared feed model. */
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
