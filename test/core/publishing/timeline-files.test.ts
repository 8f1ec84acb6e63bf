import { describe, expect, it } from 'vitest'
import {
  buildOrganisationSnapshot,
  buildPublicSnapshot,
  timelineFiles,
  type PublicSnapshot,
  type TimelineFile,
} from '../../../functions/core/publishing/index.js'
import { JournalBuilder } from '../../support/journal-fixtures.js'

const NOW = new Date('2015-04-01T12:00:00Z')
const SITE = 'https://agenda.example.nl'

function journalOf(person: string, name: string, title: string): PublicSnapshot {
  const journal = new JournalBuilder(person).withProfile({ name })
  journal.entry({ title, start: '2015-03-10T09:00', themes: ['Open data'] }, '2015-03-01T09:00:00Z')
  journal.entry({ title: `${title}, vervolg`, start: '2015-03-12T09:00', themes: ['Archief'] })
  return buildPublicSnapshot(journal.items(), { now: NOW })
}

const anna = journalOf('anna', 'Anna de Vries', 'Overleg met de VNG')
const bram = journalOf('bram', 'Bram Jansen', 'Gesprek met het CBS')
const organisation = buildOrganisationSnapshot(
  { name: 'Ministerie van Voorbeeldzaken' },
  [
    { servant: { person: 'anna', name: 'Anna de Vries', role: 'CIO', status: 'active' }, snapshot: anna },
    { servant: { person: 'bram', name: 'Bram Jansen', role: 'Adviseur', status: 'active' }, snapshot: bram },
  ],
  { now: NOW },
)

const text = (files: TimelineFile[], path: string) => files.find((f) => f.path === path)?.text ?? ''
/** An iCalendar file's lines unfolded (RFC 5545 3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')

describe('the files that list the whole timeline', () => {
  it('a servant’s section: calendars named after the servant, every address within the section', () => {
    const files = [...timelineFiles(anna, { site: SITE, base: '/anna' })]
    expect(files.map((f) => f.path)).toEqual([
      '/agenda.ics',
      '/themes/archief.ics',
      '/themes/open-data.ics',
      '/data/agenda.csv',
    ])
    const calendar = unfolded(text(files, '/agenda.ics'))
    expect(calendar).toContain('X-WR-CALNAME:Open agenda van Anna de Vries')
    const urls = calendar.filter((line) => line.startsWith('URL:'))
    expect(urls).toHaveLength(2)
    for (const url of urls) expect(url).toMatch(/^URL:https:\/\/agenda\.example\.nl\/anna\/agenda\/entry\/01E\d+\/$/)
    expect(unfolded(text(files, '/themes/open-data.ics'))).toContain(
      'X-WR-CALNAME:Open agenda van Anna de Vries — Open data',
    )
    const csv = text(files, '/data/agenda.csv')
    expect(csv).toContain('Anna de Vries;2015-03-10')
    expect(csv).toContain('https://agenda.example.nl/anna/agenda/entry/')
  })

  it('the organisation’s pages: named after the organisation, each entry linked in its servant’s section', () => {
    // Two servants' entries may share an id (a copied journal; here the fixture's numbering): each keeps its own page.
    expect(anna.entries.map((e) => e.id)).toEqual(bram.entries.map((e) => e.id))
    const files = [...timelineFiles(organisation, { site: SITE, base: '' })]
    const calendar = unfolded(text(files, '/agenda.ics'))
    expect(calendar).toContain('X-WR-CALNAME:Open agenda van Ministerie van Voorbeeldzaken')
    const urls = calendar.filter((line) => line.startsWith('URL:')).map((line) => line.slice(4))
    expect(urls.filter((url) => url.startsWith(`${SITE}/anna/agenda/entry/`))).toHaveLength(2)
    expect(urls.filter((url) => url.startsWith(`${SITE}/bram/agenda/entry/`))).toHaveLength(2)
    const rows = text(files, '/data/agenda.csv').split('\r\n')
    expect(rows.filter((row) => row.startsWith('Anna de Vries;'))).toHaveLength(2)
    expect(rows.filter((row) => row.startsWith('Bram Jansen;'))).toHaveLength(2)
  })

  it('a change writes the calendars of the themes it touched only', () => {
    const files = [...timelineFiles(organisation, { site: SITE, base: '', theme: (slug) => slug === 'archief' })]
    expect(files.map((f) => f.path)).toEqual(['/agenda.ics', '/themes/archief.ics', '/data/agenda.csv'])
    const archive = unfolded(text(files, '/themes/archief.ics'))
    expect(archive.filter((line) => line.startsWith('SUMMARY:'))).toEqual([
      'SUMMARY:Overleg met de VNG\\, vervolg',
      'SUMMARY:Gesprek met het CBS\\, vervolg',
    ])
  })

  it('drops what XML forbids from a CSV cell before a formula is defused, so none survives', () => {
    const journal = new JournalBuilder('anna').withProfile({ name: 'Anna de Vries' })
    journal.entry({ title: '\uFFFF=HYPERLINK("https://evil.example")', start: '2015-03-10T09:00' })
    const csv = text(
      [...timelineFiles(buildPublicSnapshot(journal.items(), { now: NOW }), { site: SITE, base: '' })],
      '/data/agenda.csv',
    )
    expect(csv).not.toContain('\uFFFF')
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`)
  })
})
