import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeEntryInput } from '../../functions/core/entry.js'
import { newEntry } from '../../functions/core/journal-items.js'
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamodb-local.js'
import { startSitePreview } from '../../functions/local/site-preview.js'
import { createDb, createEntry, ensureTable } from '../../functions/store/index.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const entry = (title: string) => newEntry(normalizeEntryInput({ start: '2015-03-20T09:00', title, kind: 'meeting', visibility: 'public' }, AMSTERDAM_JOURNAL), 'watcher', new Date())

describe('the local site watcher', () => {
  it('keeps the last site online while the database is down and catches up once it is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oaj-watcher-'))
    const port = await freePort()
    let dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'db'), port })
    const db = createDb({ endpoint: dynamo.endpoint, table: 'journal' })
    await ensureTable(db)
    await createEntry(db, entry('Eerste afspraak'), { by: 'test' })
    const logs: string[] = []
    const outDir = join(dir, 'dist')
    const preview = await startSitePreview({ db, person: 'watcher', port: await freePort(), dataDir: dir, outDir, pollMs: 200, quietMs: 1_500, log: (line) => logs.push(line) })
    try {
      await preview.built
      const ics = () => readFileSync(join(outDir, 'agenda.ics'), 'utf8')
      expect(ics()).toContain('Eerste afspraak')

      // A change, then the database goes away before the quiet period ends: that rebuild fails.
      await createEntry(db, entry('Tweede afspraak'), { by: 'test' })
      await sleep(400)
      await dynamo.stop()
      const deadline = Date.now() + 60_000
      while (!logs.some((l) => l.startsWith('Site build failed')) && Date.now() < deadline) await sleep(200)
      expect(logs.some((l) => l.startsWith('Site build failed'))).toBe(true)
      expect(ics()).toContain('Eerste afspraak') // the last site is still there

      dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'db'), port })
      while (!ics().includes('Tweede afspraak') && Date.now() < deadline + 60_000) await sleep(300)
      expect(ics()).toContain('Tweede afspraak')
    } finally {
      await preview.stop()
      await dynamo.stop()
    }
  }, 240_000)
})
