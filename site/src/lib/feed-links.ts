import { absoluteUrl } from '@core/publishing/index.js'
import { rememberedAnswers } from '@core/time/index.js'
import { STRINGS, type Locale } from './i18n.js'
import { FEED_PATHS } from './paths.js'

export interface FeedLink {
  type: string
  title: string
  href: string
}

/** Every page links the same feeds and data; made once per language, not once per page. */
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
  return linksOf(`${site.href}|${locale}`, () => {
    const t = STRINGS[locale]
    return [
      { type: 'application/rss+xml', title: t.feedPostsRss, href: FEED_PATHS.postsRss },
      { type: 'application/atom+xml', title: t.feedPostsAtom, href: FEED_PATHS.postsAtom },
      { type: 'application/feed+json', title: t.feedPostsJson, href: FEED_PATHS.postsJson },
      { type: 'application/rss+xml', title: t.feedAgendaRss, href: FEED_PATHS.agendaRss },
      { type: 'application/atom+xml', title: t.feedAgendaAtom, href: FEED_PATHS.agendaAtom },
      { type: 'application/feed+json', title: t.feedAgendaJson, href: FEED_PATHS.agendaJson },
      { type: 'application/rss+xml', title: t.feedDigestRss, href: FEED_PATHS.digestRss },
      { type: 'application/atom+xml', title: t.feedDigestAtom, href: FEED_PATHS.digestAtom },
      { type: 'application/feed+json', title: t.feedDigestJson, href: FEED_PATHS.digestJson },
      { type: 'text/calendar', title: t.calendar, href: FEED_PATHS.agendaIcs },
      { type: 'text/csv', title: t.csv, href: FEED_PATHS.agendaCsv },
      { type: 'application/json', title: t.json, href: FEED_PATHS.snapshot },
    ].map((link) => ({ ...link, href: absoluteUrl(site, link.href) }))
  })
}
