import { escapeHtml } from '@core/words/index.js'

/**
 * The attributes that give Pagefind a filter value (`organisatie`, `thema`, …).
 *
 * Pagefind's search page inserts filter labels as HTML, and they come from organisation and theme
 * names anyone holding the owner's pen can type. So the value is handed over HTML-escaped, in an
 * attribute of its own (`organisatie[data-search-filter]`), and escaped deep enough to survive
 * Pagefind's indexer: it decodes entities in a filter value twice (on top of the escaping Astro
 * adds), so two levels of our own leave one in the index, and the search page shows an
 * organisation called `"><img src=x onerror=…>` as that text. test/site/xss.test.ts checks this
 * in Chromium, both ways (no script runs, the name reads as written), so a Pagefind that decodes
 * differently fails the build's tests instead of the site.
 */
export function searchFilter(key: string, value: string): Record<string, string> {
  return { 'data-pagefind-filter': `${key}[data-search-filter]`, 'data-search-filter': escapeHtml(escapeHtml(value)) }
}
