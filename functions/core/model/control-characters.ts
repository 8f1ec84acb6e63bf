/**
 * C0 control characters (U+0000–U+001F) other than tab, newline and carriage return. No title or
 * text needs one, and XML 1.0 forbids them: one `\u0001` in a title makes a whole RSS or Atom
 * feed unreadable, and iCalendar forbids them too. Inputs refuse them (a calendar import strips
 * them: the file is someone else's); every XML and iCalendar writer strips them as well, so one
 * that slipped into the store cannot break a feed.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g
/** What an XML writer drops besides: the two non-characters XML 1.0 excludes and halves of a surrogate pair. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const LONE_HIGH_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/
const LONE_LOW_SURROGATE = /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const NOT_XML = new RegExp(
  `${NOT_XML_CHARACTER.source}|${LONE_HIGH_SURROGATE.source}|${LONE_LOW_SURROGATE.source}`,
  'g',
)
/** Any character `NOT_XML` may match: a line without one (nearly all) is returned as it is. */
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

/** `U+0001` for the first control character in `value`, or undefined when there is none. */
export function firstControlCharacter(value: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(value)?.[0]
  return found === undefined ? undefined : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** `value` without C0 control characters (tab, newline and carriage return stay). */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '')
}

/** `value` with only characters XML 1.0 allows: for every feed, sitemap and calendar written. */
export function xmlSafe(value: string): string {
  // The lookarounds make the full pattern slow; a calendar of 15,000 events asks for 300,000 lines.
  return MAYBE_NOT_XML.test(value) ? value.replace(NOT_XML, '') : value
}
