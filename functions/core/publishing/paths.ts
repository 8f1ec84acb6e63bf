import type { Locale } from '../model/vocabulary.js'

/**
 * Permalinks of the public site, in one place: pages, feeds, the sitemap, iCal URLs and the
 * digest all link through these. Dutch is the default language at the root; English lives
 * under `/en/`. Every path ends in a slash (directory-style pages) unless it names a file.
 */

/** `/en` for English, nothing for Dutch. */
export function localePrefix(locale: Locale = 'nl'): string {
  return locale === 'nl' ? '' : `/${locale}`
}

const at = (locale: Locale | undefined, path: string) => `${localePrefix(locale)}${path}`

export const homePath = (locale?: Locale) => at(locale, '/')
export const agendaPath = (locale?: Locale) => at(locale, '/agenda/')

/** An entry's permalink: `/agenda/entry/01HV…/`. */
export const entryPath = (id: string, locale?: Locale) => at(locale, `/agenda/entry/${id}/`)

/**
 * An entry's page as linked from where it is listed: on the organisation's timeline, which names
 * each entry's servant (`person`), in that servant's section (`/wouter/agenda/entry/01HV…/`).
 */
export const entryPagePath = (entry: { id: string; person?: string }, locale?: Locale) =>
  `${entry.person ? `/${entry.person}` : ''}${entryPath(entry.id, locale)}`

/** An ISO week's page: `weekPath('2015-W12')` is `/agenda/2015/w12/` (the ISO week-year). */
export function weekPath(week: string, locale?: Locale): string {
  const [year, number] = week.split('-W') as [string, string]
  return at(locale, `/agenda/${year}/w${number}/`)
}

/** A month's page: `monthPath('2015-03')` is `/agenda/2015/03/`. */
export function monthPath(month: string, locale?: Locale): string {
  return at(locale, `/agenda/${month.slice(0, 4)}/${month.slice(5, 7)}/`)
}

export const yearPath = (year: string | number, locale?: Locale) => at(locale, `/agenda/${year}/`)
export const themesPath = (locale?: Locale) => at(locale, '/themes/')
export const themePath = (slug: string, locale?: Locale) => at(locale, `/themes/${slug}/`)
export const organisationsPath = (locale?: Locale) => at(locale, '/organisations/')
export const organisationPath = (slug: string, locale?: Locale) => at(locale, `/organisations/${slug}/`)
export const postsPath = (locale?: Locale) => at(locale, '/posts/')
export const postPath = (slug: string, locale?: Locale) => at(locale, `/posts/${slug}/`)
export const digestsPath = (locale?: Locale) => at(locale, '/digest/')
/** A weekly digest: `digestPath('2015-W12')` is `/digest/2015-w12/`. */
export const digestPath = (week: string, locale?: Locale) => at(locale, `/digest/${week.toLowerCase()}/`)
export const pagePath = (name: string, locale?: Locale) => at(locale, `/${name}/`)
export const searchPath = (locale?: Locale) => at(locale, '/search/')
export const dataPath = (locale?: Locale) => at(locale, '/data/')
/**
 * How to follow the journal: feeds, calendar, open data, how to respond. Like every page it has
 * one name in both languages (`/follow/`, `/en/follow/`), so the language switch only swaps the prefix.
 */
export const followPath = (locale?: Locale) => at(locale, '/follow/')

/** Feeds and open data: one set for the whole site (content stays as written, in any language). */
export const FEED_PATHS = {
  postsRss: '/posts.xml',
  postsAtom: '/posts.atom',
  postsJson: '/posts.json',
  agendaRss: '/agenda.xml',
  agendaAtom: '/agenda.atom',
  agendaJson: '/agenda.json',
  digestRss: '/digest.xml',
  digestAtom: '/digest.atom',
  digestJson: '/digest.json',
  agendaIcs: '/agenda.ics',
  agendaCsv: '/data/agenda.csv',
  snapshot: '/data/journal.json',
  sitemap: '/sitemap.xml',
} as const

/** The calendar of one theme: `/themes/zelfsturing.ics`. */
export const themeIcsPath = (slug: string) => `/themes/${slug}.ics`

/**
 * `path` made absolute against the address of the site or of a section of it, keeping that
 * address's own path: `absoluteUrl('https://agenda.example.nl/wouter/', '/agenda/')` is
 * `https://agenda.example.nl/wouter/agenda/` (an organisation's site has a section per servant).
 */
export function absoluteUrl(site: string | URL, path: string): string {
  const relative = path.replace(/^\/+/, '')
  const folder = directoryOf(String(site))
  // A plain path (names of letters, digits, `-`, `_`, `~` and inner dots, each ending in a slash
  // but the last) resolves to the folder's address followed by it: no URL is parsed. A page asks
  // for eight, a site of 10,000 entries has 23,000 pages (issue 16).
  if (PLAIN_PATH.test(relative) && folder.search === '' && folder.hash === '') return folder.href + relative
  return new URL(relative, folder).href
}

/**
 * The address of a part of the site (`https://agenda.example.nl/wouter/` for the section at
 * `/wouter`, the site's own for '' at the root): feeds, calendars and the CSV make their URLs against it.
 */
export const partUrl = (site: string | URL, base: string) => absoluteUrl(site, `${base}/`)

/** Segments separated by one slash each, none `.` or `..`: nothing for a URL parser to resolve or encode. */
const PLAIN_PATH = /^(?:[\w~-]+(?:\.[\w~-]+)*\/)*(?:[\w~-]+(?:\.[\w~-]+)*)?$/

/** The site's address as a folder, made once per site: a site build asks for it a few times a page. */
function directoryOf(site: string): URL {
  let base = siteFolders.get(site)
  if (!base) {
    base = new URL(site)
    if (!base.pathname.endsWith('/')) base.pathname += '/'
    siteFolders.set(site, base)
  }
  return base
}
const siteFolders = new Map<string, URL>()
