import { addDays } from './dates.js'
import { dateValues, type IcsDateValue, type Zone, type ZoneResolver } from './ics-time.js'
import { IcsError, prop, props, type IcsComponent } from './ics-parse.js'
import { expandRule, parseRRule, RecurrenceRuleError } from './rrule.js'

/**
 * When the appointments of a calendar file take place: start, duration (DTEND or DURATION) and
 * zone of each VEVENT, and the occurrences of repeating ones. Used by ics-import.ts.
 */

interface EventTimes { start: IcsDateValue; zone: Zone; durationMs: number; allDayDays: number }

/** One time an appointment takes place: its original start names it (`key`), for EXDATE and overrides. */
export interface Occurrence { key: string; allDay: boolean; date: string; instant?: Date; endInstant?: Date; endDate?: string; zone: Zone }

export function uidOf(vevent: IcsComponent): string {
  const uid = prop(vevent, 'UID')?.value.trim()
  if (!uid) throw new IcsError(vevent.line, 'this VEVENT has no UID, so a later import could not recognise it: export the calendar again from its app')
  return uid
}

/** The IANA zone an entry gets: the event's own, or the calendar's for UTC and VTIMEZONE-only zones. */
export const entryZone = (zone: Zone, zones: ZoneResolver) => zone.iana && zone.iana !== 'Etc/UTC' ? zone.iana : zones.floating.iana!

/** A compact, zone-free name of an occurrence's original start: `20150316T090000Z` or `20150316`. */
function occurrenceKey(allDay: boolean, date: string, instant?: Date): string {
  return allDay ? date.replaceAll('-', '') : `${instant!.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`
}

export function recurrenceKey(vevent: IcsComponent, zones: ZoneResolver): string {
  const property = prop(vevent, 'RECURRENCE-ID')!
  const [value] = dateValues(property)
  return value!.time ? occurrenceKey(false, value!.date, zones.zoneOf(property, value!).toInstant(value!.date, value!.time)) : occurrenceKey(true, value!.date)
}

function eventTimes(vevent: IcsComponent, zones: ZoneResolver): EventTimes {
  const dtstart = prop(vevent, 'DTSTART')
  if (!dtstart) throw new IcsError(vevent.line, 'this VEVENT has no DTSTART, so it has no date')
  const [start] = dateValues(dtstart)
  const zone = zones.zoneOf(dtstart, start!)
  const startInstant = start!.time ? zone.toInstant(start!.date, start!.time) : undefined
  const dtend = prop(vevent, 'DTEND')
  const duration = prop(vevent, 'DURATION')
  let durationMs = 0
  let allDayDays = 1
  if (dtend) {
    const [end] = dateValues(dtend)
    if (startInstant) durationMs = end!.time ? zones.zoneOf(dtend, end!).toInstant(end!.date, end!.time).getTime() - startInstant.getTime() : 0
    else allDayDays = Math.round((Date.parse(end!.date) - Date.parse(start!.date)) / 86_400_000)
  } else if (duration) {
    const ms = parseDuration(duration.value, duration.line)
    if (startInstant) durationMs = ms
    else allDayDays = Math.round(ms / 86_400_000)
  }
  return { start: start!, zone, durationMs, allDayDays: Math.max(1, allDayDays) }
}

/** `PT1H30M`, `P1D`, `P2W` → milliseconds. */
function parseDuration(value: string, line: number): number {
  const match = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim())
  if (!match || value.trim() === 'P' || value.trim().endsWith('T')) throw new IcsError(line, `DURATION "${value}" is not a duration such as PT1H30M or P1D`)
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
  return { key: occurrenceKey(false, date, instant), allDay: false, date, instant, zone, ...(endInstant ? { endInstant } : {}) }
}

/**
 * Every occurrence of a VEVENT up to `through` (a date): the event itself, or for a repeating
 * one its RRULE and RDATE dates minus EXDATE and minus the occurrences a RECURRENCE-ID event of
 * the same UID replaces (`overridden`). Repeats are expanded in the event's own zone.
 */
export function occurrencesOf(vevent: IcsComponent, zones: ZoneResolver, through: string, overridden: ReadonlySet<string>): Occurrence[] {
  const times = eventTimes(vevent, zones)
  const { start, zone } = times
  const first = occurrenceAt(times, start.date, start.time, zone)
  const rrule = prop(vevent, 'RRULE')
  if (prop(vevent, 'RECURRENCE-ID') || (!rrule && props(vevent, 'RDATE').length === 0)) return [first]
  let dates = [start.date]
  if (rrule) {
    try {
      const rule = parseRRule(rrule.value)
      dates = expandRule(rule, start.date, { through, isAfterUntil: untilCheck(rule.until, times, rrule.line) })
    } catch (error) {
      if (error instanceof RecurrenceRuleError) throw new IcsError(rrule.line, error.message)
      throw error
    }
  }
  const all = [...dates.map((date) => occurrenceAt(times, date, start.time, zone)), ...props(vevent, 'RDATE').flatMap((p) =>
    dateValues(p).map((v) => occurrenceAt(times, v.date, v.time ?? start.time, v.time ? zones.zoneOf(p, v) : zone)))]
  const excluded = new Set(props(vevent, 'EXDATE').flatMap((p) => dateValues(p).map((v) =>
    v.time ? occurrenceKey(false, v.date, zones.zoneOf(p, v).toInstant(v.date, v.time)) : `day:${v.date}`)))
  const seen = new Set<string>()
  return all.filter((o) => {
    const keep = !excluded.has(o.key) && !excluded.has(`day:${o.date}`) && !overridden.has(o.key) && !seen.has(o.key)
    seen.add(o.key)
    return keep
  })
}

function untilCheck(until: string | undefined, times: EventTimes, line: number): ((date: string) => boolean) | undefined {
  if (!until) return undefined
  const [value] = dateValues({ name: 'UNTIL', params: {}, value: until, line })
  if (!value!.time) return (date) => date > value!.date
  const limit = value!.utc ? Date.parse(`${value!.date}T${value!.time}:59Z`) : times.zone.toInstant(value!.date, value!.time).getTime() + 59_000
  return (date) => (times.start.time ? times.zone.toInstant(date, times.start.time).getTime() : Date.parse(date)) > limit
}
