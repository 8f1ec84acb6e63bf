import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isoWeekOf,
  isoWeekRange,
  localDaysToInstants,
  zonedParts,
  zonedToInstant,
  isCalendarDate,
} from '../../../functions/core/time/index.js'

describe('ISO weeks', () => {
  it.each([
    ['2015-03-16', '2015-W12'], // a Monday
    ['2015-03-22', '2015-W12'], // its Sunday
    ['2014-12-29', '2015-W01'], // Monday of week 1 lies in the previous calendar year
    ['2016-01-03', '2015-W53'], // Sunday of a 53-week year lies in the next calendar year
    ['2021-01-01', '2020-W53'],
    ['2026-12-31', '2026-W53'],
    ['2015-01-01', '2015-W01'],
  ])('puts %s in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week)
  })

  it.each([
    ['2015-W12', { from: '2015-03-16', to: '2015-03-22' }],
    ['2015-W01', { from: '2014-12-29', to: '2015-01-04' }],
    ['2015-W53', { from: '2015-12-28', to: '2016-01-03' }],
    ['2014-W53', null], // 2014 has 52 weeks
    ['2015-W00', null],
    ['2015-12', null],
  ])('gives the days of %s', (week, range) => {
    expect(isoWeekRange(week)).toEqual(range)
  })
})

describe('Europe/Amsterdam wall clock', () => {
  it.each([
    ['2015-03-16', '10:00', '2015-03-16T09:00:00.000Z'], // winter time, UTC+1
    ['2015-07-01', '10:00', '2015-07-01T08:00:00.000Z'], // summer time, UTC+2
    ['2015-03-29', '01:30', '2015-03-29T00:30:00.000Z'], // just before the spring gap
    ['2015-03-29', '02:30', '2015-03-29T01:30:00.000Z'], // inside the gap: read as 03:30 CEST
    ['2015-03-29', '03:00', '2015-03-29T01:00:00.000Z'],
    ['2015-10-25', '02:30', '2015-10-25T00:30:00.000Z'], // ambiguous autumn hour: first occurrence
    ['2015-10-25', '03:00', '2015-10-25T02:00:00.000Z'],
  ])('reads %s %s as %s', (date, time, iso) => {
    expect(zonedToInstant(date, time).toISOString()).toBe(iso)
  })

  it('gives the local date and offset of an instant near midnight', () => {
    expect(zonedParts(new Date('2015-03-15T23:30:00Z'))).toEqual({
      date: '2015-03-16',
      time: '00:30',
      offsetMinutes: 60,
    })
  })

  /** What the wall clock shows, read field by field from `Intl` (as calendar apps do). */
  const wallClock = (instant: Date, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    )
    return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
  }

  it.each([
    ['2015-03-29T00:59:59Z', 'Europe/Amsterdam', '2015-03-29', '01:59', 60], // the second before spring forward
    ['2015-03-29T01:00:00Z', 'Europe/Amsterdam', '2015-03-29', '03:00', 120],
    ['2015-10-25T00:59:59Z', 'Europe/Amsterdam', '2015-10-25', '02:59', 120], // the first 02:59
    ['2015-10-25T01:00:00Z', 'Europe/Amsterdam', '2015-10-25', '02:00', 60], // the second 02:00
    ['2015-10-03T15:29:59Z', 'Australia/Lord_Howe', '2015-10-04', '01:59', 630], // a shift of half an hour,
    ['2015-10-03T15:30:00Z', 'Australia/Lord_Howe', '2015-10-04', '02:30', 660], // at half past a UTC hour
    ['2015-06-01T12:00:00Z', 'Asia/Kathmandu', '2015-06-01', '17:45', 345],
    ['1970-06-01T12:00:00Z', 'Africa/Monrovia', '1970-06-01', '11:15', -44], // −00:44:30 then: the offset rounded
    ['9999-12-31T23:30:00Z', 'Europe/Amsterdam', '10000-01-01', '00:30', 60], // years as Intl writes them
    ['0500-06-01T12:00:00Z', 'UTC', '500-06-01', '12:00', 0],
  ])('reads %s in %s as %s %s (offset %i minutes)', (instant, zone, date, time, offsetMinutes) => {
    expect(zonedParts(new Date(instant), zone)).toEqual({ date, time, offsetMinutes })
  })

  it('shows what the wall clock shows at any instant, whatever was asked before', () => {
    const zones = [
      'Europe/Amsterdam',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Africa/Monrovia',
      'UTC',
    ]
    const instant = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...zones)), { maxLength: 40 }), (asked) => {
        for (const [at, zone] of asked) expect(zonedParts(at, zone)).toMatchObject(wallClock(at, zone))
      }),
      { numRuns: 300 },
    )
  })

  it('makes a DST week 167 hours long and an ordinary one 168', () => {
    const hours = (from: string, to: string) => {
      const { start, end } = localDaysToInstants(from, to, 'Europe/Amsterdam')
      return (end.getTime() - start.getTime()) / 3_600_000
    }
    expect(hours('2015-03-23', '2015-03-29')).toBe(167)
    expect(hours('2015-10-19', '2015-10-25')).toBe(169)
    expect(hours('2015-03-16', '2015-03-22')).toBe(168)
  })

  it.each([
    ['2015-02-29', false],
    ['2016-02-29', true],
    ['2015-13-01', false],
    ['15-03-01', false],
    ['2015-03-01', true],
  ])('knows whether %s is a calendar date', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid)
  })
})
