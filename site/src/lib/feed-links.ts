import { absoluteUrl } from '@core/publishing/index.js'
import { rememberedAnswers } from '@core/time/index.js'
import { STRINGS, type Locale } from './i18n.js'
import { feedPaths } from './paths.js'

export interface FeedLink {
  type: string
  title: string
  href: string
}

/** Every page of a part links the same feeds and data; made once per part and language, not once per page. */
const linksOf = rememberedAnswers<FeedLink[]>(16)

/**
 * What every page's `<head>` offers feed readers and calendar apps: each feed once, in RSS (which
 * every reader takes), and the calendar. The Follow and data pages offer every format and the
 * open data too (`allFeedLinks`); fifteen links on every page would weigh more than a busy week.
 */
export function feedLinks(site: URL, locale: Locale): FeedLink[] {
  return allFeedLinks(site, locale).filter((link) => DISCOVERED.has(link.type))
}

const DISCOVERED = new Set(['application/rss+xml', 'text/calendar'])

/** The feeds in every format, the calendar and the open data. */
export function allFeedLinks(site: URL, locale: Locale): FeedLink[] {
  const feeds = feedPaths()
  return linksOf(`${site.href}|${feeds.snapshot}|${locale}`, () => {
    const t = STRINGS[locale]
    return [
      { type: 'application/rss+xml', title: t.feedPostsRss, href: feeds.postsRss },
      { type: 'application/atom+xml', title: t.feedPostsAtom, href: feeds.postsAtom },
      { type: 'application/feed+json', title: t.feedPostsJson, href: feeds.postsJson },
      { type: 'application/rss+xml', title: t.feedAgendaRss, href: feeds.agendaRss },
      { type: 'application/atom+xml', title: t.feedAgendaAtom, href: feeds.agendaAtom },
      { type: 'application/feed+json', title: t.feedAgendaJson, href: feeds.agendaJson },
      { type: 'application/rss+xml', title: t.feedDigestRss, href: feeds.digestRss },
      { type: 'application/atom+xml', title: t.feedDigestAtom, href: feeds.digestAtom },
      { type: 'application/feed+json', title: t.feedDigestJson, href: feeds.digestJson },
      { type: 'text/calendar', title: t.calendar, href: feeds.agendaIcs },
      { type: 'text/csv', title: t.csv, href: feeds.agendaCsv },
      { type: 'application/json', title: t.json, href: feeds.snapshot },
    ].map((link) => ({ ...link, href: absoluteUrl(site, link.href) }))
  })
}
