import { ValidationError } from '../model/validation.js'
import { addDays, DAY_MS, isoWeekday, zonedParts } from './dates.js'
import { rememberedAnswers } from './remembered.js'

/**
 * ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday): the unit of the agenda's
 * week pages and of the weekly digest. Written `2015-W12`; a person may type `2015-w12`.
 */

/**
 * The ISO week a date falls in. The week-year can differ from the calendar year:
 * `isoWeekOf('2014-12-29')` is `'2015-W01'`, `isoWeekOf('2016-01-03')` is `'2015-W53'`.
 */
export function isoWeekOf(date: string): string {
  // Asked for every entry of a 15,000-entry agenda, most days many times.
  return weekOfDate(date, () => {
    const thursday = addDays(date, 4 - isoWeekday(date))
    const weekYear = Number(thursday.slice(0, 4))
    const dayOfYear = (Date.parse(thursday) - Date.UTC(weekYear, 0, 1)) / DAY_MS
    return `${weekYear}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`
  })
}

const weekOfDate = rememberedAnswers<string>(20_000)

export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/

/** Monday and Sunday of an ISO week, or null when the week does not exist (`2015-W54`). */
export function isoWeekRange(week: string): { from: string; to: string } | null {
  const match = ISO_WEEK_PATTERN.exec(week)
  if (!match) return null
  const [weekYear, weekNumber] = [Number(match[1]), Number(match[2])]
  const jan4 = `${weekYear}-01-04`
  const monday = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (weekNumber - 1) * 7)
  return weekNumber >= 1 && isoWeekOf(monday) === week ? { from: monday, to: addDays(monday, 6) } : null
}

/** The days of an ISO week, or a ValidationError naming `week` (for 2015-W54, 2015-12, …). */
export function weekRangeOrThrow(week: string): { from: string; to: string } {
  const range = isoWeekRange(week)
  if (!range)
    throw new ValidationError([
      {
        field: 'week',
        reason: 'must be an existing ISO week written like 2015-W12 (week 53 exists only in some years)',
      },
    ])
  return range
}

/** A week parameter as a person may type it (`2015-w12`), normalised (`2015-W12`) and checked. */
export function parseWeek(value: string): string {
  const week = value.toUpperCase()
  if (!ISO_WEEK_PATTERN.test(week))
    throw new ValidationError([{ field: 'week', reason: 'must be an ISO week written like 2015-W12' }])
  weekRangeOrThrow(week)
  return week
}

/** The ISO week that ended most recently before `now` in the journal's zone: on Monday 07:00, last week. */
export function previousIsoWeek(now: Date, timeZone: string): string {
  return isoWeekOf(addDays(zonedParts(now, timeZone).date, -7))
}

/** Every ISO week from `from` to `to`, inclusive, in order. */
export function isoWeeksBetween(from: string, to: string): string[] {
  const weeks: string[] = []
  for (let monday = weekRangeOrThrow(from).from; monday <= weekRangeOrThrow(to).from; monday = addDays(monday, 7))
    weeks.push(isoWeekOf(monday))
  return weeks
}
