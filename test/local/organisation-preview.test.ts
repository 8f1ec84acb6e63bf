import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import type { AgendaPageKeys } from '../../functions/core/publishing/index.js'
import { normalizeEntryInput, newEntry, type Servant } from '../../functions/core/model/index.js'
import { freePort } from '../../functions/local/dynamodb-local.js'
import { startSitePreview } from '../../functions/local/site-preview.js'
import { addServant, createEntry, putOrganisation, type Db } from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/**
 * `npm start` for an organisation: the first build makes every section and the organisation's
 * pages; a change to one servant's journal rebuilds that section and the organisation's pages,
 * and leaves the other sections alone. The builder here writes each snapshot's entry titles into
 * the section's index.html (Astro's part is tested in test/site/organisation-site.test.ts).
 */
let db: Db
let dir: string
let preview: Awaited<ReturnType<typeof startSitePreview>>
const built: string[] = []
/** The agenda pages each build of the organisation's pages was asked for (undefined: all). */
const organisationPages: (AgendaPageKeys | undefined)[] = []

async function servant(person: string, name: string) {
  const at = '2015-01-01T08:00:00.000Z'
  const record: Servant = { person, name, role: 'Adviseur', status: 'active', createdAt: at, updatedAt: at, version: 1 }
  await addServant(db, record, newToken(person, 'first token', new Date(at)).token)
  const journal = new JournalBuilder(person, `tok-${person}`).withProfile({ name })
  journal.entry({ start: '2015-03-16T10:00', title: `Eerste afspraak van ${name}` }, '2015-03-16T18:00:00Z')
  await journal.saveTo(db)
}

beforeAll(async () => {
  db = await testDb()
  await servant('anna', 'Anna de Vries')
  await servant('bram', 'Bram Visser')
  await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: '2015-01-01T08:00:00Z', version: 1 }, 0)
  dir = mkdtempSync(join(tmpdir(), 'oaj-organisation-preview-'))
  preview = await startSitePreview({
    db,
    person: 'anna',
    port: await freePort(),
    dataDir: dir,
    outDir: join(dir, 'dist'),
    pollMs: 100,
    quietMs: 200,
    log: () => {},
    // Writes each part's titles; sections built with the organisation's pages go in their folders.
    buildSection: async ({ outDir, base, inputs }) => {
      const { snapshotFile, pages, sections = [] } = await inputs
      if (base === '/') organisationPages.push(pages)
      for (const part of [{ snapshotFile, base }, ...sections]) {
        built.push(part.base)
        const snapshot = JSON.parse(readFileSync(part.snapshotFile, 'utf8')) as { entries: { title: string }[] }
        const folder = part.base === base ? outDir : join(outDir, part.base)
        mkdirSync(folder, { recursive: true })
        writeFileSync(join(folder, 'index.html'), snapshot.entries.map((e) => e.title).join('\n'))
      }
    },
  })
  await preview.built
}, 120_000)

afterAll(async () => {
  await preview?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const page = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8')

describe('the local site of an organisation', () => {
  it("builds every servant's section, then the organisation's pages", () => {
    expect(built.sort()).toEqual(['/', '/anna', '/bram'])
    expect(organisationPages).toEqual([undefined])
    expect(page('anna/index.html')).toBe('Eerste afspraak van Anna de Vries')
    expect(page('index.html').split('\n').sort()).toEqual([
      'Eerste afspraak van Anna de Vries',
      'Eerste afspraak van Bram Visser',
    ])
  })

  it("keeps the servants' snapshots to the journal's owner, like everything in .journal", () => {
    const modes = [
      'organisation',
      'organisation/people',
      'organisation/people/anna.json',
      'organisation/organisation.json',
    ]
    expect(modes.map((path) => (statSync(join(dir, path)).mode & 0o777).toString(8))).toEqual([
      '700',
      '700',
      '600',
      '600',
    ])
  })

  it("rebuilds only the changed servant's section and the organisation's pages of that week", async () => {
    built.length = 0
    organisationPages.length = 0
    const content = normalizeEntryInput(
      { start: '2015-03-17T09:00', title: 'Tweede afspraak van Bram', kind: 'meeting', visibility: 'public' },
      AMSTERDAM_JOURNAL,
    )
    await createEntry(db, newEntry(content, 'bram', new Date()), { by: 'tok-bram' })
    await vi.waitFor(() => expect(page('index.html')).toContain('Tweede afspraak van Bram'), {
      timeout: 30_000,
      interval: 100,
    })
    expect(built.sort()).toEqual(['/', '/bram'])
    // Both servants' first entries are in week 12 of 2015 too: no other agenda page is touched.
    expect(organisationPages).toEqual([
      { weeks: ['2015-W12'], months: ['2015-03'], years: ['2015'], themes: [], organisations: [] },
    ])
    expect(page('bram/index.html')).toContain('Tweede afspraak van Bram')
  })

  it("rebuilds a servant's section when an embargo in it ends, not only the organisation's pages", async () => {
    const publishAfter = new Date(Date.now() + 3_000).toISOString()
    const content = normalizeEntryInput(
      {
        start: '2015-03-18T09:00',
        title: 'Afspraak onder embargo',
        kind: 'meeting',
        visibility: 'public',
        publishAfter,
      },
      AMSTERDAM_JOURNAL,
    )
    await createEntry(db, newEntry(content, 'bram', new Date()), { by: 'tok-bram' })
    await vi.waitFor(() => expect(page('index.html')).toContain('Afspraak onder embargo'), {
      timeout: 30_000,
      interval: 100,
    })
    expect(page('bram/index.html')).toContain('Afspraak onder embargo')
  })
})
