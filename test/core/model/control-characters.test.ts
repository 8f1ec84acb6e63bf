import ICAL from 'ical.js'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toAtom, toRss, type Feed } from '../../../functions/core/publishing/index.js'
import { readCalendar, toICalendar } from '../../../functions/core/calendar/index.js'
import { aPublicEntry } from '../../support/public-entries.js'

/** Anything outside XML 1.0's Char production: a document holding one is not XML, whatever a lenient parser says. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u
const TITLE = 'Overleg\u0001 met\u0000 de provincie'
const STRIPPED = 'Overleg met de provincie'

// An entry that got a control character into the store some other way: the writers must still make valid files.
const entry = aPublicEntry({
  title: TITLE,
  location: 'Den\u0008 Haag',
  counterparts: [{ name: 'Gemeente\u001B Enschede', type: 'gemeente' }],
  themes: ['water\u000C'],
})
const feed: Feed = {
  title: 'Open\u0002 agenda',
  description: 'Afspraken',
  language: 'nl-NL',
  homeUrl: 'https://agenda.example.nl/',
  urls: {
    rss: 'https://agenda.example.nl/agenda.xml',
    atom: 'https://agenda.example.nl/agenda.atom',
    json: 'https://agenda.example.nl/agenda.json',
  },
  items: [
    {
      id: entry.id,
      url: 'https://agenda.example.nl/agenda/entry/1/',
      title: TITLE,
      summary: 'Over\u0003 water',
      contentHtml: '<p>Over\u0004 water</p>',
      published: entry.createdAt,
      updated: entry.updatedAt,
      tags: ['water\u000C'],
    },
  ],
  fallbackUpdated: entry.updatedAt,
}
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata' }).parse(xml)
const textOf = (v: unknown) =>
  v && typeof v === 'object' && '#cdata' in v ? String((v as Record<string, unknown>)['#cdata']) : String(v)

describe('a control character that reached the store', () => {
  it('leaves the RSS feed valid XML, the title without it', () => {
    const xml = toRss(feed)
    expect(xml).not.toMatch(NOT_XML)
    expect(textOf(parse(xml).rss.channel.item.title)).toBe(STRIPPED)
  })

  it('leaves the Atom feed valid XML, the title without it', () => {
    const xml = toAtom(feed)
    expect(xml).not.toMatch(NOT_XML)
    expect(textOf(parse(xml).feed.entry.title)).toBe(STRIPPED)
  })

  it('leaves the iCalendar file readable, the summary without it', () => {
    const ics = toICalendar([entry], {
      name: 'Open agenda',
      entryUrl: ({ id }) => `https://agenda.example.nl/agenda/entry/${id}/`,
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
    })
    expect(ics).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')
    expect(event!.getFirstPropertyValue('summary')).toBe(STRIPPED)
    expect(event!.getFirstPropertyValue('location')).toBe('Den Haag')
  })
})

describe('a calendar file with control characters', () => {
  it("imports its appointments with the characters left out, not refused: the file is someone else's", async () => {
    const source = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:ctl\u0001-1',
      'DTSTART:20150316T090000Z',
      `SUMMARY:${TITLE}`,
      'LOCATION:Den\u0008 Haag',
      'DESCRIPTION:Over\u0000 water',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n')
    const { events } = await readCalendar(source, {
      from: '2015-03-01',
      to: '2015-03-31',
      timezone: 'Europe/Amsterdam',
      now: new Date('2015-03-01T00:00:00Z'),
    })
    expect(events.map((e) => [e.sourceUid, e.content.title, e.content.location, e.content.notes])).toEqual([
      ['ctl-1', STRIPPED, 'Den Haag', 'Over water'],
    ])
  })
})
