import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { describe, expect, it } from 'vitest'
import { applyEntryPatch, normalizeEntryInput, newEntry, ValidationError } from '../../../functions/core/model/index.js'

const valid = { start: '2015-03-16T10:00', title: 'Lezing', kind: 'lecture', visibility: 'public' }

function fieldsOf(input: unknown): string[] {
  try {
    normalizeEntryInput(input, AMSTERDAM_JOURNAL)
    return []
  } catch (error) {
    return (error as ValidationError).errors.map((e) => e.field)
  }
}

describe('entry input', () => {
  it('fills in defaults and writes times with the Amsterdam offset', () => {
    expect(normalizeEntryInput({ ...valid, end: '2015-07-01T12:00' }, AMSTERDAM_JOURNAL)).toMatchObject({
      start: '2015-03-16T10:00:00+01:00',
      end: '2015-07-01T12:00:00+02:00',
      allDay: false,
      timezone: 'Europe/Amsterdam',
      status: 'planned',
      counterparts: [],
      themes: [],
      links: [],
    })
  })

  it('accepts an offset time and rewrites it in the entry zone', () => {
    expect(normalizeEntryInput({ ...valid, start: '2015-03-16T09:00:00Z' }, AMSTERDAM_JOURNAL).start).toBe(
      '2015-03-16T10:00:00+01:00',
    )
  })

  it('keeps all-day entries as dates', () => {
    expect(
      normalizeEntryInput({ ...valid, allDay: true, start: '2014-11-20', end: '2014-11-21' }, AMSTERDAM_JOURNAL),
    ).toMatchObject({ start: '2014-11-20', end: '2014-11-21' })
  })

  it.each([
    [{ ...valid, title: 42 }, ['title']],
    [{ ...valid, kind: 'party' }, ['kind']],
    [{ ...valid, colour: 'red' }, ['colour']],
    [{ ...valid, start: '2015-02-30T10:00' }, ['start']],
    [{ ...valid, start: 'tomorrow' }, ['start']],
    [{ ...valid, end: '2015-03-16T09:00' }, ['end']],
    [{ ...valid, allDay: true }, ['start']],
    [{ ...valid, allDay: true, start: '2015-03-16', end: '2015-03-15' }, ['end']],
    [{ ...valid, visibility: undefined }, ['visibility']],
    [{ ...valid, counterparts: [{ name: 'Jan', type: 'person' }] }, ['counterparts.0.type']],
    [{ ...valid, links: [{ url: 'javascript:alert(1)' }] }, ['links.0.url']],
    [{ ...valid, timezone: 'Mars/Olympus' }, ['timezone']],
    [{ ...valid, status: 'moved' }, ['statusNote']],
    [{ ...valid, title: '   ' }, ['title']],
    [[], ['(body)']],
  ])('refuses %j, naming %j', (input, fields) => {
    expect(fieldsOf(input)).toEqual(fields)
  })

  it('validates a patch against the whole entry', () => {
    const entry = newEntry(
      normalizeEntryInput({ ...valid, end: '2015-03-16T11:00' }, AMSTERDAM_JOURNAL),
      'p',
      new Date(),
    )
    expect(() => applyEntryPatch(entry, { start: '2015-03-16T12:00' })).toThrow(/end: must be after start/)
    expect(applyEntryPatch(entry, { title: 'Gastcollege' }).title).toBe('Gastcollege')
    expect(() => applyEntryPatch(entry, { id: 'other' })).toThrow(ValidationError)
  })
})
