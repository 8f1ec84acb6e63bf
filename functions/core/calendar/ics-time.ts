import { isCalendarDate, isValidTimeZone, zonedParts, zonedToInstant } from '../time/dates.js'
import { IcsError, prop, props, type IcsComponent, type IcsProperty } from './ics-parse.js'
import { PLACE_IN_TIME, WorkBudget } from './import-budget.js'
import { expandRule, parseRRule, RecurrenceRuleError } from './rrule.js'
import { ianaZoneFor } from './windows-zones.js'

/**
 * Dates and times of iCalendar values: all-day dates (`VALUE=DATE`), UTC times (`…Z`), times in
 * a named zone (`TZID=…`: IANA, Windows or a zone the file defines in a VTIMEZONE) and floating
 * times (the calendar's own zone, X-WR-TIMEZONE, or the journal's).
 */

/** A date or a wall-clock date and time as written in the file. */
export interface IcsDateValue {
  date: string
  time?: string
  utc: boolean
}

const DATE = /^(\d{4})(\d{2})(\d{2})$/
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/

/** Every date in a DTSTART/DTEND/EXDATE/RDATE/RECURRENCE-ID property (EXDATE may list several). */
export function dateValues(property: IcsProperty): IcsDateValue[] {
  return property.value.split(',').map((raw) => {
    const text = raw.trim()
    const date = DATE.exec(text)
    if (date) {
      const value = `${date[1]}-${date[2]}-${date[3]}`
      if (isCalendarDate(value)) return { date: value, utc: false }
    }
    const dt = DATE_TIME.exec(text)
    if (dt && property.params.VALUE !== 'DATE') {
      const value = `${dt[1]}-${dt[2]}-${dt[3]}`
      if (isCalendarDate(value) && Number(dt[4]) < 24 && Number(dt[5]) < 60)
        return { date: value, time: `${dt[4]}:${dt[5]}`, utc: dt[7] === 'Z' }
    }
    throw new IcsError(
      property.line,
      `${property.name} "${text}" is not a date (20150316) or a date and time (20150316T100000, …Z for UTC)`,
    )
  })
}

/** A time zone as the importer uses it: wall clock → instant, and its IANA name when it has one. */
export interface Zone {
  label: string
  iana?: string
  toInstant(date: string, time: string): Date
}

/**
 * An IANA zone that asks `Intl` once per day rather than once per time, counting that against the
 * file's budget: a day whose offset is the same from before its start to after its end (every day
 * but the two a year the clocks change) places each of its times by arithmetic.
 */
function ianaZone(name: string, budget: WorkBudget): Zone {
  const offsets = new Map<string, number | null>()
  const offsetAt = (ms: number) => zonedParts(new Date(ms), name).offsetMinutes
  return {
    label: name,
    iana: name,
    toInstant(date, time) {
      let offset = offsets.get(date)
      if (offset === undefined) {
        budget.spend(PLACE_IN_TIME)
        const midnight = Date.parse(`${date}T00:00:00Z`)
        const [before, after] = [offsetAt(midnight - 14 * HOUR_MS), offsetAt(midnight + 38 * HOUR_MS)]
        offsets.set(date, (offset = before === after ? before : null))
      }
      budget.spend()
      if (offset !== null) return new Date(Date.parse(`${date}T${time}:00Z`) - offset * 60_000)
      budget.spend(PLACE_IN_TIME)
      return zonedToInstant(date, time, name)
    },
  }
}

const HOUR_MS = 3_600_000

function offsetMinutes(value: string | undefined): number | undefined {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value?.trim() ?? '')
  if (!match) return undefined
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

interface Observance {
  onsets: (year: number) => string[]
  offset: number
}

/** A zone defined only by its VTIMEZONE (Outlook's "Customized Time Zone"): offsets and yearly rules. */
function definedZone(definition: IcsComponent, label: string, budget: WorkBudget): Zone | undefined {
  const observances: Observance[] = definition.components
    .filter((c) => c.name === 'STANDARD' || c.name === 'DAYLIGHT')
    .flatMap((c) => {
      const offset = offsetMinutes(prop(c, 'TZOFFSETTO')?.value)
      const start = prop(c, 'DTSTART')
      if (offset === undefined || !start) return []
      const [first] = dateValues(start)
      const rrule = prop(c, 'RRULE')
      const rule = rrule ? parseRRule(rrule.value) : undefined
      const extra = props(c, 'RDATE')
        .flatMap(dateValues)
        .map((d) => d.date)
      const byYear = new Map<number, string[]>()
      // Only the changes of the year asked and the year before decide the offset: a rule that
      // starts in 1601 (as Outlook writes them) or changes daily is not stepped through from its start.
      const onsets = (year: number) => {
        const at = (date: string) => `${date}T${first!.time ?? '00:00'}`
        if (!byYear.has(year)) {
          const dates = rule
            ? expandRule(rule, first!.date, { from: `${year - 1}-01-01`, through: `${year}-12-31`, budget })
            : [first!.date]
          byYear.set(year, [...dates, ...extra].filter((d) => Number(d.slice(0, 4)) <= year).map(at))
        }
        return byYear.get(year)!
      }
      return [{ onsets, offset }]
    })
  if (observances.length === 0) return undefined
  const offsetAt = (wall: string) => {
    const year = Number(wall.slice(0, 4))
    const latest = observances
      .flatMap((o) =>
        o
          .onsets(year)
          .filter((onset) => onset <= wall)
          .map((onset) => ({ onset, offset: o.offset })),
      )
      .sort((a, b) => a.onset.localeCompare(b.onset))
      .at(-1)
    return (latest ?? observances[0]!).offset
  }
  return {
    label,
    toInstant: (date, time) => {
      budget.spend()
      const [y, m, d] = date.split('-').map(Number) as [number, number, number]
      const [hh, mm] = time.split(':').map(Number) as [number, number]
      return new Date(Date.UTC(y, m - 1, d, hh, mm) - offsetAt(`${date}T${time}`) * 60_000)
    },
  }
}

/**
 * Resolves the zone of each value in one calendar. A TZID is read as an IANA name, a Windows
 * name or an old Outlook display name; failing that, the file's own VTIMEZONE of that name is
 * evaluated. Floating times belong to the calendar's X-WR-TIMEZONE, else to `defaultZone`.
 */
export function zoneResolver(calendar: IcsComponent, defaultZone: string, budget = new WorkBudget()) {
  const definitions = new Map(
    calendar.components.filter((c) => c.name === 'VTIMEZONE').map((c) => [prop(c, 'TZID')?.value.trim() ?? '', c]),
  )
  const calendarZone = prop(calendar, 'X-WR-TIMEZONE')?.value.trim()
  const floating = ianaZone(
    calendarZone && isValidTimeZone(calendarZone) ? calendarZone : (ianaZoneFor(calendarZone ?? '') ?? defaultZone),
    budget,
  )
  const cache = new Map<string, Zone>()
  const utc = ianaZone('Etc/UTC', budget)
  return {
    floating,
    zoneOf(property: IcsProperty, value: IcsDateValue): Zone {
      if (value.utc) return utc
      const tzid = property.params.TZID?.trim()
      if (!tzid) return floating
      let zone = cache.get(tzid)
      if (!zone) {
        const definition = definitions.get(tzid)
        const iana =
          ianaZoneFor(tzid) ?? (definition ? ianaZoneFor(prop(definition, 'X-LIC-LOCATION')?.value ?? '') : undefined)
        try {
          zone = iana
            ? ianaZone(sameClock(iana, floating.iana!) && !isValidTimeZone(tzid) ? floating.iana! : iana, budget)
            : definition
              ? definedZone(definition, tzid, budget)
              : undefined
        } catch (error) {
          if (error instanceof RecurrenceRuleError)
            throw new IcsError(
              definition!.line,
              `the time zone "${tzid}" has a rule that cannot be read: ${error.message}`,
            )
          throw error
        }
        if (!zone)
          throw new IcsError(
            property.line,
            `unknown time zone "${tzid}": use an IANA name such as Europe/Amsterdam ` +
              'or a Windows name such as "W. Europe Standard Time", or include its VTIMEZONE',
          )
        cache.set(tzid, zone)
      }
      return zone
    },
  }
}

/**
 * True when two zones have shown the same time in every January and July since 2000: a Windows
 * name ("W. Europe Standard Time" → Europe/Berlin) then means the journal's own zone
 * (Europe/Amsterdam), and entries keep the zone the servant lives in.
 */
function sameClock(a: string, b: string): boolean {
  if (a === b) return true
  for (let year = 2000; year <= 2030; year++) {
    for (const month of ['01', '07']) {
      const at = new Date(`${year}-${month}-15T12:00:00Z`)
      if (zonedParts(at, a).offsetMinutes !== zonedParts(at, b).offsetMinutes) return false
    }
  }
  return true
}

export type ZoneResolver = ReturnType<typeof zoneResolver>
