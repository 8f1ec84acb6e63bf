import ICAL from 'ical.js'
import { addDays, isCalendarDate } from '../time/dates.js'
import type { ZoneResolver } from './ics-time.js'
import { dateValue, dateValues, type DateWindow, type IcsDateValue, type Zone } from './ics-values.js'
import type { WorkBudget } from './import-budget.js'
import { IcsError, lineOf, textOf, writtenValue } from './ics-parse.js'
import { checkRule, expandRule, RecurrenceRuleError } from './rrule.js'

/**
 * When the appointments of a calendar file take place: start, duration (DTEND or DURATION) and
 * zone of each VEVENT, and the occurrences of repeating ones. Used by ics-import.ts.
 */

interface EventTimes {
  start: IcsDateValue
  zone: Zone
  durationMs: number
  allDayDays: number
}

/** One time an appointment takes place: its original start names it (`key`), for EXDATE and overrides. */
export interface Occurrence {
  key: string
  allDay: boolean
  date: string
  instant?: Date
  endInstant?: Date
  endDate?: string
  zone: Zone
}

export function uidOf(vevent: ICAL.Component): string {
  const uid = textOf(vevent, 'uid')?.trim()
  if (uid) return uid
  throw new IcsError(
    lineOf(vevent),
    'this VEVENT has no UID, so a later import could not recognise it: ' + 'export the calendar again from its app',
  )
}

/** The IANA zone an entry gets: the event's own, or the calendar's for UTC and VTIMEZONE-only zones. */
export const entryZone = (zone: Zone, zones: ZoneResolver) =>
  zone.iana && zone.iana !== 'Etc/UTC' ? zone.iana : zones.calendarZone

/** A compact, zone-free name of an occurrence's original start: `20150316T090000Z`, or `20150316` for a day. */
function occurrenceKey(date: string, instant?: Date): string {
  return instant ? `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z` : date.replaceAll('-', '')
}

/** The key of a date value in its zone: what an EXDATE excludes, or what a RECURRENCE-ID replaces. */
function keyOf(property: ICAL.Property, value: IcsDateValue, zones: ZoneResolver): string {
  if (!value.time) return occurrenceKey(value.date)
  return occurrenceKey(value.date, zones.zoneOf(property, value).toInstant(value.date, value.time))
}

/** The original start a RECURRENCE-ID event replaces; undefined when it lies outside `window` (nothing to replace). */
export function recurrenceKey(vevent: ICAL.Component, zones: ZoneResolver, window?: DateWindow): string | undefined {
  const property = vevent.getFirstProperty('recurrence-id')
  if (!property) return undefined
  const value = dateValue(property)
  if (window && (value.date < window.from || value.date > window.through)) return undefined
  return keyOf(property, value, zones)
}

/** Start, zone and length of a VEVENT: worked out only once one of its occurrences lies near the import. */
function eventTimes(vevent: ICAL.Component, start: IcsDateValue, zone: Zone, zones: ZoneResolver): EventTimes {
  const startInstant = start.time ? zone.toInstant(start.date, start.time) : undefined
  const dtend = vevent.getFirstProperty('dtend')
  const duration = vevent.getFirstProperty('duration')
  let durationMs = 0
  let allDayDays = 1
  if (dtend) {
    const end = dateValue(dtend)
    const endInstant = end.time ? zones.zoneOf(dtend, end).toInstant(end.date, end.time) : undefined
    if (startInstant) durationMs = endInstant ? endInstant.getTime() - startInstant.getTime() : 0
    else allDayDays = Math.round((Date.parse(end.date) - Date.parse(start.date)) / 86_400_000)
  } else if (duration) {
    const ms = durationOf(duration)
    if (startInstant) durationMs = ms
    else allDayDays = Math.round(ms / 86_400_000)
  }
  return { start, zone, durationMs, allDayDays: Math.max(1, allDayDays) }
}

/** `PT1H30M`, `P1D`, `P2W` → milliseconds, as ical.js reads them. */
function durationOf(property: ICAL.Property): number {
  let value: unknown
  try {
    value = property.getFirstValue()
  } catch {
    value = undefined
  }
  if (value instanceof ICAL.Duration) return value.toSeconds() * 1000
  throw new IcsError(lineOf(property), `DURATION "${writtenValue(property)}" is not a duration such as PT1H30M or P1D`)
}

function occurrenceAt(times: EventTimes, date: string, time: string | undefined, zone: Zone): Occurrence {
  if (!time) {
    const endDate = times.allDayDays > 1 ? addDays(date, times.allDayDays - 1) : undefined
    return { key: occurrenceKey(date), allDay: true, date, zone, ...(endDate ? { endDate } : {}) }
  }
  const instant = zone.toInstant(date, time)
  const endInstant = times.durationMs > 0 ? new Date(instant.getTime() + times.durationMs) : undefined
  const key = occurrenceKey(date, instant)
  return { key, allDay: false, date, instant, zone, ...(endInstant ? { endInstant } : {}) }
}

/** The dates an RRULE adds after the first, near `window`; a rule that is unreadable or not supported is refused. */
function ruleDates(rrule: ICAL.Property, start: IcsDateValue, zone: Zone, window: DateWindow, budget: WorkBudget) {
  const rule: unknown = rrule.getFirstValue()
  try {
    if (!(rule instanceof ICAL.Recur)) throw new RecurrenceRuleError(`RRULE "${writtenValue(rrule)}" is not a rule`)
    checkRule(rule)
    const isAfterUntil = untilCheck(rule.until, start, zone)
    return expandRule(rule, start.date, { from: window.from, through: window.through, isAfterUntil, budget }).slice(1)
  } catch (error) {
    if (error instanceof RecurrenceRuleError) throw new IcsError(lineOf(rrule), error.message)
    throw error
  }
}

/** A test whether a date lies after UNTIL; the costly conversion only for dates close to it. */
function untilCheck(until: ICAL.Time | null, start: IcsDateValue, zone: Zone): ((date: string) => boolean) | undefined {
  if (!until) return undefined
  const [date, time] = [until.toString().slice(0, 10), until.isDate ? undefined : until.toString().slice(11, 16)]
  if (!isCalendarDate(date)) throw new RecurrenceRuleError(`UNTIL ${until.toString()} is not a date`)
  if (!time) return (day) => day > date
  const utc = until.toString().endsWith('Z')
  const limit = utc ? Date.parse(`${date}T${time}:59Z`) : zone.toInstant(date, time).getTime() + 59_000
  const [surelyBefore, surelyAfter] = [addDays(date, -2), addDays(date, 2)]
  return (day) => {
    if (day < surelyBefore || day > surelyAfter) return day > surelyAfter
    return (start.time ? zone.toInstant(day, start.time).getTime() : Date.parse(day)) > limit
  }
}

interface Candidate {
  date: string
  time?: string
  zone: Zone
}

/**
 * Every occurrence of a VEVENT within `window`: the event itself, or for a repeating one its
 * RRULE and RDATE dates minus EXDATE and minus the occurrences a RECURRENCE-ID event of the same
 * UID replaces (`overridden`). Repeats are expanded in the event's own zone, from near the window
 * on; only dates inside it are converted to instants, which is the costly part.
 */
export function occurrencesOf(
  vevent: ICAL.Component,
  zones: ZoneResolver,
  window: DateWindow,
  overridden: ReadonlySet<string>,
  budget: WorkBudget,
): Occurrence[] {
  const dtstart = vevent.getFirstProperty('dtstart')
  if (!dtstart) throw new IcsError(lineOf(vevent), 'this VEVENT has no DTSTART, so it has no date')
  const start = dateValue(dtstart)
  const zone = zones.zoneOf(dtstart, start)
  const inWindow = (date: string) => date >= window.from && date <= window.through
  const rrule = vevent.getFirstProperty('rrule')
  const rdates = vevent.getAllProperties('rdate')
  const repeats = !vevent.hasProperty('recurrence-id') && (rrule !== null || rdates.length > 0)
  budget.spend()
  const candidates: Candidate[] = [{ date: start.date, time: start.time, zone }]
  const ruled = repeats && rrule ? ruleDates(rrule, start, zone, window, budget) : []
  candidates.push(...ruled.map((date) => ({ date, time: start.time, zone })))
  for (const p of repeats ? rdates : []) {
    budget.spend(valueCount(p))
    for (const v of dateValues(p)) {
      candidates.push({ date: v.date, time: v.time ?? start.time, zone: v.time ? zones.zoneOf(p, v) : zone })
    }
  }
  const near = candidates.filter((c) => inWindow(c.date))
  if (near.length === 0) return []
  const times = eventTimes(vevent, start, zone, zones)
  const all = near.map((c) => {
    budget.spend()
    return occurrenceAt(times, c.date, c.time, c.zone)
  })
  if (!repeats) return all
  const exdates = vevent.getAllProperties('exdate')
  for (const p of exdates) budget.spend(valueCount(p))
  const excluded = new Set(
    exdates.flatMap((p) =>
      dateValues(p).flatMap((v) => {
        if (!inWindow(v.date)) return []
        return [v.time ? keyOf(p, v, zones) : `day:${v.date}`]
      }),
    ),
  )
  const seen = new Set<string>()
  return all.filter((o) => {
    const keep = !excluded.has(o.key) && !excluded.has(`day:${o.date}`) && !overridden.has(o.key) && !seen.has(o.key)
    seen.add(o.key)
    return keep
  })
}

/** How many dates an RDATE or EXDATE lists, counted before they are read. */
const valueCount = (property: ICAL.Property) => writtenValue(property).split(',').length
