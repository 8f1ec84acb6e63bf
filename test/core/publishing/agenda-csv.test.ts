import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, toAgendaCsv } from '../../../functions/core/publishing/index.js'
import type { PublicEntry } from '../../../functions/core/privacy/index.js'
import { aPublicEntry } from '../../support/public-entries.js'

const entry = (overrides: Partial<PublicEntry> = {}): PublicEntry =>
  aPublicEntry({
    title: 'Adviesgesprek',
    counterparts: [],
    themes: [],
    createdAt: '2015-03-10T09:00:00Z',
    updatedAt: '2015-03-10T09:00:00Z',
    version: 1,
    ...overrides,
  })
const options = {
  person: 'Anna de Vries',
  site: 'https://agenda.example.nl',
  locale: 'nl' as const,
  timezone: 'Europe/Amsterdam',
}
const rows = (csv: string) => csv.split('\r\n').slice(0, -1)

describe('toAgendaCsv', () => {
  it('starts with a UTF-8 byte-order mark and the column names, semicolon-separated, for Dutch Excel', () => {
    const bytes = Buffer.from(toAgendaCsv([], options), 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'person;date;start_time;end_date;end_time;organisation;organisation_type;purpose;kind;themes;location;' +
        'status;status_note;confidential;withdrawn;url;entry_id\r\n',
    )
  })

  it('keeps the column names and their order (readers depend on them)', () => {
    expect(CSV_COLUMNS.join(',')).toBe(
      'person,date,start_time,end_date,end_time,organisation,organisation_type,purpose,kind,themes,location,' +
        'status,status_note,confidential,withdrawn,url,entry_id',
    )
  })

  it('writes one row per organisation, and one without when there is none', () => {
    const both = toAgendaCsv(
      [
        entry({
          counterparts: [
            { name: 'A', type: 'gemeente' },
            { name: 'B', type: 'bedrijf' },
          ],
        }),
        entry(),
      ],
      options,
    )
    expect(rows(both)).toHaveLength(4)
    expect(rows(both)[1]).toBe(
      'Anna de Vries;2015-03-16;10:00;;11:30;A;gemeente;Adviesgesprek;Advies;;;Heeft plaatsgevonden;;no;;' +
        'https://agenda.example.nl/agenda/entry/01HV0000000000000000000001/;01HV0000000000000000000001',
    )
  })

  it('quotes semicolons, quotes and line breaks (RFC 4180 with the semicolon), and leaves commas alone', () => {
    const csv = toAgendaCsv(
      [entry({ title: 'Over "open"; en\nmeer', location: 'Zwolle, Overijssel', themes: ['open data', 'AI'] })],
      options,
    )
    expect(rows(csv)[1]).toBe(
      'Anna de Vries;2015-03-16;10:00;;11:30;;;"Over ""open""; en\nmeer";Advies;"open data; AI";Zwolle, Overijssel;' +
        'Heeft plaatsgevonden;;no;;https://agenda.example.nl/agenda/entry/01HV0000000000000000000001/;' +
        '01HV0000000000000000000001',
    )
  })

  it('keeps a spreadsheet from running typed text as a formula: a leading apostrophe makes it text', () => {
    const csv = toAgendaCsv(
      [
        entry({
          title: '=HYPERLINK("http://evil")',
          counterparts: [{ name: '@SUM(1)', type: 'bedrijf' }],
          location: '+31 30 123',
          statusNote: '-2+3',
        }),
      ],
      { ...options, person: '=cmd|x' },
    )
    expect(rows(csv)[1]).toBe(
      `'=cmd|x;2015-03-16;10:00;;11:30;'@SUM(1);bedrijf;"'=HYPERLINK(""http://evil"")";Advies;;'+31 30 123;` +
        `Heeft plaatsgevonden;'-2+3;no;;https://agenda.example.nl/agenda/entry/01HV0000000000000000000001/;` +
        '01HV0000000000000000000001',
    )
  })

  it('leaves a formula character inside a cell alone: only the first character starts a formula', () => {
    const csv = toAgendaCsv([entry({ title: 'Kosten = baten' })], options)
    expect(rows(csv)[1]).toContain(';Kosten = baten;')
  })
})
