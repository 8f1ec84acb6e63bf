import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type LocalApiServer } from '../../functions/local/api-server.js'
import { ensureOwnerToken } from '../../functions/local/owner-token.js'
import { startSitePreview, type SitePreview } from '../../functions/local/site-preview.js'
import type { Db } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/**
 * `npm start` wires the API's acknowledged writes to the site preview (functions/local/local-stack.ts):
 * a write through the API rebuilds the site without waiting for the watcher's look at the store.
 * Here the looks are ten minutes apart, so only the API's cue can start the rebuild. The builder
 * writes the snapshot's entry titles into index.html (Astro's part is tested in test/site/).
 */
const NEVER_MS = 600_000
let db: Db
let dir: string
let token: string
let preview: SitePreview
let api: LocalApiServer
const writes: string[] = []
let builds = 0

beforeAll(async () => {
  db = await testDb()
  await new JournalBuilder('anna').withProfile().saveTo(db)
  dir = mkdtempSync(join(tmpdir(), 'oaj-api-write-'))
  token = await ensureOwnerToken(db, 'anna', dir)
  preview = await startSitePreview({
    db,
    person: 'anna',
    port: 0,
    dataDir: dir,
    outDir: join(dir, 'dist'),
    pollMs: NEVER_MS,
    quietMs: NEVER_MS,
    log: () => {},
    buildSite: async (written, outDir) => {
      builds++
      const snapshot = JSON.parse(readFileSync(await written, 'utf8')) as { entries: { title: string }[] }
      mkdirSync(outDir, { recursive: true })
      writeFileSync(join(outDir, 'index.html'), snapshot.entries.map((e) => e.title).join('\n'))
    },
  })
  await preview.built
  api = await startApiServer({
    db,
    person: 'anna',
    dataDir: dir,
    port: 0,
    onWrite: () => {
      writes.push('write')
      preview.changed()
    },
  })
})

afterAll(async () => {
  await api?.stop()
  await preview?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const post = (authorization: string, title: string) =>
  fetch(`${api.url}/api/entries`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${authorization}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ start: '2015-03-16T10:00', title, kind: 'meeting', visibility: 'public' }),
  })

async function siteShows(title: string): Promise<boolean> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const page = await fetch(`${preview.url}/`)
    if ((await page.text()).includes(title)) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

describe('a write through the local API', () => {
  it('cues nothing when it reads or is refused', async () => {
    expect((await fetch(`${api.url}/api/entries`)).status).toBe(200)
    expect((await post('not-a-token-of-anyone', 'Geweigerd')).status).toBe(401)
    expect(writes).toEqual([])
  })

  it('rebuilds the site once acknowledged, without waiting for the look at the store', async () => {
    const response = await post(token, 'Overleg met de gemeente Utrecht')
    expect(response.status).toBe(201)
    expect(writes).toEqual(['write'])
    expect(await siteShows('Overleg met de gemeente Utrecht')).toBe(true)
    expect(builds).toBe(2)
  }, 90_000)
})
