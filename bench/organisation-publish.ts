import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { newToken } from '../functions/api/tokens.js'
import type { Entry, StoredItem } from '../functions/core/model/index.js'
import { startDynamoDbLocal, type RunningDynamoDb } from '../functions/local/dynamodb-local.js'
import { createSitePublisher, type PublishResult, type SitePublisher } from '../functions/local/site-publisher.js'
import {
  addServant,
  createDb,
  createEntry,
  ensureTable,
  putOrganisation,
  putProfile,
  readAllStoredItems,
  updateEntry,
  writeStoredItems,
  type Db,
} from '../functions/store/index.js'
import { measured, noPeaks, type Peaks, peakWithParts, printRows, scratchDir, type Row } from './site-build.js'
import { syntheticEntries } from './synthetic-journal.js'

/**
 * Issue 14's figures for an organisation's site, through the real path `npm start` takes
 * (DynamoDB Local, the publisher, Astro and Pagefind): what publishing one change of one servant
 * costs in an organisation of 50 servants of 300 entries each against an organisation of one
 * (whose journal is the whole site), how the full build grows from 25 to 50 servants, and the
 * builds' peak memory. Each servant logs about one appointment a working day for 60 weeks; the
 * site is published as of the day after the last one.
 */
const SERVANTS = Number(process.env.BENCH_ORG_SERVANTS ?? 50)
const ENTRIES_EACH = 300
/**
 * Changes published per organisation, the two organisations taking turns (one change each, then
 * the next), so that both meet the same moments of a noisy machine; the median counts. Measured
 * one organisation after the other, the reference moved more between runs (6.9–8.6 s) than the
 * change did.
 */
const CHANGES = 5

/** An organisation published whole once, and the changes published since. */
interface OrganisationRun {
  servants: number
  publisher: SitePublisher
  journals: Map<string, Entry[]>
  db: Db
  now: Date
  dir: string
  fullSeconds: number
  fullPeak: Peaks
  changeSeconds: number[]
  /** Of each change: the part spent building (Astro and Pagefind), the rest reading and exporting. */
  changeBuildSeconds: number[]
  /** The highest of the changes'. */
  changePeak: Peaks
  lastChange?: PublishResult
}

const personOf = (i: number) => `servant-${String(i).padStart(2, '0')}`

/**
 * An organisation of `servants`, each with a profile and 300 entries. The first servant's journal
 * is written through the store as the API writes it; the others are copies of its stored items
 * under their own slug (written 25 at a time: 15,000 entries one by one take DynamoDB Local minutes).
 */
export async function seedOrganisation(db: Db, servants: number): Promise<Map<string, Entry[]>> {
  const at = '2010-01-01T08:00:00.000Z'
  await putOrganisation(db, { name: 'Ministerie van Voorbeeldzaken', updatedAt: at, version: 1 }, 0)
  const journals = new Map<string, Entry[]>()
  let template: string | undefined
  for (let i = 0; i < servants; i++) {
    const person = personOf(i)
    const name = `Medewerker ${i + 1}`
    const record = { person, name, role: 'Adviseur', status: 'active' as const, createdAt: at, updatedAt: at }
    await addServant(db, { ...record, version: 1 }, newToken(person, 'first token', new Date(at)).token)
    const entries = syntheticEntries(ENTRIES_EACH, person, 1)
    journals.set(person, entries)
    if (template) {
      await writeStoredItems(db, JSON.parse(template.replaceAll(personOf(0), person)) as StoredItem[])
      continue
    }
    const profile = { person, name, role: 'Adviseur', organisation: 'Ministerie van Voorbeeldzaken', links: [] }
    const settings = { locale: 'nl' as const, timezone: 'Europe/Amsterdam', updatedAt: at, version: 1 }
    await putProfile(db, { ...profile, ...settings }, 0)
    for (let k = 0; k < entries.length; k += 16)
      await Promise.all(entries.slice(k, k + 16).map((entry) => createEntry(db, entry, { by: 'bench' })))
    // Every copy has the same name length (`servant-NN`), so the template's text is all that changes.
    const journalItems = (await readAllStoredItems(db, person)).filter(
      (item) => !String(item.pk?.S).startsWith('TOKEN#'),
    )
    template = JSON.stringify(journalItems)
  }
  return journals
}

/** Seeds an organisation of `servants` and publishes it whole (a cold build, as after `npm start`). */
async function publishedOrganisation(dynamo: RunningDynamoDb, servants: number): Promise<OrganisationRun> {
  const db = createDb({ endpoint: dynamo.endpoint, table: `bench-organisation-${servants}` })
  await ensureTable(db)
  const journals = await seedOrganisation(db, servants)
  const lastStart = Math.max(...[...journals.values()].map((e) => Date.parse(e.at(-1)!.start)))
  const now = new Date(lastStart + 86_400_000)
  const dir = mkdtempSync(join(scratchDir(), 'organisation-'))
  // No build on standby (`npm start` keeps one): each change pays its whole build, start and compile included.
  const publisher = createSitePublisher({ db, person: personOf(0), dataDir: dir, outDir: join(dir, 'site') })
  const full = await measured(() => publisher.publish(now), [dynamo.pid])
  return {
    servants,
    publisher,
    journals,
    db,
    now,
    dir,
    fullSeconds: full.seconds,
    fullPeak: full.peaks,
    changeSeconds: [],
    changeBuildSeconds: [],
    changePeak: noPeaks(),
  }
}

/** Change `k`: one servant retitles a public appointment of their last weeks; the next is another servant's. */
async function publishChange(run: OrganisationRun, k: number, dynamo: RunningDynamoDb): Promise<void> {
  const entries = run.journals.get(personOf(k % run.servants))!.filter((e) => e.visibility === 'public')
  const before = entries[entries.length - 1 - k]!
  const after = { ...before, title: `${before.title} (bijgewerkt ${k})`, version: before.version + 1 }
  await updateEntry(run.db, before, after, { by: 'bench' })
  const change = await measured(async () => {
    run.lastChange = await run.publisher.publish(run.now)
  }, [dynamo.pid])
  run.changeSeconds.push(change.seconds)
  run.changeBuildSeconds.push(run.lastChange!.buildSeconds)
  if (change.peaks.total > run.changePeak.total) run.changePeak = change.peaks
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function organisationRows(): Promise<Row[]> {
  const dynamo = await startDynamoDbLocal()
  const runs: OrganisationRun[] = []
  try {
    const alone = await publishedOrganisation(dynamo, 1)
    runs.push(alone)
    const half = await publishedOrganisation(dynamo, Math.ceil(SERVANTS / 2))
    rmSync(half.dir, { recursive: true, force: true })
    const whole = await publishedOrganisation(dynamo, SERVANTS)
    runs.push(whole)
    for (let k = 0; k < CHANGES; k++) {
      await publishChange(alone, k, dynamo)
      await publishChange(whole, k, dynamo)
    }
    const [aloneChange, wholeChange] = [median(alone.changeSeconds), median(whole.changeSeconds)]
    const pages = whole.lastChange?.pages
    const touched = pages && pages !== 'all' ? Object.values(pages.rebuild).flat().length : 'all'
    const peaks = [
      [`full build of ${SERVANTS}`, whole.fullPeak],
      [`full build of ${half.servants}`, half.fullPeak],
      ['a change', whole.changePeak],
    ] as const
    const [highest, highestPeak] = peaks.reduce((a, b) => (b[1].total > a[1].total ? b : a))
    const peak = highestPeak.total
    const mb = (value: number) => value.toFixed(0)
    const building = (run: OrganisationRun) => `building ${median(run.changeBuildSeconds).toFixed(1)} s`
    return [
      {
        figure: `publish one change, organisation of ${SERVANTS} × ${ENTRIES_EACH} entries`,
        measured:
          `${wholeChange.toFixed(1)} s (median of ${CHANGES}, ${building(whole)}; ` +
          `a section + ${touched} agenda pages)`,
        reference: `${aloneChange.toFixed(1)} s (${building(alone)}), organisation of one`,
        ratio: wholeChange / aloneChange,
        target: '≤ 1.3×',
        ok: wholeChange / aloneChange <= 1.3,
      },
      {
        figure: `full build, ${SERVANTS} servants`,
        measured: `${whole.fullSeconds.toFixed(1)} s`,
        reference: `${half.fullSeconds.toFixed(1)} s for ${half.servants}`,
        ratio: whole.fullSeconds / half.fullSeconds,
        target: `≤ ${((2.2 * SERVANTS) / 2 / half.servants).toFixed(1)}× (linear)`,
        ok: whole.fullSeconds / half.fullSeconds <= (2.2 * SERVANTS) / 2 / half.servants,
      },
      {
        figure: `site builds' peak memory, organisation of ${SERVANTS}`,
        measured:
          `${peaks.map(([what, { total }]) => `${what} ${mb(total)} MB`).join(', ')}; ` +
          `the highest, ${highest}: ${peakWithParts(highestPeak)}`,
        reference: `${mb(alone.fullPeak.total)} MB, organisation of one`,
        ratio: peak / alone.fullPeak.total,
        target: '≤ 1 GB',
        ok: peak <= 1024,
      },
    ]
  } finally {
    for (const run of runs) rmSync(run.dir, { recursive: true, force: true })
    await dynamo.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(await organisationRows())
