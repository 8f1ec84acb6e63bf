import { join, resolve } from 'node:path'
import { generatePastDigests } from '../journal/index.js'
import { createDb, ensureTable, listServants, type Db } from '../store/index.js'
import { startApiServer } from './api-server.js'
import { isDemoOrganisationWanted, loadDemoOrganisation } from './demo-organisation.js'
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local.js'
import { ensureAdministratorToken, ensureOwnerToken } from './owner-token.js'
import { ensurePrivateDir } from './private-files.js'
import { localSettings } from './settings.js'
import { startSitePreview } from './site-preview.js'

/**
 * `npm start`: DynamoDB Local (persisted under .journal/), the table, the demo organisation (three
 * servants, content/demo/) on first start, and the API on http://localhost:8787. Ctrl-C stops
 * everything; the data stays.
 */
async function main() {
  // Locally we run on Node 20 knowingly; the SDK's upgrade notice would bury the start-up lines.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const settings = localSettings()
  let dynamo: RunningDynamoDb | undefined
  const stops: (() => Promise<void> | void)[] = []
  const shutdown = async (code: number) => {
    for (const stop of stops.reverse()) await stop()
    await dynamo?.stop()
    process.exit(code)
  }
  process.once('SIGINT', () => void shutdown(0))
  process.once('SIGTERM', () => void shutdown(0))

  try {
    // The journal's folder holds the private journal and the owner token: its owner's only.
    ensurePrivateDir(settings.dataDir)
    if (!settings.dynamoDbEndpoint) {
      console.log(`Starting DynamoDB Local (data in ${settings.dynamoDbDir}) …`)
      dynamo = await startDynamoDbLocal({ dataDir: settings.dynamoDbDir, port: settings.dynamoDbPort })
    }
    const db = createDb({ endpoint: settings.dynamoDbEndpoint ?? dynamo!.endpoint, table: settings.table })
    if (await ensureTable(db)) console.log(`Created table ${settings.table}.`)
    const token = await ensureOwnerToken(db, settings.person, settings.dataDir, settings.ownerToken)
    await ensureAdministratorToken(db, settings.dataDir, settings.administratorToken)
    const demoDir = resolve('content/demo')
    if (settings.demo && (await isDemoOrganisationWanted(db, demoDir, settings.person))) {
      for (const { name, person, entries, posts } of await loadDemoOrganisation(db, demoDir))
        console.log(`Loaded the demo journal of ${name} (${person}): ${entries} entries, ${posts} posts.`)
    }
    await generateDigestsForEveryone(db, settings.person)
    const api = await startApiServer({ db, person: settings.person, dataDir: settings.dataDir, port: settings.apiPort })
    stops.push(api.stop)
    const site = await startSitePreview({
      db,
      person: settings.person,
      port: settings.sitePort,
      dataDir: settings.dataDir,
    })
    stops.push(site.stop)
    console.log(
      [
        '',
        'Open Agenda Journal is running:',
        `  Site         ${site.url}  (rebuilt a few seconds after the journal changes)`,
        `  API          http://localhost:${settings.apiPort}/api/entries`,
        `  API docs     http://localhost:${settings.apiPort}/api/openapi.json`,
        `  Admin        http://localhost:${settings.apiPort}/admin  (sign in with the owner token)`,
        `  Owner token  ${token}`,
        `  Organisation administrator token in ${join(settings.dataDir, 'administrator-token')}`,
        '',
        'Press Ctrl-C to stop (your journal is kept in .journal/).',
      ].join('\n'),
    )
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const message =
      e.code === 'EADDRINUSE'
        ? `Port ${settings.apiPort} is in use: stop what runs there or set JOURNAL_API_PORT to another port.`
        : e.message
    console.error(`\n${message}`)
    await shutdown(1)
  }
}

/** The weekly job's local stand-in: every servant's past weeks without a digest get one (idempotent). */
async function generateDigestsForEveryone(db: Db, defaultPerson: string): Promise<void> {
  const people = new Set([defaultPerson, ...(await listServants(db)).map((s) => s.person)])
  for (const person of people) {
    const digests = await generatePastDigests(db, person, new Date(), 'publish')
    const made = digests.filter((d) => d.outcome === 'created').length
    if (made > 0) console.log(`Generated ${made} weekly digests for ${person}.`)
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
