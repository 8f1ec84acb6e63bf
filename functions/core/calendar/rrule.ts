import ICAL from 'ical.js'
import { addDays, isCalendarDate } from '../time/dates.js'
import { IcsError } from './ics-parse.js'
import { WorkBudget, WorkBudgetExceeded } from './import-budget.js'

/**
 * Recurrence rules (RFC 5545 RRULE) as calendar apps write them for meetings, expanded by
 * ical.js's rule iterator: FREQ DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL,
 * BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS and WKST. Expansion works on calendar dates; the caller
 * puts the time of day on each date in the event's own zone, so a weekly 10:00 stays at 10:00
 * across a change to or from summer time. docs/decisions.md lists where ical.js is corrected.
 */

/** Thrown for a rule this importer does not expand; the message says which part and why. */
export class RecurrenceRuleError extends Error {
  override name = 'RecurrenceRuleError'
}

const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'])
const UNSUPPORTED = ['BYHOUR', 'BYMINUTE', 'BYSECOND', 'BYWEEKNO', 'BYYEARDAY'] as const

/** Refuses what a journal of meetings does not import: repeats by the hour or finer, parts no app writes for one. */
export function checkRule(rule: ICAL.Recur): void {
  const refuse = (reason: string) => {
    throw new RecurrenceRuleError(reason)
  }
  if (!rule.freq) refuse('RRULE has no FREQ (e.g. FREQ=WEEKLY)')
  if (!FREQUENCIES.has(rule.freq)) {
    refuse(`FREQ=${rule.freq} is not supported: the journal imports daily, weekly, monthly and yearly repeats`)
  }
  for (const part of UNSUPPORTED) if (rule.parts[part]) refuse(`${part} is not supported in a repeating appointment`)
  for (const part of ['BYMONTHDAY', 'BYSETPOS'] as const) {
    const values = rule.parts[part] ?? []
    if (values.includes(0)) refuse(`${part}=${values.join(',')} must not hold 0: count from 1, or from -1 for the last`)
  }
  if (rule.count !== null && rule.count < 1) refuse(`COUNT=${rule.count} must be a whole number of at least 1`)
}

/** `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20150630T220000Z` → a rule, checked with checkRule. */
export function parseRRule(value: string): ICAL.Recur {
  const rule = withIcalJs(() => ICAL.Recur.fromString(value))
  checkRule(rule)
  return rule
}

/** Runs ical.js on a rule; what ical.js throws (not the importer's own errors) becomes a RecurrenceRuleError. */
export function withIcalJs<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    if ([WorkBudgetExceeded, RecurrenceRuleError, IcsError].some((ours) => error instanceof ours)) throw error
    throw new RecurrenceRuleError(`the rule cannot be worked out: ${(error as Error).message}`)
  }
}

/** Stepping over this many days costs as much as trying one date: ical.js steps an INTERVAL of 900 days one by one. */
const DAYS_PER_UNIT = 10

/** The budget each rule's iterator counts against (ical.js sets an iterator up before a subclass could set a field). */
const budgetOf = new WeakMap<ICAL.Recur, WorkBudget>()

/**
 * ical.js's rule iterator, counting its work: each date it tries, each year it lays out and the
 * days it steps over. Its loops are then bounded by the file's budget rather than by the rule,
 * so a COUNT of a million or an INTERVAL of a million days is refused instead of worked through.
 * It also ends at UNTIL when no date matches: ical.js looks at UNTIL only once one does, so a
 * daily rule for 30 February would otherwise search until the budget is spent.
 */
class CountingIterator extends ICAL.RecurIterator {
  override check_contracting_rules(): boolean {
    budgetOf.get(this.rule)?.spend()
    return (this.rule.until !== null && this.last.compare(this.rule.until) > 0) || super.check_contracting_rules()
  }

  override expand_year_days(year: number): number {
    budgetOf.get(this.rule)?.spend()
    return super.expand_year_days(year)
  }

  override increment_monthday(days: number): void {
    budgetOf.get(this.rule)?.spend(Math.floor(days / DAYS_PER_UNIT))
    super.increment_monthday(days)
  }
}

/** An iterator over `rule` from `start` whose work counts against `budget`. */
export function countingIterator(rule: ICAL.Recur, start: ICAL.Time, budget: WorkBudget): ICAL.RecurIterator {
  budgetOf.set(rule, budget)
  return new CountingIterator({ rule, dtstart: start })
}

/**
 * The rule as ical.js iterates it: the days it takes from its first date written out (the
 * weekday of a weekly repeat, the day of the month of a monthly one, month and day of a yearly
 * one), so the iteration may start from a later date; COUNT and UNTIL are left to the caller,
 * and `end` ends it.
 */
export function iterationRule(rule: ICAL.Recur, first: ICAL.Time, end: ICAL.Time): ICAL.Recur {
  const explicit = rule.clone()
  const dayFromStart = !rule.parts.BYDAY && (rule.freq === 'MONTHLY' || rule.freq === 'YEARLY')
  const weekday = ICAL.Recur.numericDayToIcalDay(first.dayOfWeek())
  if (rule.freq === 'WEEKLY' && !rule.parts.BYDAY) explicit.parts.BYDAY = [weekday]
  if (dayFromStart) explicit.parts.BYMONTHDAY ??= [first.day]
  if (dayFromStart && rule.freq === 'YEARLY') explicit.parts.BYMONTH ??= [first.month]
  explicit.count = null
  explicit.until = end
  return explicit
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
const monthStart = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`

/**
 * A first date some whole periods of the rule (its INTERVAL in days, weeks, months or years)
 * after `start` and still a period before `from`. From there ical.js yields the same dates from
 * `from` on, without stepping through the decades in between. Months and years start on their
 * first day: iterationRule has named the days they yield. Only for a rule without COUNT, whose
 * dates before `from` need not be counted.
 */
export function periodBefore(rule: ICAL.Recur, start: string, from: string | undefined): string {
  if (!from || from <= start || rule.count !== null) return start
  const byDay = rule.freq === 'DAILY' || rule.freq === 'WEEKLY'
  const [days, months] = [rule.freq === 'WEEKLY' ? 7 : 1, rule.freq === 'YEARLY' ? 12 : 1]
  const elapsed = byDay ? daysBetween(start, from) / days : (monthIndex(from) - monthIndex(start)) / months
  const skipped = (Math.floor(elapsed / rule.interval) - 1) * rule.interval
  if (skipped <= 0) return start
  if (byDay) return addDays(start, skipped * days)
  return monthStart(monthIndex(start) - (monthIndex(start) % months) + skipped * months)
}

/**
 * ical.js lets through two kinds of date a rule does not yield: its first candidate, which it
 * does not check against the limiting parts (BYMONTH of a monthly rule, BYDAY of a daily one),
 * and in a yearly rule a day its month lacks, moved on (29 February 2017 as 1 March). RFC 5545
 * leaves both out, and so does the importer. `first` is the iterator, for its first date only.
 */
function yields(rule: ICAL.Recur, date: ICAL.Time, first: ICAL.RecurIterator | undefined): boolean {
  if (first && !first.check_contracting_rules()) return false
  if (rule.freq !== 'YEARLY' || rule.parts.BYDAY) return true
  const last = ICAL.Time.daysInMonth(date.month, date.year)
  const days = (rule.parts.BYMONTHDAY ?? []).map((d) => (d > 0 ? d : last + d + 1))
  return (rule.parts.BYMONTH ?? []).includes(date.month) && days.includes(date.day)
}

/**
 * A daily or weekly repeat with a COUNT and no BY parts (a weekly one may name its first date's
 * weekday, as Outlook and Google write it) yields every INTERVAL-th day or week, so its last date
 * is known by arithmetic. Bounded by that date instead of its COUNT, it can skip the periods
 * before the import like a rule without COUNT: a daily repeat since 1780 with COUNT=99999 costs
 * the days near the import, not a step for each day since. Undefined for any other rule.
 */
function asPlainRange(rule: ICAL.Recur, start: string, through: string) {
  if (rule.count === null || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return undefined
  const { BYDAY: byDay, ...others } = rule.parts
  const ownWeekday = ICAL.Recur.numericDayToIcalDay(ICAL.Time.fromDateString(start).dayOfWeek())
  const plainDays = !byDay?.length || (rule.freq === 'WEEKLY' && byDay.length === 1 && byDay[0] === ownWeekday)
  if (!plainDays || Object.values(others).some((values) => values?.length)) return undefined
  const uncounted = rule.clone()
  uncounted.count = null
  const span = (rule.count - 1) * rule.interval * (rule.freq === 'WEEKLY' ? 7 : 1)
  return { rule: uncounted, through: span < daysBetween(start, through) ? addDays(start, span) : through }
}

export interface ExpandOptions {
  /** Dates before this are not needed: periods before it are skipped where that cannot change a later date. */
  from?: string
  /** The last date that may be returned (the end of the import range). */
  through: string
  /** True once a date lies after the rule's UNTIL (which may be a date-time in some zone). */
  isAfterUntil?: (date: string) => boolean
  /** Counts the iterator's work; throws when the file has asked for too much. */
  budget?: WorkBudget
}

/**
 * The dates a rule yields from `start` (always the first occurrence, as Outlook and Google count
 * it) through `options.through`, honouring COUNT and UNTIL. COUNT counts from `start`, so
 * occurrences before an import range still use up the count. With `options.from`, dates before
 * it may be left out: a daily repeat since 1780 costs the days near the import, not 90,000 steps.
 *
 * @example expandRule(parseRRule('FREQ=WEEKLY;COUNT=3'), '2015-03-02', { through: '2015-12-31' })
 *          → ['2015-03-02', '2015-03-09', '2015-03-16']
 */
export function expandRule(written: ICAL.Recur, start: string, options: ExpandOptions): string[] {
  if (!isCalendarDate(start)) throw new RecurrenceRuleError(`the first date ${start} is not a calendar date`)
  const { rule, through } = asPlainRange(written, start, options.through) ?? { rule: written, through: options.through }
  const from = ICAL.Time.fromDateString(periodBefore(rule, start, options.from))
  const iterated = iterationRule(rule, ICAL.Time.fromDateString(start), ICAL.Time.fromDateString(through))
  const iterator = withIcalJs(() => countingIterator(iterated, from, options.budget ?? new WorkBudget()))
  const step = () => withIcalJs(() => iterator.next())
  const dates = [start]
  let counted = 1 // the dates before `from` use up the COUNT too
  for (let next = step(), first = true; next; next = step(), first = false) {
    const date = next.toString()
    if (date <= start || !yields(iterated, next, first ? iterator : undefined)) continue
    if (date > through || options.isAfterUntil?.(date)) break
    if (date >= (options.from ?? '')) dates.push(date)
    if (++counted === rule.count) break
  }
  return dates
}
