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
  it('starts with the column names and ends every record with CRLF', () => {
    const csv = toAgendaCsv([], options)
    expect(csv).toBe(`${CSV_COLUMNS.join(',')}\r\n`)
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
      'Anna de Vries,2015-03-16,10:00,,11:30,A,gemeente,Adviesgesprek,Advies,,,Heeft plaatsgevonden,,no,,' +
        'https://agenda.example.nl/agenda/entry/01HV0000000000000000000001/,01HV0000000000000000000001',
    )
  })

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toAgendaCsv([entry({ title: 'Over "open", en\nmeer', location: 'Zwolle, Overijssel' })], options)
    expect(rows(csv)[1]).toContain('"Over ""open"", en\nmeer"')
    expect(rows(csv)[1]).toContain('"Zwolle, Overijssel"')
  })

  it('keeps a spreadsheet from running typed text as a formula', () => {
    const csv = toAgendaCsv(
      [entry({ title: '=HYPERLINK("http://evil")', counterparts: [{ name: '@SUM(1)', type: 'bedrijf' }] })],
      options,
    )
    expect(rows(csv)[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(rows(csv)[1]).toContain(`'@SUM(1)`)
  })
})
