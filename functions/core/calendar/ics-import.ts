import { createHash } from 'node:crypto'
import type ICAL from 'ical.js'
import { withoutControlCharacters } from '../model/control-characters.js'
import { addDays, zonedParts } from '../time/dates.js'
import { normalizeEntryInput, type EntryContent } from '../model/entry.js'
import { entryZone, occurrencesOf, recurrenceKey, uidOf, type Occurrence } from './ics-occurrences.js'
import { IcsError, lineOf, parseIcs, textOf, writtenValue } from './ics-parse.js'
import { zoneResolver, type ZoneResolver } from './ics-time.js'
import { PLACE_IN_TIME, WorkBudget, WorkBudgetExceeded } from './import-budget.js'
import { ValidationError } from '../model/validation.js'

export { IcsError } from './ics-parse.js'

/**
 * Reads a calendar export (.ics from Outlook, Google Calendar or Apple Calendar) as journal
 * entries. Repeating appointments are expanded within the import range (RRULE, RDATE, EXDATE,
 * changed or cancelled single occurrences); every appointment becomes a **private** meeting for
 * the servant to review. Each occurrence keeps a stable `sourceUid` (the UID, plus `#` and its
 * original start for a repeat), so importing the file again updates entries instead of adding them.
 * The whole file is read and validated first: any bad line throws IcsError and nothing is returned.
 */

export interface IcsImportOptions {
  /** First and last local day (inclusive, YYYY-MM-DD) to import; everything outside is skipped. */
  from: string
  to: string
  /** The journal's zone: for floating times and for entries whose zone has no IANA name. */
  timezone: string
  /** Decides planned (still to come) or held (past), see `defaultStatus`. */
  now: Date
}

export interface ImportedEvent {
  sourceUid: string
  line: number
  sequence: number
  content: EntryContent
}

export interface CalendarImport {
  /** In order of start. */
  events: ImportedEvent[]
  /** Appointments with no occurrence in the range, left out. */
  outsideRange: number
  /** The work the file took, counted against MAX_OCCURRENCES_EVALUATED. */
  occurrencesEvaluated: number
  calendarName?: string
  product?: string
}

/**
 * The days an import covers: as chosen, or by default a year back and a year ahead of today in
 * the journal's zone. Refuses a range that ends before it starts.
 */
export function importRange(
  chosen: { from?: string; to?: string },
  now: Date,
  timeZone: string,
): { from: string; to: string } {
  const today = zonedParts(now, timeZone).date
  const yearFrom = (date: string, years: number) =>
    `${Number(date.slice(0, 4)) + years}${date.slice(4, 10) === '-02-29' ? '-02-28' : date.slice(4, 10)}`
  const from = chosen.from ?? (chosen.to ? yearFrom(chosen.to, -2) : yearFrom(today, -1))
  const to = chosen.to ?? (chosen.from ? yearFrom(chosen.from, 2) : yearFrom(today, 1))
  if (to < from) throw new ValidationError([{ field: 'to', reason: `must be on or after from (${from})` }])
  return { from, to }
}

/** Safety net against a range of decades of daily repeats. */
export const MAX_IMPORTED_EVENTS = 5_000

/** Outlook writes a cancelled meeting's subject with one of these before it. */
const CANCELLED_PREFIX = /^(canceled|cancelled|geannuleerd|abgesagt|annulé)\s*:\s*/i

/** Occurrences a day or two outside the range may still fall inside it in the entry's own zone. */
const ZONE_MARGIN_DAYS = 2

/**
 * Reads the file, working out repeats only near the range and yielding to the event loop as it
 * goes. A file that asks for more than MAX_OCCURRENCES_EVALUATED is refused (IcsError naming the
 * appointment that went over), so no file can hold the server for long.
 */
export async function readCalendar(
  source: string,
  options: IcsImportOptions,
  budget = new WorkBudget(),
): Promise<CalendarImport> {
  // Control characters are dropped, not refused: the file is someone else's, and no text needs them.
  const calendars = parseIcs(withoutControlCharacters(source)).filter((c) => c.name === 'vcalendar')
  const noCalendar = 'the file holds no BEGIN:VCALENDAR: export the calendar as an .ics (iCalendar) file'
  if (calendars.length === 0) throw new IcsError(1, noCalendar)
  const window = { from: addDays(options.from, -ZONE_MARGIN_DAYS), through: addDays(options.to, ZONE_MARGIN_DAYS) }
  const events: ImportedEvent[] = []
  let outsideRange = 0
  for (const calendar of calendars) {
    const zones = zoneResolver(calendar, options.timezone, window, budget)
    const vevents = calendar.getAllSubcomponents('vevent')
    const overridden = new Map<string, Set<string>>()
    for (const vevent of vevents.filter((v) => v.hasProperty('recurrence-id'))) {
      const key = withinBudget(vevent, () => {
        budget.spend()
        return recurrenceKey(vevent, zones, window)
      })
      if (key) overridden.set(uidOf(vevent), (overridden.get(uidOf(vevent)) ?? new Set()).add(key))
    }
    for (const vevent of vevents) {
      await budget.yieldTurn()
      const occurrences = withinBudget(vevent, () =>
        occurrencesOf(vevent, zones, window, overridden.get(uidOf(vevent)) ?? new Set(), budget),
      )
      let inRange = 0
      for (const occurrence of occurrences) {
        const day = dayInEntryZone(occurrence, zones, budget)
        if (day < options.from || day > options.to) continue
        inRange++
        budget.spend()
        await budget.yieldTurn()
        events.push(toImportedEvent(vevent, occurrence, zones, options))
        if (events.length > MAX_IMPORTED_EVENTS) {
          const tooMany = `holds more than ${MAX_IMPORTED_EVENTS} appointments: import a shorter range`
          throw new IcsError(lineOf(vevent), `the range ${options.from} to ${options.to} ${tooMany}`)
        }
      }
      if (inRange === 0) outsideRange++
    }
  }
  return {
    events: latestPerSource(events),
    outsideRange,
    occurrencesEvaluated: budget.used,
    calendarName: text(unescapeText(calendars.map((c) => textOf(c, 'x-wr-calname')).find(Boolean))),
    product: calendars.map((c) => textOf(c, 'prodid')).find(Boolean),
  }
}

/** The day an occurrence lands on in the zone its entry gets: its own date, unless that zone differs. */
function dayInEntryZone(occurrence: Occurrence, zones: ZoneResolver, budget: WorkBudget): string {
  const zone = entryZone(occurrence.zone, zones)
  if (!occurrence.instant || zone === occurrence.zone.iana) return occurrence.date
  budget.spend(PLACE_IN_TIME)
  return zonedParts(occurrence.instant, zone).date
}

/** Runs the work for one appointment; going over the budget becomes a refusal that names it and says what to do. */
function withinBudget<T>(vevent: ICAL.Component, work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (!(error instanceof WorkBudgetExceeded)) throw error
    const summary = oneLine(textOf(vevent, 'summary'), 80) ?? uidOf(vevent)
    const [rule, start] = [vevent.getFirstProperty('rrule'), vevent.getFirstProperty('dtstart')]
    const repeating = rule ? ` (repeating ${writtenValue(rule)} from ${start && writtenValue(start)})` : ''
    throw new IcsError(
      lineOf(vevent),
      `the file asks for more than ${error.limit} dates to be worked out, ` +
        `and the appointment "${summary}"${repeating} went over that. ` +
        'Export a shorter period from your calendar app, ' +
        'or end that repeat (an end date or a number of times) and import again',
    )
  }
}

function clip(value: string, max: number): string | undefined {
  if (value === '') return undefined
  return value.length > max ? `${value.slice(0, max - 1)}…` : value
}

/** A TEXT value as written by the servant's calendar (ical.js has unescaped it), trimmed. */
const text = (value: string | undefined, max = Infinity) => clip((value ?? '').trim(), max)

/** The same, on one line: calendar apps put newlines in subjects and places that a title cannot hold. */
const oneLine = (value: string | undefined, max: number) => clip((value ?? '').replace(/\s+/g, ' ').trim(), max)

/** An X- property's value, which ical.js leaves as written, unescaped: `\\n` → newline, `\\,` → `,` and so on. */
const unescapeText = (value: string | undefined) =>
  value?.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))

function sourceUidOf(uid: string, occurrenceKeyIfRepeat: string | undefined): string {
  const base = uid.length > 400 ? `sha256:${createHash('sha256').update(uid).digest('hex')}` : uid
  return occurrenceKeyIfRepeat ? `${base}#${occurrenceKeyIfRepeat}` : base
}

function toImportedEvent(
  vevent: ICAL.Component,
  occurrence: Occurrence,
  zones: ZoneResolver,
  options: IcsImportOptions,
): ImportedEvent {
  const uid = uidOf(vevent)
  const repeats = vevent.hasProperty('recurrence-id')
    ? recurrenceKey(vevent, zones)
    : vevent.hasProperty('rrule') || vevent.hasProperty('rdate')
      ? occurrence.key
      : undefined
  const summary = oneLine(textOf(vevent, 'summary'), 400) ?? ''
  const cancelled = textOf(vevent, 'status')?.trim().toUpperCase() === 'CANCELLED' || CANCELLED_PREFIX.test(summary)
  const title = clip(summary.replace(CANCELLED_PREFIX, '').trim(), 200) ?? '(zonder onderwerp)'
  const timezone = entryZone(occurrence.zone, zones)
  const input = {
    title,
    kind: 'meeting',
    visibility: 'private',
    allDay: occurrence.allDay,
    timezone,
    start: occurrence.instant?.toISOString() ?? occurrence.date,
    end: occurrence.endInstant?.toISOString() ?? occurrence.endDate,
    status: cancelled ? 'cancelled' : undefined,
    location: oneLine(textOf(vevent, 'location'), 120),
    notes: text(textOf(vevent, 'description'), 20_000),
    sourceUid: sourceUidOf(uid, repeats),
  }
  try {
    const content = normalizeEntryInput(input, { timeZone: timezone, now: options.now })
    const sequence = Number(vevent.getFirstPropertyValue('sequence') ?? 0) || 0
    return { sourceUid: input.sourceUid, line: lineOf(vevent), sequence, content }
  } catch (error) {
    const refused = `the appointment "${title}" cannot be imported`
    if (error instanceof ValidationError) throw new IcsError(lineOf(vevent), `${refused}: ${error.message}`)
    throw error
  }
}

/** The same occurrence twice in a file (Outlook sometimes does that): the highest SEQUENCE, then the last, wins. */
function latestPerSource(events: ImportedEvent[]): ImportedEvent[] {
  const bySource = new Map<string, ImportedEvent>()
  for (const event of events) {
    const earlier = bySource.get(event.sourceUid)
    if (!earlier || event.sequence >= earlier.sequence) bySource.set(event.sourceUid, event)
  }
  return [...bySource.values()].sort(
    (a, b) => startKey(a).localeCompare(startKey(b)) || a.sourceUid.localeCompare(b.sourceUid),
  )
}

const startKey = (e: ImportedEvent) =>
  e.content.allDay ? `${e.content.start}T00:00` : new Date(e.content.start).toISOString()
