import { describe, expect, it } from 'vitest'
import { DIGEST_INTERVAL_MINUTES, isDigestDue } from '../../../functions/core/digest/index.js'
import { isoWeekOf, isoWeekday, zonedParts } from '../../../functions/core/time/index.js'

describe('the quarter hour that makes a journal its weekly digest', () => {
  it.each([
    // zone, UTC quarter hour, due?, why
    ['Europe/Amsterdam', '2015-03-23T06:00:00Z', true, 'Monday 07:00 winter time (+01:00)'],
    ['Europe/Amsterdam', '2015-03-23T05:45:00Z', false, 'Monday 06:45'],
    ['Europe/Amsterdam', '2015-03-23T06:15:00Z', false, 'Monday 07:15: once a week, not twice'],
    ['Europe/Amsterdam', '2015-03-23T05:00:00Z', false, 'Monday 06:00: 07:00 only in summer time, and it is winter'],
    ['Europe/Amsterdam', '2015-03-30T05:00:00Z', true, 'Monday 07:00 the day after summer time began (+02:00)'],
    ['Europe/Amsterdam', '2015-03-30T06:00:00Z', false, 'Monday 08:00 in summer time'],
    ['Europe/Amsterdam', '2015-10-26T06:00:00Z', true, 'Monday 07:00 the day after winter time returned'],
    ['Europe/Amsterdam', '2015-03-22T06:00:00Z', false, 'Sunday 07:00'],
    ['Europe/Amsterdam', '2015-03-24T06:00:00Z', false, 'Tuesday 07:00'],
    ['Asia/Kathmandu', '2015-03-23T01:15:00Z', true, 'Monday 07:00 at +05:45'],
    ['Asia/Kathmandu', '2015-03-23T01:00:00Z', false, 'Monday 06:45 at +05:45'],
    ['Asia/Kathmandu', '2015-03-23T01:30:00Z', false, 'Monday 07:15 at +05:45'],
    ['America/St_Johns', '2015-01-05T10:30:00Z', true, 'Monday 07:00 at −03:30 (standard time)'],
    ['America/St_Johns', '2015-03-23T09:30:00Z', true, 'Monday 07:00 at −02:30 (daylight time)'],
    ['America/St_Johns', '2015-03-23T10:30:00Z', false, 'Monday 08:00 at −02:30'],
    ['Pacific/Chatham', '2015-03-22T17:15:00Z', true, 'Monday 07:00 at +13:45, still Sunday in UTC'],
    ['Pacific/Kiritimati', '2015-03-22T17:00:00Z', true, 'Monday 07:00 at +14:00, still Sunday in UTC'],
    ['America/Los_Angeles', '2015-03-09T14:00:00Z', true, 'Monday 07:00 the day after daylight time began'],
    ['UTC', '2015-03-23T07:00:00Z', true, 'Monday 07:00 in UTC itself'],
  ])('%s at %s: %s (%s)', (zone, at, due) => {
    expect(isDigestDue(new Date(at), zone)).toBe(due)
  })

  it('counts a look off the quarter hour (a run by hand) only when 07:00 lies in its next 15 minutes', () => {
    expect(isDigestDue(new Date('2015-03-23T05:50:00Z'), 'Europe/Amsterdam')).toBe(true)
    expect(isDigestDue(new Date('2015-03-23T06:00:01Z'), 'Europe/Amsterdam')).toBe(false)
  })

  // Zones with a 30-minute daylight shift (Lord Howe), quarter-hour offsets, the date line and both hemispheres.
  const zones = [
    'Europe/Amsterdam',
    'Asia/Kathmandu',
    'America/St_Johns',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Kiritimati',
    'America/Los_Angeles',
    'Pacific/Pago_Pago',
  ]
  const quarterHours = function* (from: string, to: string) {
    for (let t = Date.parse(from); t < Date.parse(to); t += DIGEST_INTERVAL_MINUTES * 60_000) yield new Date(t)
  }

  it.each(zones)('finds %s due at Monday 07:00 on its own clock, once in each of the 52 weeks of 2015', (zone) => {
    const due = [...quarterHours('2015-01-01T00:00:00Z', '2016-01-01T00:00:00Z')].filter((at) => isDigestDue(at, zone))
    const local = due.map((at) => zonedParts(at, zone))
    expect(local.every(({ date, time }) => isoWeekday(date) === 1 && time === '07:00')).toBe(true)
    expect(local).toHaveLength(52)
    expect(new Set(local.map(({ date }) => isoWeekOf(date))).size).toBe(52)
  })
})
