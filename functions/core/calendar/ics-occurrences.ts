import { addDays } from '../time/dates.js'
import { dateValues, type IcsDateValue, type Zone, type ZoneResolver } from './ics-time.js'
import type { WorkBudget } from './import-budget.js'
import { IcsError, prop, props, type IcsComponent, type IcsProperty } from './ics-parse.js'
import { expandRule, parseRRule, RecurrenceRuleError } from './rrule.js'

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

export function uidOf(vevent: IcsComponent): string {
  const uid = prop(vevent, 'UID')?.value.trim()
  if (!uid)
    throw new IcsError(
      vevent.line,
      'this VEVENT has no UID, so a later import could not recognise it: export the calendar again from its app',
    )
  return uid
}

/** The IANA zone an entry gets: the event's own, or the calendar's for UTC and VTIMEZONE-only zones. */
export const entryZone = (zone: Zone, zones: ZoneResolver) =>
  zone.iana && zone.iana !== 'Etc/UTC' ? zone.iana : zones.floating.iana!

/** A compact, zone-free name of an occurrence's original start: `20150316T090000Z` or `20150316`. */
function occurrenceKey(allDay: boolean, date: string, instant?: Date): string {
  return allDay ? date.replaceAll('-', '') : `${instant!.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

/**
 * The original start a RECURRENCE-ID event replaces; undefined when that lies outside `window`
 * (nothing to replace there).
 */
export function recurrenceKey(vevent: IcsComponent, zones: ZoneResolver, window?: DateWindow): string | undefined {
  const property = prop(vevent, 'RECURRENCE-ID')!
  const [value] = dateValues(property)
  if (window && (value!.date < window.from || value!.date > window.through)) return undefined
  return value!.time
    ? occurrenceKey(false, value!.date, zones.zoneOf(property, value!).toInstant(value!.date, value!.time))
    : occurrenceKey(true, value!.date)
}

/** Start, zone and length of a VEVENT: worked out only once one of its occurrences lies near the import. */
function eventTimes(vevent: IcsComponent, start: IcsDateValue, zone: Zone, zones: ZoneResolver): EventTimes {
  const startInstant = start.time ? zone.toInstant(start.date, start.time) : undefined
  const dtend = prop(vevent, 'DTEND')
  const duration = prop(vevent, 'DURATION')
  let durationMs = 0
  let allDayDays = 1
  if (dtend) {
    const [end] = dateValues(dtend)
    if (startInstant)
      durationMs = end!.time
        ? zones.zoneOf(dtend, end!).toInstant(end!.date, end!.time).getTime() - startInstant.getTime()
        : 0
    else allDayDays = Math.round((Date.parse(end!.date) - Date.parse(start.date)) / 86_400_000)
  } else if (duration) {
    const ms = parseDuration(duration.value, duration.line)
    if (startInstant) durationMs = ms
    else allDayDays = Math.round(ms / 86_400_000)
  }
  return { start, zone, durationMs, allDayDays: Math.max(1, allDayDays) }
}

/** `PT1H30M`, `P1D`, `P2W` → milliseconds. */
function parseDuration(value: string, line: number): number {
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim())
  if (!match || value.trim() === 'P' || value.trim().endsWith('T'))
    throw new IcsError(line, `DURATION "${value}" is not a duration such as PT1H30M or P1D`)
  const [w, d, h, m, s] = match.slice(2).map((n) => Number(n ?? 0)) as [number, number, number, number, number]
  return (match[1] === '-' ? -1 : 1) * ((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000
}

function occurrenceAt(times: EventTimes, date: string, time: string | undefined, zone: Zone): Occurrence {
  if (!time) {
    const endDate = times.allDayDays > 1 ? addDays(date, times.allDayDays - 1) : undefined
    return { key: occurrenceKey(true, date), allDay: true, date, zone, ...(endDate ? { endDate } : {}) }
  }
  const instant = zone.toInstant(date, time)
  const endInstant = times.durationMs > 0 ? new Date(instant.getTime() + times.durationMs) : undefined
  return {
    key: occurrenceKey(false, date, instant),
    allDay: false,
    date,
    instant,
    zone,
    ...(endInstant ? { endInstant } : {}),
  }
}

/** The dates (inclusive) near the import range whose occurrences are worked out; the rest is only counted. */
export interface DateWindow {
  from: string
  through: string
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
  vevent: IcsComponent,
  zones: ZoneResolver,
  window: DateWindow,
  overridden: ReadonlySet<string>,
  budget: WorkBudget,
): Occurrence[] {
  const dtstart = prop(vevent, 'DTSTART')
  if (!dtstart) throw new IcsError(vevent.line, 'this VEVENT has no DTSTART, so it has no date')
  const [start] = dateValues(dtstart)
  const zone = zones.zoneOf(dtstart, start!)
  const inWindow = (date: string) => date >= window.from && date <= window.through
  const rrule = prop(vevent, 'RRULE')
  const repeats = !prop(vevent, 'RECURRENCE-ID') && (rrule !== undefined || props(vevent, 'RDATE').length > 0)
  budget.spend()
  const candidates: Candidate[] = [{ date: start!.date, time: start!.time, zone }]
  if (repeats && rrule) {
    try {
      const rule = parseRRule(rrule.value)
      const dates = expandRule(rule, start!.date, {
        from: window.from,
        through: window.through,
        isAfterUntil: untilCheck(rule.until, start!, zone, rrule.line),
        budget,
      })
      candidates.push(...dates.slice(1).map((date) => ({ date, time: start!.time, zone })))
    } catch (error) {
      if (error instanceof RecurrenceRuleError) throw new IcsError(rrule.line, error.message)
      throw error
    }
  }
  if (repeats) {
    for (const p of props(vevent, 'RDATE')) {
      budget.spend(valueCount(p))
      for (const v of dateValues(p)) {
        candidates.push({ date: v.date, time: v.time ?? start!.time, zone: v.time ? zones.zoneOf(p, v) : zone })
      }
    }
  }
  const near = candidates.filter((c) => inWindow(c.date))
  if (near.length === 0) return []
  const times = eventTimes(vevent, start!, zone, zones)
  const all = near.map((c) => {
    budget.spend()
    return occurrenceAt(times, c.date, c.time, c.zone)
  })
  if (!repeats) return all
  for (const p of props(vevent, 'EXDATE')) budget.spend(valueCount(p))
  const excluded = new Set(
    props(vevent, 'EXDATE').flatMap((p) =>
      dateValues(p).flatMap((v) => {
        if (!inWindow(v.date)) return []
        return [v.time ? occurrenceKey(false, v.date, zones.zoneOf(p, v).toInstant(v.date, v.time)) : `day:${v.date}`]
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
const valueCount = (property: IcsProperty) => property.value.split(',').length

/** A test whether a date lies after UNTIL; the costly conversion only for dates close to it. */
function untilCheck(
  until: string | undefined,
  start: IcsDateValue,
  zone: Zone,
  line: number,
): ((date: string) => boolean) | undefined {
  if (!until) return undefined
  const [value] = dateValues({ name: 'UNTIL', params: {}, value: until, line })
  if (!value!.time) return (date) => date > value!.date
  const limit = value!.utc
    ? Date.parse(`${value!.date}T${value!.time}:59Z`)
    : zone.toInstant(value!.date, value!.time).getTime() + 59_000
  const [surelyBefore, surelyAfter] = [addDays(value!.date, -2), addDays(value!.date, 2)]
  return (date) => {
    if (date < surelyBefore || date > surelyAfter) return date > surelyAfter
    return (start.time ? zone.toInstant(date, start.time).getTime() : Date.parse(date)) > limit
  }
}
