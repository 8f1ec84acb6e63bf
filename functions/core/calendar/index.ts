/** iCalendar in and out: the public calendar feed, and importing a servant's calendar file. */
export * from './ics-import.js'
export * from './ics-writer.js'
export * from './import-budget.js'
export * from './import-plan.js'
export { expandRule, parseRRule, type ExpandOptions } from './rrule.js'
export * from './windows-zones.js'
