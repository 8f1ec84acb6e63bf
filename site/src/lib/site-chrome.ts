import { escapeHtml, languageName } from '@core/words/index.js'
import { contentLang } from './entry-view.js'
import { attribute } from './html.js'
import { STRINGS, type Locale } from './i18n.js'
import type { Journal } from './journal.js'
import {
  agendaPath,
  dataPath,
  followPath,
  homePath,
  inLocale,
  organisationHomeUrl,
  organisationsPath,
  pagePath,
  postsPath,
  searchPath,
  themesPath,
} from './paths.js'

/**
 * The header and footer every page has, as HTML. Written as strings, not as Astro components:
 * a site of 10,000 entries has 23,000 pages, and each component rendered costs Astro more than
 * the markup it makes (issue 16). Every text goes through `escapeHtml`, as Astro's would.
 */

export interface HeaderProps {
  locale: Locale
  /** The page's Dutch path (see `Base.astro`). */
  path: string
  siteName: string
  /** A page in one form only (404): the language link goes to the other language's home. */
  single: boolean
  journal: Journal
}

/** The site's name (and the servant's role), the main menu with the current page marked, the other language. */
export function siteHeaderHtml({ locale, path, siteName, single, journal }: HeaderProps): string {
  const t = STRINGS[locale]
  const here = inLocale(path, locale)
  const links = [
    { href: agendaPath(locale), label: t.agenda },
    { href: themesPath(locale), label: t.themes },
    { href: organisationsPath(locale), label: t.organisations },
    // The organisation's pages have no posts of their own: each servant's are in their section.
    ...(journal.organisation ? [] : [{ href: postsPath(locale), label: t.posts }]),
    { href: searchPath(locale), label: t.search },
    { href: pagePath('about', locale), label: t.about },
  ]
  const other = locale === 'nl' ? 'en' : 'nl'
  const otherHref = single ? homePath(other) : inLocale(path, other)
  const current = (href: string) => here === href || (href !== homePath(locale) && here.startsWith(href))
  const partOf = journal.partOf
    ? `<p class="part-of"><a${attribute('href', organisationHomeUrl(locale))}>` +
      `← ${escapeHtml(t.partOf(journal.partOf.name))}</a></p>`
    : ''
  const { profile } = journal
  const role = profile
    ? `<small${attribute('lang', contentLang(journal, locale))}>` +
      `${escapeHtml(`${profile.role}, ${profile.organisation}`)}</small>`
    : ''
  const item = ({ href, label }: { href: string; label: string }) =>
    `<li><a${attribute('href', href)}${attribute('aria-current', current(href) ? 'page' : undefined)}>` +
    `${escapeHtml(label)}</a></li>`
  return (
    `<header class="site"> <div class="wrap"> ${partOf} ` +
    `<a class="brand"${attribute('href', homePath(locale))}>${escapeHtml(siteName)}${role}</a> </div> ` +
    `<nav class="main"${attribute('aria-label', t.menu)}> <ul class="wrap"> ${links.map(item).join('')} ` +
    `<li><a${attribute('href', otherHref)} hreflang="${other}" lang="${other}"` +
    `${attribute('title', t.otherLanguageLabel)}>${escapeHtml(languageName(other))}</a></li> </ul> </nav> </header>`
  )
}

/** Following the site, its open data, privacy and accessibility statements. */
export function siteFooterHtml(locale: Locale): string {
  const t = STRINGS[locale]
  const links = [
    { href: followPath(locale), label: t.subscribe },
    { href: dataPath(locale), label: t.data },
    { href: pagePath('privacy', locale), label: t.privacy },
    { href: pagePath('accessibility', locale), label: t.accessibility },
  ]
  const items = links.map(({ href, label }) => `<li><a${attribute('href', href)}>${escapeHtml(label)}</a></li>`)
  return `<footer class="site"> <div class="wrap"> <ul class="inline"> ${items.join(' ')} </ul> </div> </footer>`
}
