import { escapeHtml } from '@core/words/index.js'
import { contentLang, counterpartName, entryTitle, kindLabel, statusLabel, titleLang, whenText } from './entry-view.js'
import { attribute } from './html.js'
import { STRINGS, type Locale } from './i18n.js'
import type { Journal, JournalEntry } from './journal.js'
import { entryPathOf } from './paths.js'

/**
 * An entry's line in a list (a week, a month, a theme, an organisation met), as HTML: its time,
 * whose it is on the organisation's agenda, its title linking to its page, its kind and
 * counterparts, and a badge when it was withdrawn, cancelled or moved.
 *
 * Written as a string, not as an Astro component: an organisation's theme page lists thousands of
 * lines, and a component per line took 0.24 ms of the 0.26 ms each line cost (issue 14). Every
 * text goes through `escapeHtml`, as Astro's own expressions would.
 */
export function entryLineHtml(entry: JournalEntry, locale: Locale, journal: Journal, withDate = false): string {
  const t = STRINGS[locale]
  const servant = entry.person ? journal.organisation?.servantOf(entry.person) : undefined
  const flagged = entry.withdrawn
    ? 'withdrawn'
    : entry.status === 'cancelled' || entry.status === 'moved'
      ? entry.status
      : undefined
  const badge = flagged === 'withdrawn' ? t.withdrawn : flagged && statusLabel(entry, locale)
  return (
    `<li> <span class="time">${escapeHtml(whenText(entry, locale, journal, !withDate))}</span> ` +
    (servant ? `<span class="who">${escapeHtml(servant.name)}</span> ` : ' ') +
    `<a${attribute('href', entryPathOf(entry, locale))}` +
    attribute('class', entry.visibility === 'restricted' ? 'slot' : undefined) +
    attribute('lang', titleLang(entry, journal, locale)) +
    `>${escapeHtml(entryTitle(entry, locale))}</a> ` +
    `<span class="meta">· ${escapeHtml(kindLabel(entry, locale))}${counterpartsHtml(entry, locale, journal)}</span> ` +
    (flagged ? `<span class="badge ${flagged}">${escapeHtml(badge!)}</span>` : '') +
    ' </li>'
  )
}

/**
 * ` · ` and the counterparts' names. Organisations' names are content (marked with their
 * language); "private individual" is interface. Neighbouring names share one mark: a busy week
 * lists sixty of them.
 */
function counterpartsHtml(entry: JournalEntry, locale: Locale, journal: Journal): string {
  const runs: { names: string; lang?: string }[] = []
  for (const c of entry.counterparts) {
    const lang = c.type === 'private-person' ? undefined : contentLang(journal, locale)
    const last = runs.at(-1)
    if (last && last.lang === lang) last.names += `, ${counterpartName(c, locale)}`
    else runs.push({ names: counterpartName(c, locale), lang })
  }
  if (runs.length === 0) return ''
  const marked = runs.map(({ names, lang }) =>
    lang ? `<span${attribute('lang', lang)}>${escapeHtml(names)}</span>` : escapeHtml(names),
  )
  return ` · ${marked.join(', ')}`
}
