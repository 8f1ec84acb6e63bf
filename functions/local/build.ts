import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildOrganisationSite, buildSite, exportOrganisation, exportSnapshot, siteLayout } from '../publish/index.js'
import { createDb, ensureTable } from '../store/index.js'
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local.js'
import { localSettings } from './settings.js'

/** A DynamoDB Local that `npm start` runs on the same data directory right now, if any. */
function runningLocalDynamoDb(dynamoDbDir: string, port: number): string | undefined {
  const pidFile = join(dynamoDbDir, 'dynamodb-local.pid')
  if (!existsSync(pidFile)) return undefined
  try {
    const cmdline = readFileSync(`/proc/${Number(readFileSync(pidFile, 'utf8'))}/cmdline`, 'utf8')
    return cmdline.includes('DynamoDBLocal') ? `http://127.0.0.1:${port}` : undefined
  } catch {
    return undefined
  }
}

/**
 * `npm run build`: export the public snapshot of `JOURNAL_PERSON` (default `demo`), or of every
 * servant and the organisation when it has two or more (see `siteLayout`), from the journal's
 * DynamoDB — `JOURNAL_DYNAMODB_ENDPOINT`, the one `npm start` is running, or else an embedded
 * DynamoDB Local on `.journal/dynamodb` — and build the site into `site/dist/`.
 * With `JOURNAL_SNAPSHOT` set, the site is built from that snapshot file and the store is not read
 * (a servant's section under the path `JOURNAL_SITE_BASE`, as the publish build in AWS does).
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const verbose = process.env.JOURNAL_BUILD_VERBOSE === '1'
  if (process.env.JOURNAL_SNAPSHOT) {
    // A servant's section of an organisation's site is served under /<person> (JOURNAL_SITE_BASE).
    const base = process.env.JOURNAL_SITE_BASE || undefined
    const { outDir } = await buildSite({ snapshotFile: process.env.JOURNAL_SNAPSHOT, verbose, ...(base && { base }) })
    console.log(`Built the site from ${process.env.JOURNAL_SNAPSHOT} → ${outDir}`)
    return
  }
  const settings = localSettings()
  let dynamo: RunningDynamoDb | undefined
  try {
    const endpoint =
      settings.dynamoDbEndpoint ??
      runningLocalDynamoDb(settings.dynamoDbDir, settings.dynamoDbPort) ??
      (dynamo = await startDynamoDbLocal({ dataDir: settings.dynamoDbDir })).endpoint
    const db = createDb({ endpoint, table: settings.table })
    await ensureTable(db)
    const layout = await siteLayout(db, settings.person)
    if (layout.kind === 'organisation') {
      const exported = await exportOrganisation(db, layout, join(settings.dataDir, 'organisation'))
      console.log(`Exported the public snapshots of ${layout.people.length} servants: ${exported.entries} entries`)
      await dynamo?.stop()
      dynamo = undefined
      const started = Date.now()
      await buildOrganisationSite(exported, { outDir: resolve('site/dist') })
      console.log(`Built the organisation's site in ${((Date.now() - started) / 1000).toFixed(1)} s → site/dist`)
      return
    }
    const snapshotFile = join(settings.dataDir, 'public-snapshot.json')
    const { snapshot } = await exportSnapshot(db, layout.person, snapshotFile)
    console.log(
      `Exported the public snapshot of "${layout.person}": ${snapshot.entries.length} entries, ` +
        `${snapshot.posts.length} posts, ${snapshot.digests.length} digests → ${snapshotFile}`,
    )
    await dynamo?.stop()
    dynamo = undefined
    const started = Date.now()
    const { outDir } = await buildSite({ snapshotFile, verbose })
    console.log(`Built the site in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`)
  } finally {
    await dynamo?.stop()
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
