import { isoWeekRange } from '../time/iso-weeks.js'
import type { Feed, FeedItem } from './feed-model.js'
import { WORDS } from '../words/catalogue.js'
import { escapeHtml } from '../words/escape-html.js'
import { describeRevision } from '../words/history-text.js'
import { describeWhen, formatDate, KIND_LABELS, LANGUAGE_TAGS, STATUS_LABELS } from '../words/labels.js'
import { markdownToText, renderMarkdown } from '../words/markdown.js'
import { absoluteUrl, digestPath, entryPagePath, entryPath, FEED_PATHS, homePath, postPath } from './paths.js'
import type { PublicSnapshot, SnapshotEntry } from './public-snapshot.js'
import { compareText } from '../model/slug.js'
import type { Locale } from '../model/vocabulary.js'
import { describeDigestItem, digestDays } from '../digest/digest-days.js'
import type { PublicDigest, PublicDigestItem } from '../digest/public-digest.js'
import { DIGEST_WORDS } from '../words/digest-words.js'

/**
 * The journal's feeds, built from the public snapshot: the posts (full text) and the agenda
 * (entries as they are published and changed). Pages link to these; the site serves them as
 * RSS, Atom and JSON Feed.
 */

const feedUrls = (site: string, base: 'posts' | 'agenda' | 'digest') => ({
  rss: absoluteUrl(site, FEED_PATHS[`${base}Rss`]),
  atom: absoluteUrl(site, FEED_PATHS[`${base}Atom`]),
  json: absoluteUrl(site, FEED_PATHS[`${base}Json`]),
})

function journalName(snapshot: PublicSnapshot): string {
  return snapshot.profile?.name ?? snapshot.organisation?.name ?? WORDS[snapshot.locale].feeds.journal
}

function author(snapshot: PublicSnapshot, site: string): Feed['author'] {
  return snapshot.profile ? { name: snapshot.profile.name, url: absoluteUrl(site, homePath()) } : undefined
}

/** Annual reports and notes with their full text, newest first. */
export function postsFeed(snapshot: PublicSnapshot, site: string): Feed {
  const words = WORDS[snapshot.locale].feeds.posts
  return {
    title: `${journalName(snapshot)} — ${words.title}`,
    description: words.description,
    language: LANGUAGE_TAGS[snapshot.locale],
    homeUrl: absoluteUrl(site, homePath()),
    urls: feedUrls(site, 'posts'),
    author: author(snapshot, site),
    fallbackUpdated: snapshot.generatedAt,
    items: snapshot.posts.map(
      (post): FeedItem => ({
        id: absoluteUrl(site, postPath(post.slug)),
        url: absoluteUrl(site, postPath(post.slug)),
        title: post.title,
        summary: post.withdrawn ? post.withdrawn.reason : markdownToText(post.body, 300),
        contentHtml: post.withdrawn ? undefined : renderMarkdown(post.body),
        published: post.publishedAt ?? post.createdAt,
        updated: post.updatedAt,
        tags: [post.kind],
      }),
    ),
  }
}

/**
 * Agenda entries as they are published and changed: one item per public version of an entry,
 * newest change first, so a reader's app shows a change as a new item. Restricted slots are not
 * news and stay out (they are in the calendar and on the agenda pages).
 */
export function agendaFeed(snapshot: PublicSnapshot, site: string, limit = 100): Feed {
  const locale = snapshot.locale
  const items = snapshot.entries
    .filter((e) => e.visibility === 'public')
    .sort((a, b) => compareText(b.updatedAt, a.updatedAt) || compareText(a.id, b.id))
    .slice(0, limit)
    .map((entry) => agendaItem(entry, snapshot, site))
  const words = WORDS[locale].feeds.agenda
  return {
    title: `${journalName(snapshot)} — ${words.title}`,
    description: words.description,
    language: LANGUAGE_TAGS[locale],
    homeUrl: absoluteUrl(site, homePath()),
    urls: feedUrls(site, 'agenda'),
    author: author(snapshot, site),
    fallbackUpdated: snapshot.generatedAt,
    items,
  }
}

function agendaItem(entry: SnapshotEntry, snapshot: PublicSnapshot, site: string): FeedItem {
  const locale = snapshot.locale
  const url = absoluteUrl(site, entryPagePath(entry))
  const when = describeWhen(entry, locale, snapshot.timezone)
  const last = entry.history.at(-1)
  const change = last && last.action !== 'create' ? describeRevision(last, locale, snapshot.timezone) : undefined
  const news = entry.withdrawn ? WORDS[locale].withdrawn : change ? WORDS[locale].changed : undefined
  const facts = [
    when,
    `${KIND_LABELS[locale][entry.kind]} · ${STATUS_LABELS[locale][entry.status]}` +
      (entry.statusNote ? ` (${entry.statusNote})` : ''),
    entry.counterparts.length ? entry.counterparts.map((c) => c.name).join(', ') : '',
    entry.location ?? '',
    change ? [change.lines.join('; '), change.reason].filter(Boolean).join(' — ') : '',
    entry.withdrawn?.reason ?? '',
  ].filter(Boolean)
  return {
    // One item per version: a change is news of its own, and the same version keeps the same id.
    id: `${url}#v${entry.version}`,
    url,
    title: news ? `${news}: ${entry.title}` : entry.title,
    summary: facts.join(' — '),
    contentHtml: [
      ...facts.map((f) => `<p>${escapeHtml(f)}</p>`),
      entry.summary ? renderMarkdown(entry.summary) : '',
    ].join(''),
    published: entry.updatedAt,
    updated: entry.updatedAt,
    tags: entry.themes,
  }
}

/**
 * "The week in ten items": one item per published weekly digest, newest week first, carrying the
 * whole digest as HTML so it reads in a feed reader as on the site: the lead (the servant's
 * intro, or the generated one), the items under a heading per day with their titles linking to
 * the entries, facts, first sentence and note, then the honest counts. An item is dated at the
 * digest's publication, which regenerations keep, and keeps its id (the week).
 */
export function digestFeed(snapshot: PublicSnapshot, site: string): Feed {
  const words = WORDS[snapshot.locale].feeds
  return {
    title: `${journalName(snapshot)} — ${words.digests.title}`,
    description: words.digests.description,
    language: LANGUAGE_TAGS[snapshot.locale],
    homeUrl: absoluteUrl(site, homePath()),
    urls: feedUrls(site, 'digest'),
    author: author(snapshot, site),
    fallbackUpdated: snapshot.generatedAt,
    items: snapshot.digests.map((digest): FeedItem => {
      const range = isoWeekRange(digest.week)!
      return {
        id: absoluteUrl(site, digestPath(digest.week)),
        url: absoluteUrl(site, digestPath(digest.week)),
        title: words.digestTitle(
          Number(digest.week.slice(6)),
          digest.week.slice(0, 4),
          formatDate(range.from, snapshot.locale, 'short'),
          formatDate(range.to, snapshot.locale, 'short'),
        ),
        summary: [digest.intro ? markdownToText(digest.intro, 600) : digest.lead, ...digest.items.map((i) => i.title)]
          .filter(Boolean)
          .join(' — '),
        contentHtml: digestHtml(digest, snapshot.locale, site),
        published: digest.publishedAt,
        updated: digest.publishedAt,
      }
    }),
  }
}

function digestHtml(digest: PublicDigest, locale: Locale, site: string): string {
  const words = DIGEST_WORDS[locale]
  const item = (i: PublicDigestItem) =>
    [
      `<li><p><a href="${escapeHtml(absoluteUrl(site, entryPath(i.entryId)))}">${escapeHtml(i.title)}</a><br>`,
      `${escapeHtml(describeDigestItem(i, locale))}</p>`,
      i.firstSentence ? `<p>${escapeHtml(i.firstSentence)}</p>` : '',
      i.note ? `<p><em>${escapeHtml(i.note)}</em></p>` : '',
      '</li>',
    ].join('')
  return [
    digest.introHtml ?? `<p>${escapeHtml(digest.lead)}</p>`,
    ...digestDays(digest.items).map(
      (day) => `<h3>${escapeHtml(formatDate(day.date, locale, 'day'))}</h3><ul>${day.items.map(item).join('')}</ul>`,
    ),
    digest.moreCount > 0 ? `<p>${escapeHtml(words.more(digest.moreCount))}</p>` : '',
    digest.withheldCount > 0 ? `<p>${escapeHtml(words.withheld(digest.withheldCount))}</p>` : '',
  ].join('')
}
