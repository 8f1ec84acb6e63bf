import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { escapeText, fold, toICalendar } from '../../../functions/core/calendar/index.js'
import { aPublicEntry } from '../../support/public-entries.js'

const entry = aPublicEntry
const options = {
  name: 'Open agenda',
  entryUrl: ({ id }: { id: string }) => `https://agenda.example.nl/agenda/entry/${id}/`,
  locale: 'nl' as const,
  timezone: 'Europe/Amsterdam',
}

describe('fold', () => {
  it.each([
    ['short line', 'SUMMARY:kort'],
    ['ASCII at the limit', `SUMMARY:${'x'.repeat(67)}`],
    ['long ASCII', `DESCRIPTION:${'abc '.repeat(60)}`],
    ['two-byte letters', `SUMMARY:${'é'.repeat(120)}`],
    ['emoji across the boundary', `SUMMARY:${'a'.repeat(66)}🚲🚲🚲${'☕'.repeat(40)}`],
  ])('keeps every physical line within 75 octets and unfolds to the original: %s', (_name, line) => {
    const folded = fold(line)
    const physical = folded.split('\r\n')
    expect(Math.max(...physical.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75)
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(Buffer.from(folded).toString('utf8')).toBe(folded) // no character was split
  })
})

describe('escapeText', () => {
  it('escapes the characters RFC 5545 reserves in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne')
  })
})

describe('toICalendar', () => {
  it('writes UTC times, a stable UID and the version as SEQUENCE', () => {
    const ics = toICalendar([entry()], options)
    expect(ics).toContain('UID:01HV0000000000000000000001@open-agenda-journal\r\n')
    expect(ics).toContain('DTSTART:20150316T090000Z\r\nDTEND:20150316T103000Z\r\n')
    expect(ics).toContain('SEQUENCE:2\r\n')
    expect(ics).toContain('DTSTAMP:20150311T090000Z\r\n')
  })

  it('writes an all-day entry as dates with an exclusive end', () => {
    const [event] = new ICAL.Component(
      ICAL.parse(toICalendar([entry({ allDay: true, start: '2015-03-16', end: '2015-03-18' })], options)),
    ).getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('dtstart')!.toString()).toBe('2015-03-16')
    expect(event!.getFirstPropertyValue('dtend')!.toString()).toBe('2015-03-19')
  })

  it.each([
    ['cancelled', { status: 'cancelled' as const }, 'CANCELLED'],
    ['withdrawn', { withdrawn: { at: '2015-03-12T09:00:00Z', reason: 'fout' } }, 'CANCELLED'],
    ['moved', { status: 'moved' as const, statusNote: 'naar dinsdag' }, 'CONFIRMED'],
    ['held', {}, 'CONFIRMED'],
  ])('gives a %s entry STATUS:%s', (_name, overrides, status) => {
    expect(toICalendar([entry(overrides)], options)).toContain(`STATUS:${status}\r\n`)
  })

  it('shows a restricted entry as a confidential busy slot and nothing more', () => {
    const ics = toICalendar(
      [entry({ visibility: 'restricted', title: 'Besloten afspraak', counterparts: [], themes: [] })],
      options,
    )
    expect(ics).toContain('CLASS:CONFIDENTIAL\r\n')
    expect(ics).toContain('TRANSP:OPAQUE\r\n')
    expect(ics).not.toMatch(/LOCATION|DESCRIPTION|CATEGORIES/)
  })

  it('is read back by ical.js with the same text', () => {
    const title = "Overleg; met, komma's en een \\ en\nnieuwe regel"
    const [event] = new ICAL.Component(
      ICAL.parse(toICalendar([entry({ title, location: 'Enschede, Overijssel' })], options)),
    )
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
    expect(event!.summary).toBe(title)
    expect(event!.location).toBe('Enschede, Overijssel')
    expect(event!.description).toContain('Met: Gemeente Enschede (gemeente)')
  })
})
