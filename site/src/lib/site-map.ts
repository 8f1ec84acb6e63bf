import { getCollection } from 'astro:content'
import { reportFigureListings } from '@core/report/index.js'
import { LOCALE_ROUTES } from './i18n.js'
import type { Journal } from './journal.js'
import {
  agendaPath,
  dataPath,
  digestPath,
  digestsPath,
  entryPath,
  figurePath,
  followPath,
  homePath,
  monthPath,
  organisationPath,
  organisationsPath,
  pagePath,
  postPath,
  postsPath,
  searchPath,
  themePath,
  themesPath,
  weekPath,
  yearPath,
} from './paths.js'

/** URLs per sitemap file: well under the protocol's 50,000. */
export const SITEMAP_CHUNK = 40_000

/** Every page of the site, in both languages, in a stable order. */
export async function allPagePaths(journal: Journal): Promise<string[]> {
  const pages = await getCollection('pages')
  const { agenda } = journal
  // The organisation's pages list no posts or digests of their own; entries' pages are in the sections.
  const own = !journal.organisation
  return LOCALE_ROUTES.flatMap(({ locale }) => [
    homePath(locale),
    agendaPath(locale),
    themesPath(locale),
    organisationsPath(locale),
    ...(own ? [postsPath(locale), digestsPath(locale)] : []),
    searchPath(locale),
    dataPath(locale),
    followPath(locale),
    ...pages.map((p) => pagePath(p.id, locale)).sort(),
    ...agenda.years.map((y) => yearPath(y, locale)),
    ...agenda.months.map((m) => monthPath(m, locale)),
    ...agenda.weeks.map((w) => weekPath(w, locale)),
    ...(own ? journal.entries.map((e) => entryPath(e.id, locale)) : []),
    ...agenda.themes.map((g) => themePath(g.slug, locale)),
    ...agenda.organisations.map((g) => organisationPath(g.slug, locale)),
    ...journal.posts.map((p) => postPath(p.slug, locale)),
    ...journal.posts.flatMap((p) =>
      (p.figures ? reportFigureListings(p.figures) : []).map((l) => figurePath(p.slug, l.key, locale)),
    ),
    ...journal.digests.map((d) => digestPath(d.week, locale)),
  ])
}
