import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildAgendaIndex,
  buildPublicSnapshot,
  journalItemsFrom,
  type PublicSnapshot,
} from '../../functions/core/publishing/index.js'
import { toICalendar } from '../../functions/core/calendar/index.js'
import { runWeeklyDigest } from '../../functions/journal/index.js'
import { listChangedSince } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi } from '../support/test-db.js'

/**
 * A whole journal kept in New York, in English: every day and week is New York's, every word
 * English. The entry on Sunday 22 March 2015, 23:30 EDT is already Monday 03:30 UTC and 04:30 in
 * Amsterdam, so any part that still counts in Amsterdam (or UTC) puts it in the next week.
 */
const SUNDAY_NIGHT = '2015-03-22T23:30'
const MONDAY_7AM_NEW_YORK = new Date('2015-03-23T11:00:00Z')
const floatingCalendar = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VEVENT',
  'UID:late-call@test',
  'DTSTAMP:20150301T000000Z',
  'DTSTART:20150322T233000',
  'DTEND:20150323T000000',
  'SUMMARY:Late call',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

let api: Awaited<ReturnType<typeof testApi>>
let id: string
let snapshot: PublicSnapshot

beforeAll(async () => {
  api = await testApi({ now: () => MONDAY_7AM_NEW_YORK })
  const profile = await api.send('PUT', '/api/profile', {
    name: 'Ann Smith',
    role: 'CIO',
    organisation: 'City of New York',
    timezone: 'America/New_York',
    locale: 'en',
  })
  expect(profile.status).toBe(201)
  const created = await api.send(
    'POST',
    '/api/entries',
    entryInput({
      start: SUNDAY_NIGHT,
      end: undefined,
      timezone: 'America/New_York',
      kind: 'advice',
      counterparts: [{ name: 'Brooklyn Public Library', type: 'overig' }],
      themes: ['open data'],
    }),
  )
  expect(created.status).toBe(201)
  id = (await created.json()).id
  await runWeeklyDigest({ db: api.db, person: PERSON, now: MONDAY_7AM_NEW_YORK, mode: 'publish' })
  snapshot = buildPublicSnapshot(journalItemsFrom(await listChangedSince(api.db, PERSON)), { now: MONDAY_7AM_NEW_YORK })
})

const listed = async (query: string) =>
  (await (await api.get(`/api/entries?${query}`)).json()).items.map((e: { id: string }) => e.id)

describe('a journal whose profile says America/New_York', () => {
  it("stores a time written without a zone in the journal's zone", async () => {
    const res = await api.send(
      'POST',
      '/api/entries',
      entryInput({ start: SUNDAY_NIGHT, end: undefined, visibility: 'private' }),
    )
    expect(await res.json()).toMatchObject({ start: '2015-03-22T23:30:00-04:00', timezone: 'America/New_York' })
  })

  it('counts API day ranges in New York: Sunday 23:30 is on Sunday, not Monday', async () => {
    expect(await listed('from=2015-03-22&to=2015-03-22')).toEqual([id])
    expect(await listed('from=2015-03-23&to=2015-03-23')).toEqual([])
  })

  it('puts the entry in the digest of its own week, in English', async () => {
    const week12 = await (await api.get('/api/digests/2015-W12')).json()
    expect(week12.items).toEqual([
      expect.objectContaining({
        entryId: id,
        date: '2015-03-22',
        line: 'Sun 22 Mar · advice · Brooklyn Public Library · open data',
      }),
    ])
    expect((await api.get('/api/digests/2015-W13')).status).toBe(404)
    expect(snapshot.digests.map((d) => [d.week, d.items.map((i) => i.entryId)])).toEqual([['2015-W12', [id]]])
  })

  it('gives the site New York days and weeks: the week page and the day show it on Sunday', () => {
    expect(snapshot).toMatchObject({ timezone: 'America/New_York', locale: 'en' })
    const agenda = buildAgendaIndex(snapshot.entries, { timezone: snapshot.timezone, today: '2015-03-23' })
    expect(agenda.inWeek('2015-W12').map((e) => e.id)).toEqual([id])
    expect(agenda.inWeek('2015-W13')).toEqual([])
    expect(agenda.onDay('2015-03-22').map((e) => e.id)).toEqual([id])
  })

  it('names the zone in the calendar feed and gives the right instant', () => {
    const ics = toICalendar(snapshot.entries, {
      name: 'Ann Smith',
      entryUrl: ({ id }) => `https://example.org/${id}`,
      locale: snapshot.locale,
      timezone: snapshot.timezone,
    })
    expect(ics).toContain('X-WR-TIMEZONE:America/New_York\r\n')
    expect(ics).toContain('DTSTART:20150323T033000Z\r\n')
  })

  it("imports a floating calendar time in the journal's zone", async () => {
    const res = await api.send('POST', '/api/import/ics?from=2015-03-01&to=2015-03-31', floatingCalendar, {
      'Content-Type': 'text/calendar',
    })
    expect(res.status).toBe(200)
    const imported = (
      await (await api.get('/api/entries?from=2015-03-22&to=2015-03-22', api.auth)).json()
    ).items.filter((e: { title: string }) => e.title === 'Late call')
    expect(imported).toEqual([
      expect.objectContaining({ start: '2015-03-22T23:30:00-04:00', timezone: 'America/New_York' }),
    ])
  })
})
