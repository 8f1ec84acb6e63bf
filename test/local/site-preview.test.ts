import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeEntryInput, newEntry } from '../../functions/core/model/index.js'
import { freePort } from '../../functions/local/dynamodb-local.js'
import { startSitePreview } from '../../functions/local/site-preview.js'
import { createEntry, type Db } from '../../functions/store/index.js'
import { canaryJournal } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/** `npm start` serves the site built from the store and rebuilds it when the journal changes. */
let db: Db
let dir: string
let preview: Awaited<ReturnType<typeof startSitePreview>>
const journal = canaryJournal()

beforeAll(async () => {
  db = await testDb()
  await journal.saveTo(db)
  dir = mkdtempSync(join(tmpdir(), 'oaj-preview-'))
  preview = await startSitePreview({
    db,
    person: journal.person,
    port: await freePort(),
    dataDir: dir,
    outDir: join(dir, 'dist'),
    pollMs: 200,
    quietMs: 300,
    log: () => {},
  })
  await preview.built
}, 180_000)

afterAll(async () => {
  await preview?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const get = (path: string) =>
  new Promise<{ status: number; body: string }>((ok, fail) => {
    request(`${preview.url}${path}`, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString()
      })
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
    })
      .once('error', fail)
      .end()
  })

describe('the local site', () => {
  it('serves the built site, with its own 404 page', async () => {
    expect((await get('/')).body).toContain('Open agenda van Anna de Vries')
    expect((await get('/agenda.ics')).body).toContain('BEGIN:VCALENDAR')
    const missing = await get('/nergens/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('Pagina niet gevonden')
  })

  it.each(['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json'])(
    'serves nothing outside the site: %s',
    async (path) => {
      const answer = await get(path)
      expect(answer.status).not.toBe(200)
      expect(answer.body).not.toContain('open-agenda-journal')
    },
  )

  it('rebuilds a few seconds after the journal changes', async () => {
    const entry = newEntry(
      normalizeEntryInput(
        { start: '2015-03-20T09:00', title: 'Nieuw in de agenda', kind: 'meeting', visibility: 'public' },
        AMSTERDAM_JOURNAL,
      ),
      journal.person,
      new Date(),
    )
    await createEntry(db, entry, { by: 'test' })
    const deadline = Date.now() + 90_000
    while (!(await get('/agenda.ics')).body.includes('Nieuw in de agenda')) {
      if (Date.now() > deadline) throw new Error('the site was not rebuilt within 90 s')
      await new Promise((r) => setTimeout(r, 500))
    }
    expect((await get(`/agenda/entry/${entry.id}/`)).status).toBe(200)
  }, 120_000)
})
