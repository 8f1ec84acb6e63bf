/**
 * Calendar arithmetic in a named time zone (Europe/Amsterdam by default), using only `Intl`.
 * Dates are `YYYY-MM-DD` strings, weeks are ISO 8601 weeks (`2015-W12`, Monday to Sunday),
 * instants are `Date`s. DST is handled by asking `Intl` for the offset at the instant itself.
 */
import { rememberedAnswers } from './remembered.js'

export const DEFAULT_TIMEZONE = 'Europe/Amsterdam'

export const DAY_MS = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** True when `timeZone` is an IANA zone this runtime knows ("Europe/Amsterdam", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone)
    return true
  } catch {
    return false
  }
}

export interface ZonedParts {
  date: string
  time: string
  offsetMinutes: number
}

/** The wall-clock date, time (`HH:mm`) and UTC offset of an instant in a zone. */
export function zonedParts(instant: Date, timeZone = DEFAULT_TIMEZONE): ZonedParts {
  const second = Math.floor(instant.getTime() / 1000) * 1000
  // Outside the years `toISOString` writes with four digits, as `Intl` does, the zone is asked each time.
  if (!(second >= FOUR_DIGIT_YEARS_FROM && second <= FOUR_DIGIT_YEARS_TO)) return intlZonedParts(second, timeZone).parts
  const hour = Math.floor(second / HOUR_MS) * HOUR_MS
  const offset = offsetOverHour(`${timeZone}@${hour}`, () => {
    const atStart = intlZonedParts(hour, timeZone).offset
    return atStart === intlZonedParts(hour + HOUR_MS - 1000, timeZone).offset ? atStart : null
  })
  if (offset === null) return intlZonedParts(second, timeZone).parts
  // The wall clock is the instant moved by the zone's offset (to the second, as `Intl` tells it).
  const wall = new Date(second + offset).toISOString()
  return { date: wall.slice(0, 10), time: wall.slice(11, 16), offsetMinutes: Math.round(offset / 60_000) }
}

const HOUR_MS = 3_600_000
const [FOUR_DIGIT_YEARS_FROM, FOUR_DIGIT_YEARS_TO] = [Date.UTC(1000, 0, 2), Date.UTC(9999, 11, 30)]

/**
 * The zone's offset (ms) over each UTC hour in which it holds all hour long (checked at both ends).
 * Asking `Intl` is slow (a site of 15,000 entries asks some 100,000 times), and a zone's offset
 * changes a few times a year.
 */
const offsetOverHour = rememberedAnswers<number | null>(50_000)

/** What `Intl` tells of `second` (a whole second) in the zone, with its offset in milliseconds. */
function intlZonedParts(second: number, timeZone: string): { parts: ZonedParts; offset: number } {
  const field = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(second))
      .map((p) => [p.type, p.value]),
  )
  const wallAsUtc = Date.UTC(+field.year!, +field.month! - 1, +field.day!, +field.hour!, +field.minute!, +field.second!)
  const offset = wallAsUtc - second
  const date = `${field.year}-${field.month}-${field.day}`
  return { parts: { date, time: `${field.hour}:${field.minute}`, offsetMinutes: Math.round(offset / 60_000) }, offset }
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 * A time skipped by the spring-forward gap resolves to the instant one hour later (02:30 → 03:30),
 * an ambiguous autumn time to its first occurrence, as calendar apps do.
 */
export function zonedToInstant(date: string, time = '00:00', timeZone = DEFAULT_TIMEZONE): Date {
  return new Date(instantOfWallTime(`${date}T${time}@${timeZone}`, () => computeZonedToInstant(date, time, timeZone)))
}

/** Wall times asked for again and again (every listing asks for its days' midnights) are remembered. */
const instantOfWallTime = rememberedAnswers<number>(5_000)

function computeZonedToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wallAsUtc = Date.UTC(y, m - 1, d, hh, mm)
  const firstGuess = wallAsUtc - zonedParts(new Date(wallAsUtc), timeZone).offsetMinutes * 60_000
  const offsetThere = zonedParts(new Date(firstGuess), timeZone).offsetMinutes
  const candidate = wallAsUtc - offsetThere * 60_000
  const earlier = wallAsUtc - zonedParts(new Date(candidate - 3_600_000), timeZone).offsetMinutes * 60_000
  const earlierMatches = zonedParts(new Date(earlier), timeZone)
  return earlierMatches.date === date && earlierMatches.time === time && earlier < candidate ? earlier : candidate
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2015-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** The half-open instant range [start, end) covering the local days `from`..`to` inclusive. */
export function localDaysToInstants(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedToInstant(from, '00:00', timeZone), end: zonedToInstant(addDays(to, 1), '00:00', timeZone) }
}
