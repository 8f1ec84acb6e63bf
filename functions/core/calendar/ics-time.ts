import type ICAL from 'ical.js'
import { isValidTimeZone, zonedParts, zonedToInstant } from '../time/dates.js'
import { IcsError, lineOf, textOf } from './ics-parse.js'
import type { DateWindow, IcsDateValue, Zone } from './ics-values.js'
import { PLACE_IN_TIME, type WorkBudget } from './import-budget.js'
import { definedZone } from './vtimezone.js'
import { ianaZoneFor } from './windows-zones.js'

/**
 * The zones of iCalendar times: a named zone (`TZID=…`: IANA, Windows or a zone the file defines
 * in a VTIMEZONE), UTC (`…Z`), and floating times (the calendar's own zone, X-WR-TIMEZONE, or the
 * journal's).
 */

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

/**
 * Resolves the zone of each value in one calendar. A TZID is read as an IANA name, a Windows
 * name or an old Outlook display name; failing that, the file's own VTIMEZONE of that name is
 * evaluated. Floating times belong to the calendar's X-WR-TIMEZONE, else to `defaultZone`.
 */
export function zoneResolver(calendar: ICAL.Component, defaultZone: string, near: DateWindow, budget: WorkBudget) {
  const vtimezones = calendar.getAllSubcomponents('vtimezone')
  const definitions = new Map(vtimezones.map((definition) => [textOf(definition, 'tzid')?.trim() ?? '', definition]))
  const named = textOf(calendar, 'x-wr-timezone')?.trim() ?? ''
  const calendarZone = isValidTimeZone(named) ? named : (ianaZoneFor(named) ?? defaultZone)
  const floating = ianaZone(calendarZone, budget)
  const utc = ianaZone('Etc/UTC', budget)
  const cache = new Map<string, Zone>()

  /** The zone a TZID names, or undefined when neither the name nor the file's VTIMEZONE tells. */
  function resolve(tzid: string): Zone | undefined {
    const definition = definitions.get(tzid)
    const iana = ianaZoneFor(tzid) ?? ianaZoneFor(textOf(definition, 'x-lic-location') ?? '')
    if (iana) return ianaZone(sameClock(iana, calendarZone) && !isValidTimeZone(tzid) ? calendarZone : iana, budget)
    return definition && definedZone(definition, tzid, near, budget)
  }

  return {
    /** The IANA zone of floating times, and of entries whose own zone has no IANA name. */
    calendarZone,
    /** The zone of one value of `property` (DTSTART, EXDATE, …). */
    zoneOf(property: ICAL.Property, value: IcsDateValue): Zone {
      if (value.utc) return utc
      const tzid = String(property.getParameter('tzid') ?? '').trim()
      if (!tzid) return floating
      const zone = cache.get(tzid) ?? resolve(tzid)
      if (!zone) throw new IcsError(lineOf(property), unknownZone(tzid))
      cache.set(tzid, zone)
      return zone
    },
  }
}

const unknownZone = (tzid: string) =>
  `unknown time zone "${tzid}": use an IANA name such as Europe/Amsterdam ` +
  'or a Windows name such as "W. Europe Standard Time", or include its VTIMEZONE'

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
