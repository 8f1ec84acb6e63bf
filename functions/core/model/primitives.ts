import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { firstControlCharacter } from './control-characters.js'
import { isCalendarDate, isValidTimeZone } from '../time/dates.js'

/** Shared field schemas. Each carries the message a person needs to correct the value. */

export const calendarDate = builtOnFirstUse(() =>
  z.string().check(z.refine(isCalendarDate, { error: 'must be a calendar date written YYYY-MM-DD, e.g. 2015-03-16' })),
)

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/

/** True for `2015-03-16T10:00`, `2015-03-16T10:00:00+01:00` or `…Z` with a real date and time. */
export function isDateTime(value: string): boolean {
  if (!DATE_TIME.test(value) || !isCalendarDate(value.slice(0, 10))) return false
  const [hh, mm] = [Number(value.slice(11, 13)), Number(value.slice(14, 16))]
  return hh < 24 && mm < 60 && !Number.isNaN(Date.parse(value.length === 16 ? `${value}Z` : value))
}

export const dateTime = builtOnFirstUse(() =>
  z.string().check(
    z.refine(isDateTime, {
      error: 'must be a date and time like 2015-03-16T10:00 (local) or 2015-03-16T10:00:00+01:00',
    }),
  ),
)

export const instant = builtOnFirstUse(() =>
  z.string().check(
    z.refine((v) => isDateTime(v) && /(Z|[+-]\d{2}:\d{2})$/.test(v), {
      error: 'must be a date-time with a UTC offset, e.g. 2015-03-16T09:00:00Z',
    }),
  ),
)

export const timeZone = builtOnFirstUse(() =>
  z.string().check(z.refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/Amsterdam' })),
)

/** Refuses C0 control characters (other than tab and line breaks), naming the first. */
const noControlCharacters = builtOnFirstUse(() =>
  z.refine<string>((value) => firstControlCharacter(value) === undefined, {
    error: (issue) => `contains a control character (${firstControlCharacter(String(issue.input))}); remove it`,
  }),
)

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), noControlCharacters)
export const longText = (max: number) => z.string().check(z.maxLength(max), noControlCharacters)

export const link = builtOnFirstUse(() =>
  z.strictObject({
    url: z.string().check(
      z.maxLength(2000),
      z.refine((v) => /^https?:\/\/[^\s\u0000-\u001F]+$/i.test(v) && URL.canParse(v), {
        error: 'must be an http(s) URL',
      }),
    ),
    title: z.optional(text(200)),
  }),
)

/**
 * An e-mail address as people write it (`wouter@example.nl`): no display name, no `mailto:`, and
 * only characters a `mailto:` link carries as they are, so the address needs no encoding.
 */
const EMAIL = /^[A-Za-z0-9._+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

/**
 * True for the https:// address of a web page (a form), without spaces or control characters, and
 * without a user name (`https://mail@example.nl` looks like an address but opens a web page).
 */
const isHttpsUrl = (value: string) =>
  /^https:\/\/[^\s\u0000-\u001F]+$/i.test(value) && URL.canParse(value) && !new URL(value).username

/** Whether a contact is an e-mail address (otherwise it is a web form's address). */
export const isEmailAddress = (contact: string) => EMAIL.test(contact)

/** How readers reach the servant: exactly one of an e-mail address or a web form's https:// address. */
export const contact = builtOnFirstUse(() =>
  z.string().check(
    z.trim(),
    z.maxLength(2000),
    z.refine((v) => EMAIL.test(v) || isHttpsUrl(v), {
      error:
        'must be an e-mail address (name@example.nl) or the https:// address of a web form; ' +
        'leave it out to show no contact',
    }),
  ),
)

export const slug = builtOnFirstUse(() =>
  z.string().check(
    z.maxLength(80),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: 'must be lowercase letters, digits and single dashes, e.g. jaarverslag-2014-2015',
    }),
  ),
)
