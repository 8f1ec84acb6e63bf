import { resolve } from 'node:path'
import { generatePastDigests } from '../journal/index.js'
import { createDb, ensureTable, listServants, type Db } from '../store/index.js'
import { startApiServer } from './api-server.js'
import { isDemoOrganisationWanted, loadDemoOrganisation } from './demo-organisation.js'
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local.js'
import { ensureAdministratorToken, ensureOwnerToken } from './owner-token.js'
import { ensurePrivateDir } from './private-files.js'
import type { localSettings } from './settings.js'
import { startSitePreview, type SitePreview, type SitePreviewOptions } from './site-preview.js'

export type LocalSettings = ReturnType<typeof localSettings>

export interface LocalStackOptions {
  /** @default console.log */
  log?: (line: string) => void
  /** Keep DynamoDB Local's data under the data folder. @default true (false: in memory, for a bench) */
  persist?: boolean
  /** The built site. @default site/dist */
  siteOutDir?: string
  /** Told when a publish of the site ends (the bench's shares). */
  onPublished?: SitePreviewOptions['onPublished']
  /** Handed the stack's stop at once, so that Ctrl-C during the start-up stops what already runs. */
  stopWith?: (stop: () => Promise<void>) => void
}

export interface LocalStack {
  db: Db
  /** The default person's owner token. */
  token: string
  apiUrl: string
  siteUrl: string
  /** The first build of the site. */
  built: Promise<void>
  /** Stops the site, the API and DynamoDB Local (if this stack started it). */
  stop: () => Promise<void>
}

/**
 * `npm start`'s pieces in order: DynamoDB Local, the table, the tokens, the demo organisation on
 * first start, past digests, the API and the site preview. On a failure anything already started
 * is stopped before the error is passed on.
 */
export async function startLocalStack(settings: LocalSettings, options: LocalStackOptions = {}): Promise<LocalStack> {
  const { log = console.log, persist = true } = options
  let dynamo: RunningDynamoDb | undefined
  const stops: (() => Promise<void> | void)[] = []
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      for (const s of stops.reverse()) await s()
      await dynamo?.stop()
    })())
  options.stopWith?.(stop)
  try {
    // The journal's folder holds the private journal and the owner token: its owner's only.
    ensurePrivateDir(settings.dataDir)
    if (!settings.dynamoDbEndpoint) {
      if (persist) log(`Starting DynamoDB Local (data in ${settings.dynamoDbDir}) …`)
      const dataDir = persist ? settings.dynamoDbDir : undefined
      dynamo = await startDynamoDbLocal({ ...(dataDir && { dataDir }), port: settings.dynamoDbPort })
    }
    const db = createDb({ endpoint: settings.dynamoDbEndpoint ?? dynamo!.endpoint, table: settings.table })
    if (await ensureTable(db)) log(`Created table ${settings.table}.`)
    const token = await ensureOwnerToken(db, settings.person, settings.dataDir, settings.ownerToken)
    await ensureAdministratorToken(db, settings.dataDir, settings.administratorToken)
    const demoDir = resolve('content/demo')
    if (settings.demo && (await isDemoOrganisationWanted(db, demoDir, settings.person))) {
      for (const { name, person, entries, posts } of await loadDemoOrganisation(db, demoDir))
        log(`Loaded the demo journal of ${name} (${person}): ${entries} entries, ${posts} posts.`)
    }
    await generateDigestsForEveryone(db, settings.person, log)
    // A write acknowledged by the API (or the admin UI, or the CLI through it) cues the site's
    // rebuild at once; the site watcher's looks at the store find any other change.
    let site: SitePreview | undefined
    const onWrite = () => site?.changed()
    const api = await startApiServer({
      db,
      person: settings.person,
      dataDir: settings.dataDir,
      port: settings.apiPort,
      onWrite,
    })
    stops.push(api.stop)
    site = await startSitePreview({
      db,
      person: settings.person,
      port: settings.sitePort,
      dataDir: settings.dataDir,
      log,
      // A change shows in about half the time; the waiting build holds about 350 MB.
      standby: true,
      ...(options.siteOutDir && { outDir: options.siteOutDir }),
      ...(options.onPublished && { onPublished: options.onPublished }),
    })
    stops.push(site.stop)
    return { db, token, apiUrl: api.url, siteUrl: site.url, built: site.built, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** The weekly job's local stand-in: every servant's past weeks without a digest get one (idempotent). */
async function generateDigestsForEveryone(db: Db, defaultPerson: string, log: (line: string) => void): Promise<void> {
  const people = new Set([defaultPerson, ...(await listServants(db)).map((s) => s.person)])
  for (const person of people) {
    const digests = await generatePastDigests(db, person, new Date(), 'publish')
    const made = digests.filter((d) => d.outcome === 'created').length
    if (made > 0) log(`Generated ${made} weekly digests for ${person}.`)
  }
}
