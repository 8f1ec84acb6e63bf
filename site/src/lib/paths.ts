import * as permalinks from '@core/publishing/index.js'
import * as figures from '@core/report/index.js'
import type { Locale } from './i18n.js'
import { currentPart } from './site-part.js'

/**
 * The site's permalinks (core's, see functions/core/publishing/paths.ts) under the base of the
 * part the page belongs to: nothing for a journal at the root, `/wouter` for one servant's section
 * of an organisation's site (lib/site-part.ts). Every href a page writes comes from here, so a
 * section links within itself; core's feed builders get the section's address instead
 * (`sectionUrl`), as the site builder's calendars and CSV do (core's `timelineFiles`).
 */
const sectionBase = () => currentPart().base

type PathOf<A extends unknown[]> = (...args: A) => string
const based =
  <A extends unknown[]>(path: PathOf<A>): PathOf<A> =>
  (...args) =>
    `${sectionBase()}${path(...args)}`

export const homePath = based(permalinks.homePath)
export const agendaPath = based(permalinks.agendaPath)
export const entryPath = based(permalinks.entryPath)
export const weekPath = based(permalinks.weekPath)
export const monthPath = based(permalinks.monthPath)
export const yearPath = based(permalinks.yearPath)
export const themesPath = based(permalinks.themesPath)
export const themePath = based(permalinks.themePath)
export const themeIcsPath = based(permalinks.themeIcsPath)
export const organisationsPath = based(permalinks.organisationsPath)
export const organisationPath = based(permalinks.organisationPath)
export const postsPath = based(permalinks.postsPath)
export const postPath = based(permalinks.postPath)
export const digestsPath = based(permalinks.digestsPath)
export const digestPath = based(permalinks.digestPath)
export const pagePath = based(permalinks.pagePath)
export const searchPath = based(permalinks.searchPath)
export const dataPath = based(permalinks.dataPath)
export const followPath = based(permalinks.followPath)
/**
 * On the organisation's pages: a servant's section (`/wouter/`, `/wouter/en/`) and an entry's page
 * in its servant's section. Only the organisation's timeline names an entry's `person`.
 */
/**
 * The organisation's home, from a servant's section: a whole address, because the section is also
 * served at the servant's own host name (infra/site/servant-hosts.ts), where `/` is their home.
 */
export const organisationHomeUrl = (locale?: Locale) => new URL(permalinks.homePath(locale), import.meta.env.SITE).href
export const servantHomePath = (person: string, locale?: Locale) => `/${person}${permalinks.homePath(locale)}`
export const entryPathOf = based(permalinks.entryPagePath)

/** A file of the section's own: its stylesheet, its search bundle. */
export const sectionFile = (path: string) => `${sectionBase()}${path}`

/** Feeds and open data of this section (or of the whole organisation on its pages). */
export const feedPaths = () =>
  Object.fromEntries(
    Object.entries(permalinks.FEED_PATHS).map(([name, path]) => [name, `${sectionBase()}${path}`]),
  ) as { [name in keyof typeof permalinks.FEED_PATHS]: string }

/**
 * A page's path in another language: `/agenda/` → `/en/agenda/`, `/wouter/agenda/` →
 * `/wouter/en/agenda/`. Pages name themselves by their Dutch path (the `path` of Base.astro).
 */
export function inLocale(path: string, locale: Locale): string {
  const base = sectionBase()
  const local = path.startsWith(base) ? path.slice(base.length) : path
  return `${base}${permalinks.localePrefix(locale)}${local}`
}

/** The section's own address (`https://…/wouter/`): core's builders make their URLs against it. */
export const sectionUrl = (site: URL) => new URL(permalinks.partUrl(site, sectionBase()))
export const figurePath = based(figures.figurePath)
