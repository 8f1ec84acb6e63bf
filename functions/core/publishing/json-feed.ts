import { iso, type Feed } from './feed-model.js'

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), from the shared feed model. */
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
