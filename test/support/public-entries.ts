import type { PublicEntry } from '../../functions/core/privacy/index.js'

/** A public entry as the projection gives it (an advice meeting in Amsterdam, March 2015), with overrides. */
export const aPublicEntry = (overrides: Partial<PublicEntry> = {}): PublicEntry => ({
  id: '01HV0000000000000000000001',
  start: '2015-03-16T10:00:00+01:00',
  end: '2015-03-16T11:30:00+01:00',
  allDay: false,
  timezone: 'Europe/Amsterdam',
  kind: 'advice',
  status: 'held',
  visibility: 'public',
  title: 'Adviesgesprek zelfsturing',
  counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
  themes: ['zelfsturing'],
  links: [],
  createdAt: '2015-03-10T09:00:00.000Z',
  updatedAt: '2015-03-11T09:00:00.000Z',
  version: 2,
  ...overrides,
})
