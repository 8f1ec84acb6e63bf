import type { PublicRevision } from '@core/privacy/index.js'
import { describeRevision, escapeHtml, formatInstant } from '@core/words/index.js'
import { attribute } from './html.js'
import { STRINGS, type Locale } from './i18n.js'

/**
 * An item's public change history, oldest first, as HTML: "Gewijzigd op 11 mrt 2015 11:00: tijd
 * verplaatst van … naar …". Nothing when it has none. Written as a string, as the header is (see
 * `site-chrome.ts`): every entry's page has one, 20,000 pages at 10,000 entries.
 */
export function changeHistoryHtml(
  history: PublicRevision[],
  { locale, timezone, intro, lang }: { locale: Locale; timezone: string; intro: string; lang?: string },
): string {
  if (history.length === 0) return ''
  const t = STRINGS[locale]
  const items = history.map((revision) => {
    const r = describeRevision(revision, locale, timezone)
    const changes = r.lines.length > 0 ? ` — ${escapeHtml(r.lines.join('; '))}` : ''
    const reason = r.reason
      ? ` (${escapeHtml(t.reason.toLowerCase())}: <span${attribute('lang', lang)}>${escapeHtml(r.reason)}</span>)`
      : ''
    const when = `<time${attribute('datetime', r.at)}>${escapeHtml(formatInstant(r.at, locale, timezone))}</time>`
    return `<li>${when}: ${escapeHtml(r.action)}${changes}${reason}</li>`
  })
  return (
    `<section aria-labelledby="history"><h2 id="history">${escapeHtml(t.history)}</h2>` +
    `<p class="meta">${escapeHtml(intro)}</p><ol>${items.join('')}</ol></section>`
  )
}
