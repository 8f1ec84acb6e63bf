import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublicSnapshot, serializeSnapshot } from '../../functions/core/publishing/index.js'
import { canaryJournal } from '../support/journal-fixtures.js'
import { buildFromSnapshot, filesUnder, TEST_SITE_URL, type BuiltSite } from './site-build.js'

/**
 * Feeds, calendars and open data as other software reads them: each is parsed with an
 * independent parser, across two builds of the same journal (before and after a change).
 */
const LONG_TITLE =
  'Werkbezoek aan de Rijksdienst voor Ondernemend Nederland — ' +
  '‘zelfsturing’ in de praktijk, één dag met 🚲 en ☕ in Zwolle'
let before: BuiltSite
let after: BuiltSite
let movedId: string

beforeAll(async () => {
  const journal = canaryJournal()
  journal.entry(
    {
      start: '2015-03-24',
      allDay: true,
      title: LONG_TITLE,
      kind: 'visit',
      location: 'Zwolle, Overijssel; Nederland',
      themes: ['zelfsturing'],
      counterparts: [
        { name: 'RVO, Zwolle', type: 'uitvoeringsorganisatie' },
        { name: 'Gemeente "Zwolle"', type: 'gemeente' },
      ],
    },
    '2015-03-14T10:00:00Z',
  )
  const moved = journal.entry(
    {
      start: '2015-03-25T10:00',
      end: '2015-03-25T11:00',
      title: 'Kennissessie open data',
      kind: 'lecture',
      themes: ['open data'],
    },
    '2015-03-14T11:00:00Z',
  )
  movedId = moved.id
  const root = mkdtempSync(join(tmpdir(), 'oaj-site-feeds-'))
  const write = (name: string, now: string) => {
    const file = join(root, name)
    writeFileSync(file, serializeSnapshot(buildPublicSnapshot(journal.items(), { now: new Date(now) })))
    return file
  }
  const first = write('before.json', '2015-03-18T12:00:00Z')
  journal.changeEntry(
    movedId,
    { start: '2015-03-26T14:00', end: '2015-03-26T15:00' },
    '2015-03-18T13:00:00Z',
    'zaal bezet',
  )
  const second = write('after.json', '2015-03-18T14:00:00Z')
  before = await buildFromSnapshot(root, first, 'before')
  after = await buildFromSnapshot(root, second, 'after')
}, 240_000)

afterAll(() => before?.cleanup())

const read = (site: BuiltSite, file: string) => readFileSync(join(site.dist, file), 'utf8')
const xml = (site: BuiltSite, file: string) =>
  new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata' }).parse(read(site, file))
const RFC_822 = new RegExp(
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) /.source +
    /\d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/.source,
)
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const absolute = (url: string) => url.startsWith(`${TEST_SITE_URL}/`)
const text = (v: unknown): string =>
  v && typeof v === 'object' && '#cdata' in v
    ? String((v as Record<string, unknown>)['#cdata'])
    : v && typeof v === 'object' && '#text' in v
      ? String((v as Record<string, unknown>)['#text'])
      : String(v)
const rssItems = (site: BuiltSite, file: string) =>
  [xml(site, file).rss.channel.item].flat().filter(Boolean) as Record<string, unknown>[]

describe('RSS 2.0 feeds', () => {
  it.each(['posts.xml', 'agenda.xml', 'digest.xml'])('%s has RFC 822 dates and absolute links', (file) => {
    const channel = xml(after, file).rss.channel
    expect(channel.lastBuildDate).toMatch(RFC_822)
    expect(absolute(text(channel.link))).toBe(true)
    const items = rssItems(after, file)
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      expect(item.pubDate).toMatch(RFC_822)
      expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false)
      expect(absolute(text(item.link))).toBe(true)
      expect(absolute(text(item.guid))).toBe(true)
    }
  })

  it('has one item per published digest, linking its entries', () => {
    const [digest] = rssItems(after, 'digest.xml')
    expect(text(digest!.title)).toMatch(/^Week 12, 2015: 16 mrt 2015 – 22 mrt 2015$/)
    expect(text(digest!['content:encoded'])).toContain(`<a href="${TEST_SITE_URL}/agenda/entry/`)
  })

  it('carries the full text of posts', () => {
    const [post] = rssItems(after, 'posts.xml')
    expect(text(post!['content:encoded'])).toContain('<strong>open agenda</strong>')
  })

  it('keeps every GUID between builds, and gives a changed entry a new item', () => {
    const guids = (site: BuiltSite, file: string) => rssItems(site, file).map((i) => text(i.guid))
    expect(guids(after, 'posts.xml')).toEqual(guids(before, 'posts.xml'))
    const [old, now] = [guids(before, 'agenda.xml'), guids(after, 'agenda.xml')]
    const changed = now.filter((g) => !old.includes(g))
    expect(changed).toEqual([`${TEST_SITE_URL}/agenda/entry/${movedId}/#v2`])
    expect(old.filter((g) => !now.includes(g))).toEqual([`${TEST_SITE_URL}/agenda/entry/${movedId}/#v1`])
    expect(text(rssItems(after, 'agenda.xml')[0]!.title)).toBe('Gewijzigd: Kennissessie open data')
  })

  it('is the same file when built twice from the same journal', () => {
    expect(read(after, 'posts.xml')).toBe(read(after, 'posts.xml'))
    expect(read(before, 'posts.xml')).toBe(read(after, 'posts.xml'))
  })
})

describe('Atom and JSON Feed', () => {
  it.each(['posts.atom', 'agenda.atom', 'digest.atom'])('%s has RFC 3339 dates, ids and absolute links', (file) => {
    const feed = xml(after, file).feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.updated).toMatch(RFC_3339)
    for (const entry of [feed.entry].flat()) {
      expect(entry.updated).toMatch(RFC_3339)
      expect(entry.published).toMatch(RFC_3339)
      expect(absolute(entry.id)).toBe(true)
      expect(absolute(entry.link['@_href'])).toBe(true)
    }
  })

  it.each(['posts.json', 'agenda.json', 'digest.json'])('%s is JSON Feed 1.1 with absolute URLs', (file) => {
    const feed = JSON.parse(read(after, file))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(absolute(feed.feed_url) && absolute(feed.home_page_url)).toBe(true)
    for (const item of feed.items) {
      expect(absolute(item.url) && absolute(item.id)).toBe(true)
      expect(item.date_published).toMatch(RFC_3339)
    }
  })
})

describe('iCalendar', () => {
  const calendar = (site: BuiltSite, file = 'agenda.ics') => new ICAL.Component(ICAL.parse(read(site, file)))
  const events = (site: BuiltSite, file?: string) =>
    calendar(site, file)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))

  it.each(['agenda.ics', 'themes/zelfsturing.ics'])('%s ends every line with CRLF and folds at 75 octets', (file) => {
    const raw = read(after, file)
    expect(raw.endsWith('\r\n')).toBe(true)
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = raw.split('\r\n').slice(0, -1)
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75)
    expect(lines.some((l) => l.startsWith(' '))).toBe(true) // the long title was folded…
    expect(raw).not.toContain('\uFFFD') // …without cutting a character in two
  })

  it('unfolds to the original text', () => {
    const visit = events(after).find((e) => e.summary === LONG_TITLE)!
    expect(visit).toBeDefined()
    expect(visit.location).toBe('Zwolle, Overijssel; Nederland')
    expect(visit.startDate.isDate).toBe(true)
    expect(visit.startDate.toString()).toBe('2015-03-24')
  })

  it('keeps every UID between builds and raises SEQUENCE of a changed entry', () => {
    const byUid = (site: BuiltSite) => new Map(events(site).map((e) => [e.uid, e]))
    const [old, now] = [byUid(before), byUid(after)]
    expect([...now.keys()].sort()).toEqual([...old.keys()].sort())
    const uid = `${movedId}@open-agenda-journal`
    expect(now.get(uid)!.sequence).toBe(old.get(uid)!.sequence + 1)
    expect(now.get(uid)!.startDate.toJSDate().toISOString()).toBe('2015-03-26T13:00:00.000Z')
    for (const [id, event] of now) if (id !== uid) expect(event.sequence).toBe(old.get(id)!.sequence)
  })

  it('has a DTSTAMP on every event, marks cancellations and shows restricted entries as busy slots', () => {
    const vevents = calendar(after).getAllSubcomponents('vevent')
    expect(vevents.every((v) => v.getFirstPropertyValue('dtstamp'))).toBe(true)
    const cancelled = vevents
      .filter((v) => v.getFirstPropertyValue('status') === 'CANCELLED')
      .map((v) => v.getFirstPropertyValue('summary'))
    expect(cancelled).toEqual(expect.arrayContaining(['Lezing over open overheid', 'Bezoek aan de waterzuivering']))
    const slots = vevents.filter((v) => v.getFirstPropertyValue('class') === 'CONFIDENTIAL')
    expect(slots.length).toBe(3)
    for (const slot of slots) {
      expect(slot.getFirstPropertyValue('summary')).toBe('Besloten afspraak')
      expect(slot.getFirstPropertyValue('transp')).toBe('OPAQUE')
      expect(slot.hasProperty('location') || slot.hasProperty('description')).toBe(false)
    }
  })

  it('has one calendar per theme with only that theme’s entries', () => {
    const themed = events(after, 'themes/zelfsturing.ics')
      .map((e) => e.summary)
      .sort()
    expect(themed).toEqual(['Adviesgesprek zelfsturing', LONG_TITLE].sort())
  })
})

describe('open data', () => {
  /** RFC 4180 by hand: quoted fields, doubled quotes, CRLF records. */
  /** RFC 4180 with the semicolon; the byte-order mark Excel needs is checked and dropped. */
  function parseCsv(file: string): string[][] {
    expect(file.startsWith('\uFEFF')).toBe(true)
    const raw = file.slice(1)
    const rows: string[][] = [[]]
    let field = ''
    let quoted = false
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!
      if (quoted) {
        if (c === '"' && raw[i + 1] === '"') {
          field += '"'
          i++
        } else if (c === '"') quoted = false
        else field += c
      } else if (c === '"') quoted = true
      else if (c === ';') {
        rows.at(-1)!.push(field)
        field = ''
      } else if (c === '\r' && raw[i + 1] === '\n') {
        rows.at(-1)!.push(field)
        field = ''
        rows.push([])
        i++
      } else field += c
    }
    return rows.slice(0, -1)
  }

  it('has a CSV row per entry and organisation, with the UK transparency columns', () => {
    const [header, ...rows] = parseCsv(read(after, 'data/agenda.csv'))
    expect(header).toEqual(
      expect.arrayContaining([
        'person',
        'date',
        'organisation',
        'purpose',
        'kind',
        'themes',
        'location',
        'status',
        'url',
      ]),
    )
    const col = (name: string) => header!.indexOf(name)
    const visit = rows.filter((r) => r[col('purpose')] === LONG_TITLE)
    expect(visit.map((r) => r[col('organisation')])).toEqual(['RVO, Zwolle', 'Gemeente "Zwolle"'])
    expect(
      rows.every(
        (r) => r.length === header!.length && r[col('person')] === 'Anna de Vries' && absolute(r[col('url')]!),
      ),
    ).toBe(true)
    expect(
      rows
        .filter((r) => r[col('confidential')] === 'yes')
        .every((r) => r[col('purpose')] === 'Besloten afspraak' && r[col('organisation')] === ''),
    ).toBe(true)
  })

  it('publishes the snapshot it was built from, byte for byte', () => {
    expect(read(after, 'data/journal.json')).toBe(readFileSync(after.snapshotFile, 'utf8'))
  })

  it('lists every page in the sitemap, with absolute URLs that exist', () => {
    const index = xml(after, 'sitemap.xml').sitemapindex
    const maps = [index.sitemap].flat().map((s: { loc: string }) => s.loc)
    const urls = maps.flatMap((loc) =>
      [xml(after, loc.slice(TEST_SITE_URL.length + 1)).urlset.url].flat().map((u: { loc: string }) => u.loc),
    )
    expect(urls.every(absolute)).toBe(true)
    const pages = new Set(
      filesUnder(after.dist)
        .filter((f) => f.endsWith('index.html'))
        .map((f) => `${TEST_SITE_URL}/${f.replace(/index\.html$/, '')}`),
    )
    expect(urls.filter((u) => !pages.has(u))).toEqual([])
    expect([...pages].filter((p) => !urls.includes(p))).toEqual([])
  })

  it('offers each feed in RSS and the calendar in the head of every page, every format on Follow and data', () => {
    const heads = filesUnder(after.dist)
      .filter((f) => f.endsWith('.html'))
      .map((file) => [file, read(after, file).split('</head>')[0]!] as const)
    const linked = (head: string) =>
      [...head.matchAll(/<link rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)">/g)].map((m) =>
        m[1]!.replace(TEST_SITE_URL, ''),
      )
    const everyPage = ['/posts.xml', '/agenda.xml', '/digest.xml', '/agenda.ics']
    for (const [file, head] of heads) {
      if (/^(en\/)?(follow|data)\/index\.html$/.test(file)) continue
      expect(linked(head).slice(0, 4), file).toEqual(everyPage)
    }
    const follow = heads.find(([file]) => file === 'follow/index.html')![1]
    expect(linked(follow)).toEqual([
      '/posts.xml',
      '/posts.atom',
      '/posts.json',
      '/agenda.xml',
      '/agenda.atom',
      '/agenda.json',
      '/digest.xml',
      '/digest.atom',
      '/digest.json',
      '/agenda.ics',
      '/data/agenda.csv',
      '/data/journal.json',
    ])
  })
})
