import { describe, expect, it } from 'vitest'
import { describeRevision } from '../../../functions/core/words/index.js'
import type { PublicRevision } from '../../../functions/core/privacy/index.js'

const revision = (changes: PublicRevision['changes'], overrides: Partial<PublicRevision> = {}): PublicRevision => ({
  version: 2,
  at: '2015-03-11T10:00:00.000Z',
  action: 'update',
  changes,
  ...overrides,
})

describe('describeRevision', () => {
  it.each([
    ['nl', 'tijd verplaatst van donderdag 12 maart 2015, 10:00 naar donderdag 19 maart 2015, 14:00'],
    ['en', 'time moved from Thursday, 12 March 2015, 10:00 to Thursday, 19 March 2015, 14:00'],
  ] as const)('says in %s that the time moved, in the agenda’s zone', (locale, line) => {
    const text = describeRevision(
      revision([{ field: 'start', from: '2015-03-12T10:00:00+01:00', to: '2015-03-19T14:00:00+01:00' }]),
      locale,
      'Europe/Amsterdam',
    )
    expect(text.lines).toEqual([line])
  })

  it.each([
    [{ field: 'status', from: 'planned', to: 'cancelled' }, 'status gewijzigd van gepland in geannuleerd'],
    [{ field: 'title', from: 'Oud', to: 'Nieuw' }, 'titel gewijzigd van “Oud” in “Nieuw”'],
    [{ field: 'location', from: 'Enschede' }, 'locatie verwijderd'],
    [
      { field: 'counterparts', from: [{ name: 'A', type: 'gemeente' }], to: [{ name: 'B', type: 'gemeente' }] },
      'gesprekspartners — toegevoegd: B; weggehaald: A',
    ],
    [{ field: 'visibility', from: 'restricted', to: 'public' }, 'openbaar gemaakt'],
    [{ field: 'summary', from: 'a', to: 'b' }, 'samenvatting gewijzigd'],
  ])('describes %j', (change, line) => {
    expect(describeRevision(revision([change]), 'nl', 'Europe/Amsterdam').lines).toEqual([line])
  })

  it('names the action and keeps the public reason', () => {
    expect(describeRevision(revision([], { action: 'withdraw', reason: 'dubbel' }), 'nl', 'Europe/Amsterdam')).toEqual({
      at: '2015-03-11T10:00:00.000Z',
      action: 'Ingetrokken',
      lines: [],
      reason: 'dubbel',
    })
  })
})
