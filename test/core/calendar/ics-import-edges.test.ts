import { describe, expect, it } from 'vitest'
import { IcsError, readCalendar, type IcsImportOptions } from '../../../functions/core/calendar/index.js'

/**
 * Where ical.js on its own reads a file differently from what the servant's calendar app shows
 * (docs/decisions.md, "Issue 12: calendar import with ical.js"): each case here would fail if the
 * importer left it to ical.js.
 */

const YEAR_2015: IcsImportOptions = {
  from: '2015-01-01',
  to: '2015-12-31',
  timezone: 'Europe/Amsterdam',
  now: new Date('2015-06-01T12:00:00Z'),
}
const calendar = (event: string[], head: string[] = []) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...head,
    'BEGIN:VEVENT',
    'UID:edge',
    'SUMMARY:Overleg',
    ...event,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
const starts = async (source: string) => (await readCalendar(source, YEAR_2015)).events.map((e) => e.content.start)
const refusal = async (source: string) => (await readCalendar(source, YEAR_2015).catch((e: unknown) => e)) as IcsError

const march = (day: number) => `2015-03-${String(day).padStart(2, '0')}T10:00:00+01:00`
const IN_JULY = 'DTSTART;TZID=Eigen tijdzone:20150710T100000'

/** A zone the file defines itself, with a STANDARD and a DAYLIGHT part. */
const customZone = (standard: string[], daylight: string[]) => [
  'BEGIN:VTIMEZONE',
  'TZID:Eigen tijdzone',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  ...standard,
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  ...daylight,
  'END:DAYLIGHT',
  'END:VTIMEZONE',
]

describe('calendar import: where ical.js alone would read the file differently', () => {
  it("keeps the first appointment when it is not on one of the repeat's weekdays, and counts it", async () => {
    const source = calendar(['DTSTART;TZID=Europe/Amsterdam:20150302T100000', 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'])
    expect(await starts(source)).toEqual([march(2), march(3), march(10)])
  })

  it('leaves out every excluded date, also after exclusions that match no appointment', async () => {
    const source = calendar([
      'DTSTART;TZID=Europe/Amsterdam:20150302T100000',
      'RRULE:FREQ=DAILY;COUNT=5',
      'EXDATE;TZID=Europe/Amsterdam:20150302T110000,20150302T120000,20150304T100000',
    ])
    expect(await starts(source)).toEqual([march(2), march(3), march(5), march(6)])
  })

  it('reads a repeat written in lower case (FREQ=weekly), as RFC 5545 allows', async () => {
    const source = calendar(['DTSTART;VALUE=DATE:20150302', 'RRULE:freq=weekly;count=2'])
    expect(await starts(source)).toEqual(['2015-03-02', '2015-03-09'])
  })

  it("takes a zone's first change from its DTSTART when RDATEs list the later ones", async () => {
    const zone = customZone(
      ['DTSTART:20141026T030000', 'RDATE:20151025T030000'],
      ['DTSTART:20150329T020000', 'RDATE:20160327T020000'],
    )
    expect(await starts(calendar([IN_JULY], zone))).toEqual(['2015-07-10T10:00:00+02:00'])
  })

  it("ends a zone's summer time where its rule says (UNTIL), instead of repeating it for ever", async () => {
    const zone = customZone(
      ['DTSTART:19801026T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=19951029T010000Z'],
      ['DTSTART:19800330T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=19950326T010000Z'],
    )
    // 10:00 at +01:00 all year since 1995: 11:00 in Amsterdam's summer.
    expect(await starts(calendar([IN_JULY], zone))).toEqual(['2015-07-10T11:00:00+02:00'])
  })

  it('refuses a rule RFC 5545 forbids (BYMONTHDAY in a weekly repeat) with its line', async () => {
    const error = await refusal(calendar(['DTSTART:20150302T100000Z', 'RRULE:FREQ=WEEKLY;BYMONTHDAY=3']))
    expect(error).toBeInstanceOf(IcsError)
    expect(error.line).toBe(7)
    expect(error.reason).toMatch(/cannot be worked out: For WEEKLY recurrences neither BYMONTHDAY/)
  })

  it('refuses a date with text after it, which ical.js would read as the date alone', async () => {
    const error = await refusal(calendar(['DTSTART:20150302T100000Zbis']))
    expect(error.reason).toMatch(/^DTSTART "20150302T100000Zbis" is not a date \(20150316\)/)
  })
})
