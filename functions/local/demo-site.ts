import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { generatePastDigests } from '../journal/index.js'
import { buildSite, exportSnapshot } from '../publish/index.js'
import { createDb, ensureTable, type Db } from '../store/index.js'
import { loadDemoJournal } from './demo-journal.js'
import { startDynamoDbLocal } from './dynamodb-local.js'

/**
 * The demo journal's day: the first day after its last week, so the home page, the digests and
 * the annual report look as they did then, whenever the site is built.
 */
export const DEMO_NOW = new Date('2016-01-01T00:00:00Z')
/** The demo organisation's first servant: the site is still built for one journal. */
const DEMO_DIR = resolve(import.meta.dirname, '../../content/demo/demo')

export interface DemoSiteOptions {
  outDir: string
  /** @default DEMO_NOW */
  now?: Date
  /** @default http://localhost:4321 */
  siteUrl?: string
  cacheDir?: string
}

/**
 * Builds the demo site into `outDir` the way `npm start` shows it: the demo journal loaded into
 * `db` under `person` (which must be empty), every past week's digest published, the public
 * snapshot exported and the site built from it.
 */
export async function buildDemoSiteFrom(db: Db, person: string, options: DemoSiteOptions): Promise<void> {
  const now = options.now ?? DEMO_NOW
  await loadDemoJournal(db, person, DEMO_DIR)
  await generatePastDigests(db, person, now, 'publish')
  const work = mkdtempSync(join(tmpdir(), 'oaj-demo-'))
  try {
    const snapshotFile = join(work, 'public-snapshot.json')
    await exportSnapshot(db, person, snapshotFile, now)
    await buildSite({
      snapshotFile,
      outDir: options.outDir,
      siteUrl: options.siteUrl,
      cacheDir: options.cacheDir ?? join(work, 'cache'),
    })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The same, in a DynamoDB Local of its own that is started for it and removed after. */
export async function buildDemoSite(options: DemoSiteOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oaj-demo-db-'))
  const dynamo = await startDynamoDbLocal({ dataDir })
  try {
    const db = createDb({ endpoint: dynamo.endpoint, table: 'journal' })
    await ensureTable(db)
    await buildDemoSiteFrom(db, 'demo', options)
  } finally {
    await dynamo.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
