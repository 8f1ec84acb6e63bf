import { absoluteUrl, contactHref, contactKind } from '@core/publishing/index.js'
import { escapeHtml } from '@core/words/index.js'
import { attribute } from './html.js'
import { STRINGS, type Locale } from './i18n.js'
import type { Journal } from './journal.js'

/**
 * "Reageer": how a reader responds to one item (an entry, a digest, a report), by e-mail with the
 * item's title as subject and its address in the body, or through the servant's web form, as HTML.
 * Without a contact in the profile it is nothing: no link that leads nowhere. Written as a string,
 * as the header is (see `site-chrome.ts`): every entry's page has one.
 */
export function respondHtml(
  journal: Journal,
  { locale, site, subject, path }: { locale: Locale; site: URL; subject: string; path: string },
): string {
  const contact = journal.profile?.contact
  if (!contact) return ''
  const t = STRINGS[locale]
  const href = contactHref(contact, { subject, url: absoluteUrl(site, path) })
  return (
    `<p class="respond"><a${attribute('href', href)}>${escapeHtml(t.respond)}</a> ` +
    `<span class="meta">${escapeHtml(t.respondBy[contactKind(contact)])}</span></p>`
  )
}
