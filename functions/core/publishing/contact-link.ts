import { isEmailAddress } from '../model/primitives.js'

/**
 * The link by which a reader responds to the servant (the profile's `contact`). An e-mail address
 * becomes a `mailto:` whose subject names what the reader responds to and whose body starts with
 * its address, so the servant knows which item it is even when titles repeat ("Besloten afspraak");
 * a web form is linked as it is (a form takes no subject).
 *
 * @example contactHref('wouter@example.nl', { subject: 'Lezing & debat', url: 'https://x.nl/a/' })
 * // 'mailto:wouter@example.nl?subject=Lezing%20%26%20debat&body=https%3A%2F%2Fx.nl%2Fa%2F%0D%0A%0D%0A'
 */
export function contactHref(contact: string, about?: { subject: string; url: string }): string {
  if (!isEmailAddress(contact)) return contact
  if (!about) return `mailto:${contact}`
  // encodeURIComponent, not URLSearchParams: a mailto: wants %20 for a space, never '+' (RFC 6068),
  // and CRLF for a line break.
  const subject = encodeURIComponent(about.subject)
  const body = encodeURIComponent(`${about.url}\r\n\r\n`)
  return `mailto:${contact}?subject=${subject}&body=${body}`
}

/** Whether a contact is answered by e-mail (otherwise through a web form). */
export const contactKind = (contact: string): 'email' | 'form' => (isEmailAddress(contact) ? 'email' : 'form')
