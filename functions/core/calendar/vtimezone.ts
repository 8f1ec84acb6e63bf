import ICAL from 'ical.js'
import { addDays } from '../time/dates.js'
import { IcsError, lineOf } from './ics-parse.js'
import { dateValue, dateValues, type DateWindow, type Zone } from './ics-values.js'
import type { WorkBudget } from './import-budget.js'
import { checkRule, countingIterator, iterationRule, periodBefore, RecurrenceRuleError, withIcalJs } from './rrule.js'

/**
 * A time zone that exists only as the file's own VTIMEZONE (Outlook's "Customized Time Zone"),
 * evaluated by ical.js's Timezone. Zones with a name the importer knows (IANA, Windows) never
 * come here: ics-time.ts places their times with `Intl`, which knows their history.
 */

/** A UTC offset in ical.js's jCal form (`+01:00`); anything else is not one. */
const offsetOf = (observance: ICAL.Component, name: string): string | undefined => {
  const value: unknown = observance.getFirstProperty(name)?.jCal[3]
  return typeof value === 'string' && /^[+-]\d{2}:\d{2}(:\d{2})?$/.test(value) ? value : undefined
}

/**
 * Readies one STANDARD or DAYLIGHT part of a VTIMEZONE for ical.js. Its rule is iterated only
 * from a year before `near` to the end of the year after it, counting against the budget: a
 * rule from 1601 (as Outlook writes them) or one that changes daily is not stepped through from
 * its start. A rule with an end of its own (UNTIL or COUNT) runs from its start.
 */
function boundObservance(observance: ICAL.Component, near: DateWindow, budget: WorkBudget): void {
  const dtstart = observance.getFirstProperty('dtstart')
  if (!dtstart) return
  const start = dateValue(dtstart)
  for (const rdate of observance.getAllProperties('rdate')) dateValues(rdate)
  // RFC 5545 asks for the offset before the change too; without it, take it to be the same.
  const offset = observance.getFirstPropertyValue('tzoffsetto')
  if (!offsetOf(observance, 'tzoffsetfrom')) observance.updatePropertyWithValue('tzoffsetfrom', offset)
  const rule = observance.getFirstPropertyValue('rrule')
  // DTSTART is the first change; ical.js forgets it when RDATEs list the later ones without a rule.
  const first = dtstart.getFirstValue()
  if (!rule && observance.hasProperty('rdate')) observance.addPropertyWithValue('rdate', first)
  if (!(rule instanceof ICAL.Recur)) return
  checkRule(rule)
  const from = rule.until ? start.date : periodBefore(rule, start.date, addDays(near.from, -366))
  const end = ICAL.Time.fromDateTimeString(`${Number(near.through.slice(0, 4)) + 1}-12-31T23:59:59`)
  // ical.js's Timezone asks the rule for its iterator; this one starts late and ends early.
  rule.iterator = (dtstart) => {
    const begin = ICAL.Time.fromDateTimeString(`${from}T${dtstart.toString().slice(11, 19) || '00:00:00'}`)
    const iterated = iterationRule(rule, dtstart, rule.until && rule.until.compare(end) < 0 ? rule.until : end)
    iterated.count = rule.count
    return countingIterator(iterated, begin, budget)
  }
}

/** A STANDARD or DAYLIGHT part that says when it starts and what offset it brings. */
const isObservance = (part: ICAL.Component) =>
  ['standard', 'daylight'].includes(part.name) &&
  part.hasProperty('dtstart') &&
  offsetOf(part, 'tzoffsetto') !== undefined

/** The zone `definition` defines, or undefined when no part of it says what offset it has. */
export function definedZone(definition: ICAL.Component, tzid: string, near: DateWindow, budget: WorkBudget) {
  const observances = definition.getAllSubcomponents().filter(isObservance)
  if (observances.length === 0) return undefined
  const component = new ICAL.Component(['vtimezone', [], observances.map((o) => o.jCal)])
  const withRules = <T>(work: () => T): T => {
    try {
      return withIcalJs(work)
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error
      throw new IcsError(lineOf(definition), `the time zone "${tzid}" has a rule that cannot be read: ${error.message}`)
    }
  }
  withRules(() => {
    for (const observance of component.getAllSubcomponents()) boundObservance(observance, near, budget)
  })
  const timezone = new ICAL.Timezone({ component, tzid })
  const zone: Zone = {
    label: tzid,
    toInstant: (date, time) => {
      budget.spend()
      const offsetSeconds = withRules(() => timezone.utcOffset(ICAL.Time.fromDateTimeString(`${date}T${time}:00`)))
      return new Date(Date.parse(`${date}T${time}:00Z`) - offsetSeconds * 1000)
    },
  }
  return zone
}
