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

  it('ends a daily or weekly COUNT since 1780 on the right day without stepping through the days before', async () => {
    // 1 January 1780 is a Saturday; the 89,860th day and the 12,838th Saturday are 10 January 2026.
    const daily = since1780(0, 'FREQ=DAILY;COUNT=89860')
    const weekly = since1780(1, 'FREQ=WEEKLY;BYDAY=SA;COUNT=12838')
    const result = await readCalendar(calendar([daily, weekly]), WINTER)
    const dates = (uid: string) =>
      result.events.filter((e) => e.sourceUid.startsWith(uid)).map((e) => e.content.start.slice(0, 10))
    expect(dates('since-1780-0#')).toHaveLength(41)
    expect(dates('since-1780-0#').at(-1)).toBe('2026-01-10')
    expect(dates('since-1780-1#')).toEqual([
      '2025-12-06',
      '2025-12-13',
      '2025-12-20',
      '2025-12-27',
      '2026-01-03',
      '2026-01-10',
    ])
    expect(result.occurrencesEvaluated).toBeLessThan(2_000)
  })

  it('counts the dates before the period toward COUNT for a repeat on several weekdays', async () => {
    const twice = ['UID:twice', 'DTSTART:20251120T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5', 'SUMMARY:Twee']
    const result = await readCalendar(calendar([twice]), WINTER)
    // 20, 24 and 27 November use up three of the five.
    expect(result.events.map((e) => e.content.start.slice(0, 10))).toEqual(['2025-12-01', '2025-12-04'])
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

  it('refuses a file that asks for more work than the budget, naming the appointment that went over', async () => {
    // A count of days in January since 1780 cannot be skipped by arithmetic: each is stepped through.
    const source = calendar(Array.from({ length: 4 }, (_, i) => since1780(i, 'FREQ=DAILY;BYMONTH=1;COUNT=99999')))
    const error = await readCalendar(source, WINTER).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IcsError)
    expect((error as IcsError).line).toBe(15) // the third appointment
    expect((error as IcsError).reason).toMatch(
      new RegExp(
        'more than 250000 .*"Dagelijks 2" \\(repeating FREQ=DAILY;BYMONTH=1;COUNT=99999 from 17800101T100000Z\\)' +
          '.*Export a shorter period',
      ),
    )
  })

  it('refuses a repeat every ten million days instead of stepping through them one by one', async () => {
    const rare = ['UID:far', 'DTSTART:20000103T100000Z', 'RRULE:FREQ=DAILY;INTERVAL=10000000;COUNT=3', 'SUMMARY:Zelden']
    const error = await readCalendar(calendar([rare]), WINTER).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IcsError)
    expect((error as IcsError).reason).toMatch(/more than 250000 dates .*"Zelden"/)
  })

  it('gives up on a daily repeat that no date matches (30 February) at the end of the period', async () => {
    const never = ['UID:never', 'DTSTART:20251201T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'SUMMARY:Nooit']
    const result = await readCalendar(calendar([never]), WINTER)
    expect(result.events.map((e) => e.content.start)).toEqual(['2025-12-01T11:00:00+01:00'])
    expect(result.occurrencesEvaluated).toBeLessThan(2_000)
  })

  it('refuses a time zone that changes every second, naming its line', async () => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Onrustig',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0100',
      'DTSTART:17800101T000000',
      'RRULE:FREQ=SECONDLY',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]
    const event = ['UID:s', 'DTSTART;TZID=Onrustig:20251201T100000', 'SUMMARY:S']
    const error = await readCalendar(calendar([event], zone), WINTER).catch((e: unknown) => e)
    expect((error as IcsError).line).toBe(3)
    expect((error as IcsError).reason).toMatch(/"Onrustig" has a rule that cannot be read: FREQ=SECONDLY is not/)
  })

  it('reads the largest file the limits allow within the budget, yielding to the event loop as it works', async () => {
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
