import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeEntryInput, newEntry } from '../../functions/core/model/index.js'
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamodb-local.js'
import { startSitePreview } from '../../functions/local/site-preview.js'
import { changeLogFingerprint } from '../../functions/publish/index.js'
import {
  createDb,
  createEntry,
  ensureTable,
  listChangePositions,
  listChangedSince,
  putProfile,
} from '../../functions/store/index.js'
import { TABLE, type Db } from '../../functions/store/index.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { testDb } from '../support/test-db.js'

const entry = (title: string, stampedAt = new Date()) =>
  newEntry(
    normalizeEntryInput({ start: '2015-03-20T09:00', title, kind: 'meeting', visibility: 'public' }, AMSTERDAM_JOURNAL),
    'watcher',
    stampedAt,
  )

/** The preview's log, and a promise for the next line that starts with `prefix`: tests wait on what happens. */
function watchedLog() {
  const waiting: { prefix: string; resolve: () => void }[] = []
  return {
    log: (line: string) => {
      for (const waiter of waiting.splice(0)) {
        if (line.startsWith(waiter.prefix)) waiter.resolve()
        else waiting.push(waiter)
      }
    },
    next: (prefix: string) => new Promise<void>((resolve) => waiting.push({ prefix, resolve })),
  }
}

/**
 * Kept when `db` has answered a query of the change log (GSI2) sent after this call: the watcher
 * has looked at the change log since (its other reads, the organisation and its servants, do not count).
 */
function nextChangeLogRead(db: Db): Promise<void> {
  const name = `nextQueryAnswered-${randomUUID()}`
  return new Promise((resolve) => {
    db.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args)
        if (
          context.commandName === 'QueryCommand' &&
          (args.input as { IndexName?: string }).IndexName === TABLE.gsi2.name
        ) {
          db.client.middlewareStack.remove(name)
          resolve()
        }
        return result
      },
      { step: 'initialize', name },
    )
  })
}

/** A stand-in for Astro: the site is the snapshot it was built from, at /data/journal.json as in the real site. */
async function snapshotSite(written: Promise<string>, outDir: string): Promise<void> {
  const snapshotFile = await written
  mkdirSync(join(outDir, 'data'), { recursive: true })
  copyFileSync(snapshotFile, join(outDir, 'data', 'journal.json'))
  writeFileSync(join(outDir, 'index.html'), '<h1>Open agenda</h1>')
}

describe('the local site watcher', () => {
  it('keeps the last site online while the database is down and catches up once it is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oaj-watcher-'))
    const port = await freePort()
    let dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'db'), port })
    const db = createDb({ endpoint: dynamo.endpoint, table: 'journal' })
    await ensureTable(db)
    await createEntry(db, entry('Eerste afspraak'), { by: 'test' })
    const { log, next } = watchedLog()
    const outDir = join(dir, 'dist')
    const options = { pollMs: 200, quietMs: 3_000, log, buildSite: snapshotSite }
    const preview = await startSitePreview({
      db,
      person: 'watcher',
      port: await freePort(),
      dataDir: dir,
      outDir,
      ...options,
    })
    try {
      await preview.built
      const site = () => readFileSync(join(outDir, 'data', 'journal.json'), 'utf8')
      expect(site()).toContain('Eerste afspraak')

      // A change the watcher has seen, then the database goes away before the quiet period ends:
      // that rebuild fails.
      await createEntry(db, entry('Tweede afspraak'), { by: 'test' })
      await nextChangeLogRead(db)
      const failed = next('Site build failed')
      await dynamo.stop()
      await failed
      expect(site()).toContain('Eerste afspraak') // the last site is still there
      expect(site()).not.toContain('Tweede afspraak')

      const rebuilt = next('Site rebuilt')
      dynamo = await startDynamoDbLocal({ dataDir: join(dir, 'db'), port })
      await rebuilt
      expect(site()).toContain('Tweede afspraak')
    } finally {
      await preview.stop()
      await dynamo.stop()
    }
  }, 240_000)

  it('publishes a change stamped before the newest change of the last export but committed after it', async () => {
    const db = await testDb()
    const dir = mkdtempSync(join(tmpdir(), 'oaj-watcher-late-'))
    await createEntry(db, entry('Eerste afspraak'), { by: 'test' })
    const { log, next } = watchedLog()
    const options = { pollMs: 200, quietMs: 300, log, buildSite: snapshotSite }
    const preview = await startSitePreview({
      db,
      person: 'watcher',
      port: await freePort(),
      dataDir: dir,
      outDir: join(dir, 'dist'),
      ...options,
    })
    const site = async () => (await fetch(`${preview.url}/data/journal.json`)).text()
    try {
      await preview.built
      expect(await site()).toContain('Eerste afspraak')
      // A write takes its timestamp before it commits: on a busy machine it can land after an
      // export that already saw a later-stamped change. No build runs now, so the next one has it.
      const rebuilt = next('Site rebuilt')
      await createEntry(db, entry('Later vastgelegd', new Date(Date.now() - 60_000)), { by: 'test' })
      await rebuilt
      expect(await site()).toContain('Later vastgelegd')
    } finally {
      await preview.stop()
    }
  }, 300_000)

  it('sees a profile saved twice in one millisecond as a change, in the log it reads and in the export', async () => {
    const db = await testDb()
    const profile = {
      person: 'watcher',
      name: 'Anna de Vries',
      role: 'CIO',
      organisation: 'Ministerie van Voorbeeldzaken',
      links: [],
      locale: 'nl' as const,
      timezone: 'Europe/Amsterdam',
      updatedAt: '2015-03-16T10:00:00.000Z',
      version: 1,
    }
    await putProfile(db, profile, 0)
    const exported = changeLogFingerprint((await listChangedSince(db, 'watcher')).map((item) => item.position))
    expect(changeLogFingerprint(await listChangePositions(db, 'watcher'))).toBe(exported)
    await putProfile(db, { ...profile, role: 'Directeur', version: 2 }, 1)
    expect(changeLogFingerprint(await listChangePositions(db, 'watcher'))).not.toBe(exported)
  })
})
