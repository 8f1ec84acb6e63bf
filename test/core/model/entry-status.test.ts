import { describe, expect, test } from 'vitest'
import { normalizeEntryInput, defaultStatus } from '../../../functions/core/model/index.js'

const NOW = new Date('2015-03-16T12:00:00Z')
const JOURNAL = { timeZone: 'Europe/Amsterdam', now: NOW }
const appointment = (start: string, more: Record<string, unknown> = {}) => ({
  start,
  title: 'Advies over zelfsturing',
  kind: 'advice',
  visibility: 'public',
  ...more,
})

describe('the status of an appointment whose author chose none', () => {
  test.each([
    ['starts tomorrow', '2015-03-17T09:00:00Z', 'planned'],
    ['starts in a minute', '2015-03-16T12:01:00Z', 'planned'],
    ['starts right now', '2015-03-16T12:00:00Z', 'held'],
    ['started this morning', '2015-03-16T08:00:00Z', 'held'],
  ])('%s: %s', (_, start, expected) => expect(defaultStatus(new Date(start), NOW)).toBe(expected))

  test.each([
    ['a future time', appointment('2015-03-16T14:00'), 'planned'],
    ['a past time', appointment('2015-03-16T12:30', { timezone: 'Europe/Amsterdam' }), 'held'],
    ['a future day', appointment('2015-03-17', { allDay: true }), 'planned'],
    ['today, all day', appointment('2015-03-16', { allDay: true }), 'held'],
  ])('is given by the rule for %s', (_, input, expected) =>
    expect(normalizeEntryInput(input, JOURNAL).status).toBe(expected),
  )

  test.each([
    ['cancelled', appointment('2015-03-17T09:00', { status: 'cancelled' })],
    ['moved', appointment('2015-03-10T09:00', { status: 'moved', statusNote: 'verplaatst naar 12 maart' })],
    ['held', appointment('2015-03-17T09:00', { status: 'held' })],
    ['planned', appointment('2015-03-10T09:00', { status: 'planned' })],
  ])('keeps a status the author chose: %s', (status, input) =>
    expect(normalizeEntryInput(input, JOURNAL).status).toBe(status),
  )
})
