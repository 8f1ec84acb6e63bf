import type ICAL from 'ical.js'
import { isCalendarDate } from '../time/dates.js'
import { IcsError, lineOf, writtenValue } from './ics-parse.js'

/**
 * The dates and times of iCalendar values, as written: all-day dates (`VALUE=DATE`), UTC times
 * (`…Z`), and wall-clock times that a zone (ics-time.ts) places in time.
 */

/** A date or a wall-clock date and time as written in the file. */
export interface IcsDateValue {
  date: string
  time?: string
  utc: boolean
}

/** The dates (inclusive) near the import range whose occurrences are worked out; the rest is only counted. */
export interface DateWindow {
  from: string
  through: string
}

const DATE_OR_TIME = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})\d{2}(Z?))?$/

/** `20150316`, `20150316T100000` or `20150316T090000Z`; undefined for anything else. */
function readDate(text: string, dateOnly: boolean): IcsDateValue | undefined {
  const [, y, m, d, time, hours = '', minutes = '', utc] = DATE_OR_TIME.exec(text) ?? []
  const date = `${y}-${m}-${d}`
  if (!isCalendarDate(date) || (time && (dateOnly || Number(hours) > 23 || Number(minutes) > 59))) return undefined
  return time ? { date, time: `${hours}:${minutes}`, utc: utc === 'Z' } : { date, utc: false }
}

/**
 * Every date in a DTSTART/DTEND/EXDATE/RDATE/RECURRENCE-ID property (EXDATE may list several),
 * read from the value as written: ical.js reads a date by position, so "20150316T100000 extra"
 * would pass as a date and "20150316" without VALUE=DATE (which some exporters leave out) not.
 */
export function dateValues(property: ICAL.Property): IcsDateValue[] {
  return writtenValue(property)
    .split(',')
    .map((raw) => {
      const value = readDate(raw.trim(), property.type === 'date')
      if (value) return value
      const forms = 'a date (20150316) or a date and time (20150316T100000, …Z for UTC)'
      throw new IcsError(lineOf(property), `${property.name.toUpperCase()} "${raw.trim()}" is not ${forms}`)
    })
}

/** The single date of a DTSTART, DTEND or RECURRENCE-ID. */
export function dateValue(property: ICAL.Property): IcsDateValue {
  const [value] = dateValues(property)
  if (!value) throw new IcsError(lineOf(property), `${property.name.toUpperCase()} has no date`)
  return value
}

/** A time zone as the importer uses it: wall clock → instant, and its IANA name when it has one. */
export interface Zone {
  label: string
  iana?: string
  toInstant(date: string, time: string): Date
}
