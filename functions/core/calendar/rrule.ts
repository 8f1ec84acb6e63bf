import { addDays, isCalendarDate, isoWeekday } from '../time/dates.js'
import type { WorkBudget } from './import-budget.js'

/**
 * Recurrence rules (RFC 5545 RRULE) as calendar apps write them for meetings: FREQ DAILY,
 * WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL, BYDAY (`MO`, `2TU`, `-1FR`),
 * BYMONTHDAY, BYMONTH, BYSETPOS and WKST. Expansion works on calendar dates; the caller puts
 * the time of day on each date in the event's own zone, so a weekly 10:00 stays at 10:00 across
 * a change to or from summer time.
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'
export interface WeekdayRule {
  weekday: number
  ordinal?: number
}

export interface RecurrenceRule {
  freq: Frequency
  interval: number
  count?: number
  /** The UNTIL value as written (a date or a date-time); the caller decides how it compares. */
  until?: string
  byDay: WeekdayRule[]
  byMonthDay: number[]
  byMonth: number[]
  bySetPos: number[]
  /** ISO weekday the week starts on (1 = Monday). */
  weekStart: number
}

const WEEKDAYS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 }
const UNSUPPORTED = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND', 'BYWEEKNO', 'BYYEARDAY'])

/** Thrown for a rule this importer cannot expand; the message says which part and why. */
export class RecurrenceRuleError extends Error {
  override name = 'RecurrenceRuleError'
}

function numbers(name: string, value: string, min: number, max: number): number[] {
  return value.split(',').map((part) => {
    const n = Number(part)
    if (!/^[+-]?\d+$/.test(part) || n === 0 || Math.abs(n) < min || Math.abs(n) > max) {
      throw new RecurrenceRuleError(
        `${name}=${value} must list whole numbers from ${min} to ${max} (or their negatives)`,
      )
    }
    return n
  })
}

/** `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20150630T220000Z` → a rule. */
export function parseRRule(value: string): RecurrenceRule {
  const parts = new Map(
    value
      .split(';')
      .filter(Boolean)
      .map((part) => {
        const [name, v] = part.split('=') as [string, string | undefined]
        return [name.toUpperCase(), (v ?? '').toUpperCase()] as const
      }),
  )
  const freq = parts.get('FREQ')
  if (!freq) throw new RecurrenceRuleError('RRULE has no FREQ (e.g. FREQ=WEEKLY)')
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) {
    throw new RecurrenceRuleError(
      `FREQ=${freq} is not supported: the journal imports daily, weekly, monthly and yearly repeats`,
    )
  }
  for (const name of parts.keys())
    if (UNSUPPORTED.has(name)) throw new RecurrenceRuleError(`${name} is not supported in a repeating appointment`)
  const byDay = (parts.get('BYDAY') ?? '')
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part)
      if (!match || match[1] === '0')
        throw new RecurrenceRuleError(`BYDAY=${parts.get('BYDAY')} must list days such as MO, 2TU or -1FR`)
      return { weekday: WEEKDAYS[match[2]!]!, ...(match[1] ? { ordinal: Number(match[1]) } : {}) }
    })
  const positive = (name: string) => {
    const v = parts.get(name)
    if (v === undefined) return undefined
    if (!/^\d+$/.test(v) || Number(v) < 1)
      throw new RecurrenceRuleError(`${name}=${v} must be a whole number of at least 1`)
    return Number(v)
  }
  const weekStart = WEEKDAYS[parts.get('WKST') ?? 'MO']
  if (!weekStart) throw new RecurrenceRuleError(`WKST=${parts.get('WKST')} must be a day such as MO`)
  return {
    freq: freq as Frequency,
    interval: positive('INTERVAL') ?? 1,
    ...(parts.has('COUNT') ? { count: positive('COUNT') } : {}),
    ...(parts.has('UNTIL') ? { until: parts.get('UNTIL') } : {}),
    byDay,
    byMonthDay: parts.has('BYMONTHDAY') ? numbers('BYMONTHDAY', parts.get('BYMONTHDAY')!, 1, 31) : [],
    byMonth: parts.has('BYMONTH') ? numbers('BYMONTH', parts.get('BYMONTH')!, 1, 12).map(Math.abs) : [],
    bySetPos: parts.has('BYSETPOS') ? numbers('BYSETPOS', parts.get('BYSETPOS')!, 1, 366) : [],
    weekStart,
  }
}

const monthOf = (date: string) => Number(date.slice(5, 7))
const dayOf = (date: string) => Number(date.slice(8, 10))
const ymd = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** The dates of one month that a MONTHLY or YEARLY rule's BYMONTHDAY and BYDAY pick. */
function monthCandidates(rule: RecurrenceRule, y: number, m: number, startDay: number): string[] {
  const last = daysIn(y, m)
  const all = Array.from({ length: last }, (_, i) => ymd(y, m, i + 1))
  const byMonthDay = rule.byMonthDay.map((d) => (d > 0 ? d : last + d + 1)).filter((d) => d >= 1 && d <= last)
  let picked = rule.byMonthDay.length > 0 ? all.filter((date) => byMonthDay.includes(dayOf(date))) : all
  if (rule.byDay.length > 0) {
    const chosen = new Set(
      rule.byDay.flatMap(({ weekday, ordinal }) => {
        const matching = all.filter((date) => isoWeekday(date) === weekday)
        if (ordinal === undefined) return matching
        const hit = ordinal > 0 ? matching[ordinal - 1] : matching[matching.length + ordinal]
        return hit ? [hit] : []
      }),
    )
    picked = picked.filter((date) => chosen.has(date))
  } else if (rule.byMonthDay.length === 0) {
    picked = startDay <= last ? [ymd(y, m, startDay)] : []
  }
  return picked
}

/** The candidate dates of period number `k` of the rule (day, week, month or year), in order. */
function periodCandidates(rule: RecurrenceRule, start: string, k: number): { first: string; dates: string[] } {
  const [y, m] = [Number(start.slice(0, 4)), monthOf(start)]
  switch (rule.freq) {
    case 'DAILY': {
      const day = addDays(start, k * rule.interval)
      const keep =
        (rule.byDay.length === 0 || rule.byDay.some((d) => d.weekday === isoWeekday(day))) &&
        (rule.byMonthDay.length === 0 ||
          monthCandidates({ ...rule, byDay: [] }, Number(day.slice(0, 4)), monthOf(day), 0).includes(day))
      return { first: day, dates: keep ? [day] : [] }
    }
    case 'WEEKLY': {
      const weekStart = addDays(start, -((isoWeekday(start) - rule.weekStart + 7) % 7) + 7 * k * rule.interval)
      const weekdays = rule.byDay.length > 0 ? rule.byDay.map((d) => d.weekday) : [isoWeekday(start)]
      const dates = weekdays.map((w) => addDays(weekStart, (w - rule.weekStart + 7) % 7)).sort()
      return { first: weekStart, dates }
    }
    case 'MONTHLY': {
      const index = m - 1 + k * rule.interval
      const [year, month] = [y + Math.floor(index / 12), (index % 12) + 1]
      return { first: ymd(year, month, 1), dates: monthCandidates(rule, year, month, dayOf(start)) }
    }
    case 'YEARLY': {
      const year = y + k * rule.interval
      if (rule.byDay.some((d) => d.ordinal !== undefined) && rule.byMonth.length === 0) {
        throw new RecurrenceRuleError('a yearly BYDAY with a number (e.g. 20MO) needs BYMONTH')
      }
      const months = rule.byMonth.length > 0 ? [...rule.byMonth].sort((a, b) => a - b) : [m]
      return {
        first: ymd(year, 1, 1),
        dates: months.flatMap((month) => monthCandidates(rule, year, month, dayOf(start))),
      }
    }
  }
}

function applySetPos(dates: string[], positions: number[]): string[] {
  if (positions.length === 0) return dates
  return [
    ...new Set(
      positions
        .map((p) => (p > 0 ? dates[p - 1] : dates[dates.length + p]))
        .filter((d): d is string => d !== undefined),
    ),
  ].sort()
}

export interface ExpandOptions {
  /**
   * Dates before this are not needed: whole periods before it are skipped (by arithmetic, not
   * by stepping through them) where that cannot change a date on or after it.
   */
  from?: string
  /** The last date that may be returned (the end of the import range). */
  through: string
  /** True once a date lies after the rule's UNTIL (which may be a date-time in some zone). */
  isAfterUntil?: (date: string) => boolean
  /** Counts each date tried; throws when the file has asked for too much work. */
  budget?: WorkBudget
  /** Stop with an error rather than loop for ever on a rule that never matches. @default 100000 */
  maxPeriods?: number
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + monthOf(to) - monthOf(from)

/** The number of the period (day, week, month or year counted from `start`) that holds `date`. */
function periodHolding(rule: RecurrenceRule, start: string, date: string): number {
  switch (rule.freq) {
    case 'DAILY':
      return Math.floor(daysBetween(start, date) / rule.interval)
    case 'WEEKLY':
      return Math.floor(daysBetween(periodCandidates(rule, start, 0).first, date) / (7 * rule.interval))
    case 'MONTHLY':
      return Math.floor(monthsBetween(start, date) / rule.interval)
    case 'YEARLY':
      return Math.floor((Number(date.slice(0, 4)) - Number(start.slice(0, 4))) / rule.interval)
  }
}

/**
 * How many dates each period after the first yields, when that is the same for every period
 * (a plain daily repeat, a weekly one on fixed weekdays); undefined when it varies.
 */
function fixedYield(rule: RecurrenceRule): number | undefined {
  if (rule.byMonthDay.length > 0 || rule.byMonth.length > 0 || rule.bySetPos.length > 0) return undefined
  if (rule.freq === 'DAILY') return rule.byDay.length === 0 ? 1 : undefined
  if (rule.freq === 'WEEKLY') return Math.max(1, new Set(rule.byDay.map((d) => d.weekday)).size)
  return undefined
}

/**
 * The period to carry on from, and how many dates the skipped periods yielded, when the periods
 * between `start` and `from` can be skipped: always when the rule has no COUNT (their dates lie
 * before `from`), and with a COUNT only when each period yields a known number of dates.
 */
function skipTo(rule: RecurrenceRule, start: string, from: string | undefined): { period: number; skipped: number } {
  const period = from && from > start ? periodHolding(rule, start, from) : 0
  if (period <= 1 || rule.count === undefined) return { period: Math.max(period, 1), skipped: 0 }
  const perPeriod = fixedYield(rule)
  if (perPeriod === undefined) return { period: 1, skipped: 0 }
  const inFirst = periodCandidates(rule, start, 0).dates.filter((d) => d > start).length
  const periods = Math.min(period - 1, Math.floor((rule.count - 1 - inFirst) / perPeriod))
  return periods > 0 ? { period: 1 + periods, skipped: inFirst + periods * perPeriod } : { period: 1, skipped: 0 }
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
export function expandRule(rule: RecurrenceRule, start: string, options: ExpandOptions): string[] {
  if (!isCalendarDate(start)) throw new RecurrenceRuleError(`the first date ${start} is not a calendar date`)
  const dates = [start]
  const skip = skipTo(rule, start, options.from)
  let produced = 1 + skip.skipped
  const done = () => rule.count !== undefined && produced >= rule.count
  if (skip.period === 1 && expandPeriod(0) === 'ended') return dates
  for (let k = skip.period, steps = 0; !done(); k++, steps++) {
    if (steps > (options.maxPeriods ?? 100_000))
      throw new RecurrenceRuleError('the rule yields no further dates; check BYDAY, BYMONTHDAY and BYMONTH')
    if (expandPeriod(k) === 'ended') break
  }
  return dates

  function expandPeriod(k: number): 'ended' | 'more' {
    const { first, dates: candidates } = periodCandidates(rule, start, k)
    if (first > options.through) return 'ended'
    options.budget?.spend(Math.max(1, candidates.length))
    const inMonth =
      rule.byMonth.length === 0 || rule.freq === 'YEARLY'
        ? candidates
        : candidates.filter((d) => rule.byMonth.includes(monthOf(d)))
    for (const date of applySetPos(inMonth, rule.bySetPos)) {
      if (date <= start) continue
      if (date > options.through || options.isAfterUntil?.(date)) return 'ended'
      dates.push(date)
      produced++
      if (done()) return 'ended'
    }
    return 'more'
  }
}
