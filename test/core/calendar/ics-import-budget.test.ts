import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../../../functions/api/api-app.js'
import { largestAllowedFile } from '../../support/calendar-files.js'
import {
  IcsError,
  MAX_IMPORTED_EVENTS,
  readCalendar,
  type IcsImportOptions,
  MAX_OCCURRENCES_EVALUATED,
} from '../../../functions/core/calendar/index.js'

const WINTER: IcsImportOptions = {
  from: '2025-12-01',
  to: '2026-01-31',
  timezone: 'Europe/Amsterdam',
  now: new Date('2026-01-01T12:00:00Z'),
}
const calendar = (events: string[][], head: string[] = []) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...head,
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n')
const since1780 = (i: number, rule = 'FREQ=DAILY') => [
  `UID:since-1780-${i}`,
  'DTSTART:17800101T100000Z',
  `RRULE:${rule}`,
  `SUMMARY:Dagelijks ${i}`,
]

describe('calendar import: the work one file may ask', () => {
  it('works out a daily repeat since 1780 from near the period instead of stepping through 90,000 days', async () => {
    const result = await readCalendar(calendar(Array.from({ length: 5 }, (_, i) => since1780(i))), WINTER)
    expect(result.events).toHaveLength(5 * 62)
    expect(result.occurrencesEvaluated).toBeLessThan(10_000)
  })

  it('evaluates a VTIMEZONE that changes daily since 1780 only around the times asked', async () => {
    const observance = (name: string, offset: string, hour: string) => [
      `BEGIN:${name}`,
      `TZOFFSETTO:${offset}`,
      `DTSTART:17800101T${hour}0000`,
      'RRULE:FREQ=DAILY',
      `END:${name}`,
    ]
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Wobbly',
      ...observance('STANDARD', '+0100', '03'),
      ...observance('DAYLIGHT', '+0200', '02'),
      'END:VTIMEZONE',
    ]
    const result = await readCalendar(
      calendar([['UID:w', 'DTSTART;TZID=Wobbly:20251201T100000', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Wekelijks']], zone),
      WINTER,
    )
    expect(result.events).toHaveLength(9)
    expect(result.occurrencesEvaluated).toBeLessThan(10_000)
  })

  it('refuses a file asking more than the budget, naming the appointment that went over and what to do', async () => {
    // A count of days in January since 1780 cannot be skipped by arithmetic: each is stepped through.
    const source = calendar(Array.from({ length: 4 }, (_, i) => since1780(i, 'FREQ=DAILY;BYMONTH=1;COUNT=99999')))
    const error = await readCalendar(source, WINTER).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IcsError)
    expect((error as IcsError).line).toBe(15) // the third appointment
    expect((error as IcsError).reason).toMatch(
      new RegExp(
        /more than 250000 .*"Dagelijks 2" /.source +
          /\(repeating FREQ=DAILY;BYMONTH=1;COUNT=99999 from 17800101T100000Z\).*Export a shorter period/.source,
      ),
    )
  })

  it('reads the largest file the limits allow within budget, yielding to the event loop as it works', async () => {
    const source = largestAllowedFile()
    expect(source.length).toBeGreaterThan(MAX_UPLOAD_BYTES - 200)
    let turns = 0
    let reading = true
    const countTurns = () => {
      if (reading) {
        turns++
        setImmediate(countTurns)
      }
    }
    setImmediate(countTurns)
    const result = await readCalendar(source, {
      from: '2026-01-01',
      to: '2026-12-31',
      timezone: 'Europe/Amsterdam',
      now: WINTER.now,
    })
    reading = false
    expect(result.events).toHaveLength(MAX_IMPORTED_EVENTS - 100)
    expect(result.occurrencesEvaluated).toBeLessThanOrEqual(MAX_OCCURRENCES_EVALUATED)
    // other requests get the server at least once per 2,000 occurrences evaluated
    expect(turns).toBeGreaterThan(result.occurrencesEvaluated / 2_000)
  })
})
