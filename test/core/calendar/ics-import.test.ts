import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it, test } from 'vitest'
import { zonedParts, isValidTimeZone } from '../../../functions/core/time/index.js'
import { normalizeEntryInput, type Entry, newEntry, withdrawnEntry } from '../../../functions/core/model/index.js'
import {
  IcsError,
  importRange,
  readCalendar,
  type ImportedEvent,
  type IcsImportOptions,
  mergeImported,
  planImport,
  expandRule,
  parseRRule,
  ianaZoneFor,
  WINDOWS_ZONE_NAMES,
} from '../../../functions/core/calendar/index.js'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ics/${name}`, import.meta.url), 'utf8')
const SPRING_2015: IcsImportOptions = {
  from: '2015-03-01',
  to: '2015-06-30',
  timezone: 'Europe/Amsterdam',
  now: new Date('2015-03-18T12:00:00Z'),
}
const read = (source: string, options: Partial<IcsImportOptions> = {}) =>
  readCalendar(source, { ...SPRING_2015, ...options })
/** Local start (Amsterdam) and title of each imported event: what the servant sees in the review list. */
const agenda = async (source: string, options: Partial<IcsImportOptions> = {}) =>
  (await read(source, options)).events.map((e) => {
    const { date, time } = zonedParts(new Date(e.content.start))
    return `${e.content.allDay ? e.content.start : `${date} ${time}`} ${e.content.status} ${e.content.title}`
  })

/** A minimal calendar around some VEVENT lines, as Google writes it. */
const calendar = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'X-WR-TIMEZONE:Europe/Amsterdam',
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n')

describe('calendar import: the shapes the calendar apps export', () => {
  it('reads Outlook: Windows zones, weekly with a Monday skipped and one moved, a cancellation, all-day', async () => {
    expect(await agenda(fixture('outlook-2016.ics'))).toEqual([
      '2015-03-02 10:00 held Overleg zelfsturing met de gemeente Enschede',
      '2015-03-09 10:00 held Overleg zelfsturing met de gemeente Enschede',
      '2015-03-19 10:30 cancelled Werkgroep Europese interoperabiliteit',
      '2015-03-23 14:00 planned Overleg zelfsturing met de gemeente Enschede (verzet)',
      '2015-03-25 planned Congres Digitale Overheid',
      '2015-03-30 10:00 planned Overleg zelfsturing met de gemeente Enschede',
      '2015-04-06 10:00 planned Overleg zelfsturing met de gemeente Enschede',
      '2015-04-13 10:00 planned Overleg zelfsturing met de gemeente Enschede',
      '2015-04-20 10:00 planned Overleg zelfsturing met de gemeente Enschede',
    ])
  })

  it('keeps a weekly 10:00 at 10:00 across summer time, in the journal zone, not Europe/Berlin', async () => {
    const events = (await read(fixture('outlook-2016.ics'))).events.filter(
      (e) => e.content.title === 'Overleg zelfsturing met de gemeente Enschede',
    )
    expect(events.map((e) => e.content.start)).toContain('2015-03-09T10:00:00+01:00')
    expect(events.map((e) => e.content.start)).toContain('2015-03-30T10:00:00+02:00')
    expect(new Set(events.map((e) => e.content.timezone))).toEqual(new Set(['Europe/Amsterdam']))
  })

  it('reads Google: monthly on the 2nd Tuesday until June, a date excluded, one cancelled, UTC, all-day', async () => {
    const result = await read(fixture('google-calendar.ics'))
    expect(await agenda(fixture('google-calendar.ics'))).toEqual([
      '2015-03-10 14:00 held Bestuursoverleg waterschap',
      '2015-03-18 14:00 planned Interview NOS Radio 1 over openbaarheid',
      '2015-03-20 planned Werkbezoek Twentse gemeenten',
      '2015-04-01 09:00 planned Afstemming programmateam',
      '2015-04-03 09:00 planned Afstemming programmateam',
      '2015-04-05 09:00 planned Afstemming programmateam',
      '2015-05-12 14:00 cancelled Bestuursoverleg waterschap',
      '2015-06-09 14:00 planned Bestuursoverleg waterschap',
    ])
    expect(result.outsideRange).toBe(0) // every appointment has a date in the spring
    expect(result.calendarName).toBe('anna.devries@example.nl')
  })

  it('reads Apple: fortnightly with one moved online, a yearly all-day day, DURATION instead of DTEND', async () => {
    expect(await agenda(fixture('apple-calendar.ics'))).toEqual([
      '2015-03-17 10:00 held Lezing “Open agenda’s” voor de CIO-raad – Rijksoverheid',
      '2015-03-31 10:00 planned Lezing “Open agenda’s” voor de CIO-raad – online',
      '2015-04-14 10:00 planned Lezing “Open agenda’s” voor de CIO-raad – Rijksoverheid',
      '2015-04-24 15:00 planned Gesprek met Logius over DigiD',
      '2015-04-28 10:00 planned Lezing “Open agenda’s” voor de CIO-raad – Rijksoverheid',
      '2015-06-12 planned Dag van de Publieke Dienstverlening',
    ])
    const logius = (await read(fixture('apple-calendar.ics'))).events.find((e) =>
      e.content.title.startsWith('Gesprek met Logius'),
    )!
    expect(logius.content.end).toBe('2015-04-24T16:30:00+02:00')
  })

  it('evaluates a zone that exists only as the file\'s own VTIMEZONE (Outlook\'s "Customized Time Zone")', async () => {
    const [event] = (await read(fixture('outlook-custom-zone.ics'))).events
    expect(event!.content).toMatchObject({
      start: '2015-04-10T09:00:00+02:00',
      end: '2015-04-10T10:00:00+02:00',
      timezone: 'Europe/Amsterdam',
    })
  })

  test.each(['outlook-2016.ics', 'google-calendar.ics', 'apple-calendar.ics'])(
    'expands %s to the same instants as ical.js does',
    async (name) => {
      const source = fixture(name)
      const root = new ICAL.Component(ICAL.parse(source))
      for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone)
      const [from, to] = [Date.parse('2015-03-01T00:00:00+01:00'), Date.parse('2015-07-01T00:00:00+02:00')]
      const expected = new Set<string>()
      const vevents = root.getAllSubcomponents('vevent')
      for (const vevent of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
        const event = new ICAL.Event(vevent, {
          strictExceptions: true,
          exceptions: vevents.filter(
            (v) =>
              v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === vevent.getFirstPropertyValue('uid'),
          ),
        })
        const starts = event.isRecurring()
          ? [...iterate(event, to)].map((t) => event.getOccurrenceDetails(t).startDate)
          : [event.startDate]
        for (const start of starts) {
          const at = start.isDate ? Date.parse(`${start.toString()}T00:00:00+01:00`) : start.toJSDate().getTime()
          if (at >= from && at < to) expected.add(start.isDate ? start.toString() : new Date(at).toISOString())
        }
      }
      const ours = (await read(source)).events.map((e) =>
        e.content.allDay ? e.content.start : new Date(e.content.start).toISOString(),
      )
      expect(new Set(ours)).toEqual(expected)
    },
  )
})

function* iterate(event: ICAL.Event, until: number) {
  const it = event.iterator()
  for (let next = it.next(); next && next.toJSDate().getTime() < until; next = it.next()) yield next
}

describe('calendar import: what an appointment becomes', () => {
  it('makes every appointment a private meeting with a stable sourceUid, the description as notes', async () => {
    const [event] = (await read(fixture('google-calendar.ics'))).events
    expect(event!.content).toMatchObject({
      visibility: 'private',
      kind: 'meeting',
      sourceUid: '7kukuqrfedlm2f9t2q8vq3j3bs@google.com#20150310T130000Z',
    })
    expect(event!.content.notes).toBe(
      'Maandelijks bestuursoverleg.\nStukken volgen via de secretaris; graag vooraf lezen.',
    )
    expect(event!.content.summary).toBeUndefined()
  })

  it('unfolds folded lines and unescapes text, also in long Outlook UIDs', async () => {
    const events = (await read(fixture('outlook-2016.ics'))).events
    expect(events[0]!.content.location).toBe('Gemeentehuis Enschede, kamer 2.14')
    expect(events[0]!.sourceUid).toBe(
      '040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5D0010000000000000000' +
        '10000000ABCDEF0123456789ABCDEF0123456789#20150302T090000Z',
    )
    expect(events[0]!.content.notes).toContain('Deelnemen via Skype: https://meet.example.nl/anna/X1Y2Z3')
  })

  it('puts multi-line places on one line and cuts overlong titles instead of refusing them', async () => {
    const long = 'Overleg '.repeat(40)
    const [event] = (
      await read(
        calendar(['UID:a', 'DTSTART:20150316T090000Z', `SUMMARY:${long}`, 'LOCATION:Turfmarkt 147\\nDen Haag']),
      )
    ).events
    expect(event!.content.location).toBe('Turfmarkt 147 Den Haag')
    expect(event!.content.title).toHaveLength(200)
    expect(event!.content.title.endsWith('…')).toBe(true)
  })

  it('reads a multi-day all-day event with an inclusive end date, and a one-day one without', async () => {
    const events = (await read(fixture('outlook-2016.ics'))).events.filter((e) => e.content.allDay)
    expect(events.map((e) => [e.content.start, e.content.end])).toEqual([['2015-03-25', '2015-03-26']])
    const [oneDay] = (
      await read(calendar(['UID:d', 'DTSTART;VALUE=DATE:20150320', 'DTEND;VALUE=DATE:20150321', 'SUMMARY:Werkbezoek']))
    ).events
    expect(oneDay!.content).toMatchObject({ allDay: true, start: '2015-03-20' })
    expect(oneDay!.content.end).toBeUndefined()
  })

  it("reads floating times in the calendar's X-WR-TIMEZONE and drops an end that is not after the start", async () => {
    const [event] = (
      await read(calendar(['UID:f', 'DTSTART:20150316T100000', 'DTEND:20150316T100000', 'SUMMARY:Kort']))
    ).events
    expect(event!.content.start).toBe('2015-03-16T10:00:00+01:00')
    expect(event!.content.end).toBeUndefined()
  })

  it('marks Outlook\'s "Canceled:" subjects cancelled and drops the prefix', async () => {
    const [event] = (
      await read(calendar(['UID:c', 'DTSTART:20150316T090000Z', 'SUMMARY:Geannuleerd: Overleg met de provincie']))
    ).events
    expect(event!.content).toMatchObject({ status: 'cancelled', title: 'Overleg met de provincie' })
  })

  it('keeps the copy with the highest SEQUENCE when a file holds the same appointment twice', async () => {
    const events = (
      await read(
        calendar(
          ['UID:dup', 'SEQUENCE:2', 'DTSTART:20150316T090000Z', 'SUMMARY:Nieuw'],
          ['UID:dup', 'SEQUENCE:1', 'DTSTART:20150316T090000Z', 'SUMMARY:Oud'],
        ),
      )
    ).events
    expect(events.map((e) => e.content.title)).toEqual(['Nieuw'])
  })

  it('leaves out what lies outside the range and counts the appointments left out', async () => {
    const result = await read(fixture('google-calendar.ics'), { from: '2015-04-01', to: '2015-04-30' })
    expect(result.events.map((e) => e.content.title)).toEqual([
      'Afstemming programmateam',
      'Afstemming programmateam',
      'Afstemming programmateam',
    ])
    // the interview, the visit, the cancelled May meeting, and the monthly meeting whose April date is excluded
    expect(result.outsideRange).toBe(4)
  })
})

describe('calendar import: a malformed file is refused with its line and reason', () => {
  test.each([
    ['a date that is not iCalendar', fixture('malformed-date.ics'), 12, /DTSTART "2015-03-17 10:00" is not a date/],
    [
      'a VEVENT that is never closed',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20150316T090000Z\r\nEND:VCALENDAR\r\n',
      5,
      /END:VCALENDAR closes BEGIN:VEVENT of line 2/,
    ],
    ['a file cut off', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n', 2, /never closed with END:VEVENT/],
    [
      'a line without a colon',
      calendar(['UID:x', 'DTSTART:20150316T090000Z', 'SUMMARY Overleg']),
      8,
      /SUMMARY has no ":"/,
    ],
    ['an appointment without UID', calendar(['DTSTART:20150316T090000Z', 'SUMMARY:Overleg']), 5, /no UID/],
    ['an appointment without date', calendar(['UID:x', 'SUMMARY:Overleg']), 5, /no DTSTART/],
    [
      'an unknown time zone',
      calendar(['UID:x', 'DTSTART;TZID=Mars/Olympus:20150316T090000']),
      7,
      /unknown time zone "Mars\/Olympus"/,
    ],
    [
      'a repeat by the hour',
      calendar(['UID:x', 'DTSTART:20150316T090000Z', 'RRULE:FREQ=HOURLY']),
      8,
      /FREQ=HOURLY is not supported/,
    ],
    ['a bad BYDAY', calendar(['UID:x', 'DTSTART:20150316T090000Z', 'RRULE:FREQ=WEEKLY;BYDAY=XX']), 8, /BYDAY=XX/],
    ['a bad DURATION', calendar(['UID:x', 'DTSTART:20150316T090000Z', 'DURATION:1 hour']), 8, /DURATION "1 hour"/],
    ['a file that is not a calendar', 'Hello: world\r\n', 1, /outside BEGIN:VCALENDAR/],
  ])('%s', async (_, source, line, reason) => {
    let error: unknown
    try {
      await read(source)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(IcsError)
    expect((error as IcsError).line).toBe(line)
    expect((error as IcsError).reason).toMatch(reason)
  })
})

describe('recurrence rules', () => {
  const dates = (rule: string, start: string, through = '2015-12-31') =>
    expandRule(parseRRule(rule), start, { through })
  test.each([
    ['FREQ=WEEKLY;COUNT=3', '2015-03-02', ['2015-03-02', '2015-03-09', '2015-03-16']],
    [
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5',
      '2015-03-02',
      ['2015-03-02', '2015-03-05', '2015-03-16', '2015-03-19', '2015-03-30'],
    ],
    ['FREQ=DAILY;INTERVAL=3;COUNT=4', '2015-02-26', ['2015-02-26', '2015-03-01', '2015-03-04', '2015-03-07']],
    [
      'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=6',
      '2015-03-05',
      ['2015-03-05', '2015-03-06', '2015-03-09', '2015-03-10', '2015-03-11', '2015-03-12'],
    ],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=3', '2015-01-30', ['2015-01-30', '2015-02-27', '2015-03-27']],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3', '2015-01-30', ['2015-01-30', '2015-02-27', '2015-03-31']],
    ['FREQ=MONTHLY;COUNT=4', '2015-01-31', ['2015-01-31', '2015-03-31', '2015-05-31', '2015-07-31']],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', '2015-01-31', ['2015-01-31', '2015-02-28', '2015-03-31']],
    ['FREQ=MONTHLY;INTERVAL=3;UNTIL=20151231', '2015-01-15', ['2015-01-15', '2015-04-15', '2015-07-15', '2015-10-15']],
    ['FREQ=YEARLY;COUNT=3', '2016-02-29', ['2016-02-29', '2020-02-29', '2024-02-29']],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=2', '2015-03-29', ['2015-03-29', '2016-03-27']],
  ])('%s from %s', (rule, start, expected) => {
    const through = rule.includes('YEARLY') ? '2030-12-31' : '2015-12-31'
    const result = parseRRule(rule).until
      ? expandRule(parseRRule(rule), start, { through, isAfterUntil: (d) => d > '2015-12-31' })
      : dates(rule, start, through)
    expect(result).toEqual(expected)
  })

  it('stops at the end of the range when the rule never ends', async () => {
    expect(dates('FREQ=WEEKLY', '2015-03-02', '2015-03-20')).toEqual(['2015-03-02', '2015-03-09', '2015-03-16'])
  })
})

describe('Windows time zones', () => {
  it('maps every Windows zone name to a zone this runtime knows', async () => {
    const unknown = WINDOWS_ZONE_NAMES.filter((name) => !isValidTimeZone(ianaZoneFor(name) ?? ''))
    expect(unknown).toEqual([])
    expect(WINDOWS_ZONE_NAMES.length).toBeGreaterThan(130)
  })

  test.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Romance Standard Time', 'Europe/Paris'],
    ['GMT Standard Time', 'Europe/London'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['/Europe/Amsterdam', 'Europe/Amsterdam'],
    ['Mars Standard Time', undefined],
  ])('%s → %s', (name, zone) => expect(ianaZoneFor(name)).toBe(zone))
})

describe('the import range', () => {
  const now = new Date('2015-03-18T12:00:00Z')
  test.each([
    [{}, { from: '2014-03-18', to: '2016-03-18' }],
    [{ from: '2015-01-01' }, { from: '2015-01-01', to: '2017-01-01' }],
    [
      { from: '2015-01-01', to: '2015-06-30' },
      { from: '2015-01-01', to: '2015-06-30' },
    ],
  ])('%j → %j', (chosen, expected) => expect(importRange(chosen, now, 'Europe/Amsterdam')).toEqual(expected))

  it('refuses a range that ends before it starts', async () => {
    expect(() => importRange({ from: '2015-06-30', to: '2015-01-01' }, now, 'Europe/Amsterdam')).toThrow(
      /to: must be on or after from/,
    )
  })
})

describe('importing again', () => {
  let first: ImportedEvent
  beforeAll(async () => {
    first = (await read(fixture('google-calendar.ics'))).events[0]!
  })
  const imported = () => first
  const stored = (overrides: Record<string, unknown> = {}): Entry =>
    newEntry(
      normalizeEntryInput({ ...imported().content, ...overrides }, AMSTERDAM_JOURNAL),
      'p',
      new Date('2015-03-01T10:00:00Z'),
      'E1',
    )

  it('changes nothing when the file says what the entry says', async () => {
    const plan = planImport([imported()], new Map([[imported().sourceUid, stored()]]))
    expect([plan.create.length, plan.update.length, plan.unchanged.length]).toEqual([0, 0, 1])
  })

  it("takes new times from the calendar, keeping the servant's visibility, kind, people, themes, summary", async () => {
    const servant = {
      visibility: 'public',
      kind: 'board',
      title: 'Bestuursvergadering over wateroverlast',
      themes: ['water'],
      summary: 'Over *dijken*.',
      counterparts: [{ name: 'Waterschap Vechtstromen', type: 'waterschap' }],
    }
    const moved = {
      ...imported(),
      content: { ...imported().content, start: '2015-03-10T15:00:00+01:00', end: '2015-03-10T16:00:00+01:00' },
    }
    const merged = mergeImported(stored(servant), moved.content)
    expect(merged).toMatchObject({ ...servant, start: '2015-03-10T15:00:00+01:00', end: '2015-03-10T16:00:00+01:00' })
  })

  it('lets title and place follow the calendar while the entry is still private', async () => {
    const renamed = { ...imported().content, title: 'Bestuursoverleg (nieuwe naam)', location: 'Hengelo' }
    expect(mergeImported(stored(), renamed)).toMatchObject({
      title: 'Bestuursoverleg (nieuwe naam)',
      location: 'Hengelo',
    })
  })

  it('cancels an entry the calendar cancels, and leaves a withdrawn entry alone', async () => {
    const cancelled = { ...imported(), content: { ...imported().content, status: 'cancelled' as const } }
    expect(planImport([cancelled], new Map([[cancelled.sourceUid, stored()]])).update[0]!.content.status).toBe(
      'cancelled',
    )
    const withdrawn = withdrawnEntry(stored(), 'dubbel', new Date('2015-03-02T10:00:00Z'))
    expect(planImport([cancelled], new Map([[cancelled.sourceUid, withdrawn]])).unchanged).toHaveLength(1)
  })
})
