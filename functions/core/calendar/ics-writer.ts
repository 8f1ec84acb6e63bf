import { xmlSafe } from '../model/control-characters.js'
import { addDays } from '../time/dates.js'
import { markdownToText } from '../words/markdown.js'
import { COUNTERPART_TYPE_NAMES, KIND_LABELS } from '../words/labels.js'
import { WORDS } from '../words/catalogue.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * iCalendar (RFC 5545) for calendar subscriptions: Apple Calendar, Google Calendar, Outlook and
 * Thunderbird. Times are written in UTC, so no VTIMEZONE is needed and no zone can be misread;
 * all-day entries are floating dates. Lines end in CRLF and are folded at 75 octets without
 * splitting a UTF-8 character. Output is a pure function of the entries: same input, same bytes.
 */

export interface CalendarOptions {
  /** Shown as the calendar's name in calendar apps. */
  name: string
  description?: string
  /** Absolute URL of an entry's page (on an organisation's timeline, in its servant's section). */
  entryUrl: (entry: PublicEntry & { person?: string }) => string
  /** Language of the labels the calendar adds (restricted slot, "with", kinds). */
  locale: Locale
  timezone: string
}

const CRLF = '\r\n'

/** A calendar holding one VEVENT per public or restricted entry. */
export function toICalendar(entries: readonly PublicEntry[], options: CalendarOptions): string {
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Open Agenda Journal//Open Agenda//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('NAME', options.name),
    property('X-WR-CALNAME', options.name),
    ...(options.description ? [property('X-WR-CALDESC', options.description)] : []),
    `X-WR-TIMEZONE:${options.timezone}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]
  // An event at a time, each written whole: an organisation's calendar has 15,000 of them, and
  // one array of all their 300,000 lines cost as much as writing them.
  let calendar = written(head)
  for (const entry of entries) calendar += written(eventLines(entry, options))
  return calendar + written(['END:VCALENDAR'])
}

/**
 * Lines as the file has them: each folded and ended in CRLF. iCalendar forbids control characters
 * as XML does; one that slipped into the store is dropped.
 */
function written(lines: string[]): string {
  let text = ''
  for (const line of lines) text += fold(xmlSafe(line)) + CRLF
  return text
}

function eventLines(entry: PublicEntry, options: CalendarOptions): string[] {
  const restricted = entry.visibility === 'restricted'
  const cancelled = entry.status === 'cancelled' || entry.withdrawn !== undefined
  const url = options.entryUrl(entry)
  const updated = utc(entry.updatedAt)
  const lines = [
    'BEGIN:VEVENT',
    // The entry's id is a ULID: unique and permanent, so a calendar recognises the event after any change.
    `UID:${entry.id}@open-agenda-journal`,
    `DTSTAMP:${updated}`,
    `CREATED:${utc(entry.createdAt)}`,
    `LAST-MODIFIED:${updated}`,
    // Raised with every stored change, so calendar apps replace their copy.
    `SEQUENCE:${entry.version}`,
    ...times(entry),
    property('SUMMARY', entry.title),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `CLASS:${restricted ? 'CONFIDENTIAL' : 'PUBLIC'}`,
    'TRANSP:OPAQUE',
  ]
  if (!restricted) {
    if (entry.location) lines.push(property('LOCATION', entry.location))
    if (entry.themes.length > 0) lines.push(`CATEGORIES:${entry.themes.map(escapeText).join(',')}`)
    lines.push(property('DESCRIPTION', description(entry, options.locale, url)))
  }
  lines.push(`URL:${url}`, 'END:VEVENT')
  return lines
}

function times(entry: PublicEntry): string[] {
  if (entry.allDay) {
    // DTEND of an all-day event is exclusive: the day after the last day.
    return [
      `DTSTART;VALUE=DATE:${compactDate(entry.start)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(entry.end ?? entry.start, 1))}`,
    ]
  }
  const end = entry.end ?? new Date(Date.parse(entry.start) + 3_600_000).toISOString()
  return [`DTSTART:${utc(entry.start)}`, `DTEND:${utc(end)}`]
}

function description(entry: PublicEntry, locale: Locale, url: string): string {
  const {
    calendar: { withWhom },
    withdrawn,
  } = WORDS[locale]
  const typeNames = COUNTERPART_TYPE_NAMES[locale]
  return [
    KIND_LABELS[locale][entry.kind],
    entry.statusNote,
    entry.withdrawn ? `${withdrawn}: ${entry.withdrawn.reason}` : undefined,
    entry.counterparts.length > 0
      ? `${withWhom}: ${entry.counterparts.map((c) => `${c.name} (${typeNames[c.type]})`).join(', ')}`
      : undefined,
    entry.summary ? markdownToText(entry.summary, 2000) : undefined,
    url,
  ]
    .filter(Boolean)
    .join('\n')
}

/** `20150316T090000Z` for an instant with any offset. */
function utc(instant: string): string {
  // Most instants are stored as `2015-03-16T09:00:00.000Z` already: cut them without parsing a
  // date (four per event, 15,000 events on an organisation's calendar).
  const iso = CANONICAL_UTC.test(instant) ? instant : new Date(instant).toISOString()
  if (iso.length !== 24) return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}

// Days up to the 28th only: a later one may not exist in its month (the date rolls over, as it did).
const CANONICAL_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

const compactDate = (date: string) => date.replace(/-/g, '')

/** A TEXT property with its value escaped (RFC 5545 3.3.11). */
function property(name: string, value: string): string {
  return `${name}:${escapeText(value)}`
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), each continuation
 * starting with one space, and never inside a UTF-8 character.
 */
export function fold(line: string): string {
  // A UTF-16 unit is at most 3 octets: most lines are short enough not to count them.
  if (line.length <= 25 || Buffer.byteLength(line, 'utf8') <= 75) return line
  const out: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8')
    const limit = out.length === 0 ? 75 : 74 // continuation lines spend one octet on the leading space
    if (size + bytes > limit) {
      out.push(current)
      current = ''
      size = 0
    }
    current += char
    size += bytes
  }
  out.push(current)
  return out.join(`${CRLF} `)
}
