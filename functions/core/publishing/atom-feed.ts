import { xmlSafe } from '../model/control-characters.js'
import { escapeHtml } from '../words/escape-html.js'
import { iso, latest, type Feed, type FeedItem } from './feed-model.js'

/** Atom 1.0 (RFC 4287), written by hand from the shared feed model. */
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

function xml(value: string): string {
  return (
    escapeHtml(value)
      // Characters XML 1.0 cannot carry at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  )
}
