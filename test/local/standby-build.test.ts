import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newEntry, normalizeEntryInput } from '../../functions/core/model/index.js'
import { createSitePublisher } from '../../functions/local/site-publisher.js'
import { standbyRun, type SiteInputs } from '../../functions/publish/index.js'
import { newToken } from '../../functions/api/tokens.js'
import { addServant, createEntry, type Db } from '../../functions/store/index.js'
import { seedOrganisationWithAppointments } from '../infra/support/organisation.js'
import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/**
 * `npm start` keeps the next publish's build started and waiting, compiled, for the next change
 * (`SitePublisherOptions.standby`): the change then skips Astro's start and compile. The waiting
 * build must show the change like a fresh one, never block a whole build, and be gone when the
 * site stops.
 */
const NOW = new Date('2015-03-27T12:00:00Z')
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
let root: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oaj-standby-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const later = <T>(ms: number, value: T) => new Promise<T>((done) => setTimeout(() => done(value), ms))

async function addEntry(db: Db, person: string, title: string, start = '2015-03-17T09:00') {
  const content = normalizeEntryInput({ start, title, kind: 'meeting', visibility: 'public' }, AMSTERDAM_JOURNAL)
  await createEntry(db, newEntry(content, person, new Date()), { by: `tok-${person}` })
}

describe('a build started ahead of its inputs', () => {
  it('builds from the inputs it is handed later, its time counted from the hand-over', async () => {
    const run = standbyRun(async (inputs: Promise<string>) => ({
      built: await inputs,
      astroSeconds: 60,
      indexSeconds: 0,
    }))
    await later(50, null)
    const answer = (await run.use(Promise.resolve('snapshot.json'))) as { built: string; astroSeconds: number }
    expect(answer.built).toBe('snapshot.json')
    expect(answer.astroSeconds).toBeLessThan(1)
  })

  it('starts again with the inputs when its run ended while it waited', async () => {
    const calls: string[] = []
    let first = true
    const run = standbyRun(async (inputs: Promise<string>) => {
      if (first) {
        first = false
        throw new Error('killed while waiting')
      }
      calls.push(await inputs)
      return 'built'
    })
    await later(10, null)
    expect(await run.use(Promise.resolve('snapshot.json'))).toBe('built')
    expect(calls).toEqual(['snapshot.json'])
  })

  it('once cancelled, its run sees its inputs fail, and the cancel waits until the run has ended', async () => {
    const events: string[] = []
    const run = standbyRun(async (inputs: Promise<string>) => {
      await inputs.catch(async (error: Error) => {
        events.push(error.message)
        await later(100, null)
        events.push('ended')
      })
    })
    await run.cancel()
    expect(events).toEqual(['The standby build was not needed.', 'ended'])
  })
})

describe("an organisation's publisher with a build on standby", () => {
  let db: Db
  const events: string[] = []

  /** Stands in for Astro: tells when it started, what it was handed, and writes each part's titles. */
  async function recordingBuild({
    outDir,
    base,
    inputs,
  }: {
    outDir: string
    base: string
    inputs: Promise<SiteInputs>
  }) {
    const where = outDir.includes('.standby') ? 'standby' : 'fresh'
    events.push(`start ${where} ${base}`)
    const read = await inputs.catch((error: Error) => error)
    if (read instanceof Error) {
      events.push(`dropped ${where} ${base}`)
      await later(100, null) // like Astro's process, a dropped run takes a moment to end
      throw read
    }
    events.push(`handed ${where} ${base}`)
    for (const part of [{ base, snapshotFile: read.snapshotFile }, ...(read.sections ?? [])]) {
      const folder = part.base === base ? outDir : join(outDir, part.base)
      const { entries } = JSON.parse(readFileSync(part.snapshotFile, 'utf8')) as { entries: { title: string }[] }
      mkdirSync(folder, { recursive: true })
      writeFileSync(join(folder, 'index.html'), entries.map((e) => e.title).join('\n'))
    }
  }

  /** Anna and Bram, one appointment each. */
  async function organisationDb(): Promise<Db> {
    const made = await testDb()
    await seedOrganisationWithAppointments(made, ['anna', 'bram'])
    return made
  }

  /** A publisher of the organisation in `db`, its site and data under `root/<name>`, building with `recordingBuild`. */
  const publisherIn = (name: string, on: Db, standby: boolean) =>
    createSitePublisher({
      db: on,
      person: 'anna',
      dataDir: join(root, name, 'data'),
      outDir: join(root, name, 'site'),
      buildSection: recordingBuild,
      standby,
    })

  beforeAll(async () => {
    db = await organisationDb()
  })

  it("hands a change to the waiting build, and ends it before a new day's whole build", async () => {
    const outDir = join(root, 'organisation', 'site')
    const publisher = publisherIn('organisation', db, true)
    await publisher.publish(NOW)
    // The whole first build: each section, then the organisation's pages; then the next change's run waits.
    expect(events.filter((e) => e.startsWith('start'))).toEqual([
      'start fresh /anna',
      'start fresh /bram',
      'start fresh /',
      'start standby /',
    ])

    events.length = 0
    await addEntry(db, 'bram', 'Overleg op standby')
    const change = await publisher.publish(NOW)
    expect(events).toEqual(['handed standby /', 'start standby /'])
    expect(change.sections).toEqual(['bram'])
    expect(readFileSync(join(outDir, 'bram', 'index.html'), 'utf8')).toContain('Overleg op standby')
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('Overleg op standby')
    expect(readdirSync(join(root, 'organisation')).filter((name) => name.startsWith('site.'))).not.toContain(
      'site.next',
    )

    // A new day rebuilds every page: the waiting run holds the organisation's cache, so it ends first.
    events.length = 0
    await publisher.publish(new Date(NOW.getTime() + 86_400_000))
    expect(events.slice(0, 2)).toEqual(['dropped standby /', 'start fresh /anna'])
    expect(events.at(-1)).toBe('start standby /')

    // A hand-written page (or the site's code) edited since the waiting build compiled: a fresh one builds.
    const about = join(PROJECT_ROOT, 'content', 'pages', 'about.md')
    const { atime, mtime } = statSync(about)
    events.length = 0
    await addEntry(db, 'bram', 'Na een bewerkte pagina')
    utimesSync(about, atime, new Date())
    try {
      await publisher.publish(new Date(NOW.getTime() + 86_400_000))
    } finally {
      utimesSync(about, atime, mtime)
    }
    expect(events.slice(0, 3)).toEqual(['dropped standby /', 'start fresh /', 'handed fresh /'])

    events.length = 0
    await publisher.close()
    expect(events).toEqual(['dropped standby /'])
  })

  it('fails a publish whose export fails while the waiting build ends, leaving nothing unhandled', async () => {
    const unhandled: unknown[] = []
    const listen = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listen)
    const own = await organisationDb()
    const publisher = publisherIn('failing', own, true)
    try {
      await publisher.publish(NOW)
      // A servant the site cannot have a section for (a slug written by hand): a whole build, whose export fails.
      const at = '2015-01-01T08:00:00.000Z'
      const record = { person: 'agenda', name: 'Agenda', role: 'Adviseur', status: 'active' as const, version: 1 }
      await addServant(
        own,
        { ...record, createdAt: at, updatedAt: at },
        newToken('agenda', 'first', new Date(at)).token,
      )
      await expect(publisher.publish(NOW)).rejects.toThrow('cannot have a section')
      await later(300, null)
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', listen)
      await publisher.close()
    }
  })

  it("starts a change's build with the publish, before the store is read, also without a standby", async () => {
    const outDir = join(root, 'early', 'site')
    const publisher = publisherIn('early', db, false)
    await publisher.publish(NOW)
    events.length = 0
    await addEntry(db, 'anna', 'Vroeg gestart')
    const publishing = publisher.publish(NOW)
    // Nothing was awaited yet: no store read has happened.
    expect(events).toEqual(['start standby /'])
    await publishing
    expect(events).toEqual(['start standby /', 'handed standby /'])
    expect(readFileSync(join(outDir, 'anna', 'index.html'), 'utf8')).toContain('Vroeg gestart')

    // A new day is a whole build: nothing starts before the store says what to build.
    events.length = 0
    const nextDay = publisher.publish(new Date(NOW.getTime() + 86_400_000))
    expect(events).toEqual([])
    await nextDay
    expect(events.filter((e) => e.includes('standby'))).toEqual([])
  })
})

/** The processes whose environment names `outDir` as the site's output (Linux: /proc/<pid>/environ). */
function astroBuilding(outDir: string): string[] {
  const wanted = `JOURNAL_SITE_OUT_DIR=${outDir}\0`
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      const building = readFileSync(`/proc/${pid}/environ`, 'utf8').includes(wanted)
      return building && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro.js')
    } catch {
      return false // gone meanwhile, or not ours to read
    }
  })
}

describe("a journal's publisher with Astro on standby", () => {
  it('shows the next change through the Astro process that waited, and leaves none after close', async () => {
    const db = await testDb()
    const journal = new JournalBuilder('anna', 'tok-anna').withProfile({ name: 'Anna de Vries' })
    journal.entry({ start: '2015-03-16T10:00', title: 'Eerste afspraak' }, '2015-03-16T18:00:00Z')
    await journal.saveTo(db)
    const outDir = join(root, 'journal', 'site')
    const publisher = createSitePublisher({
      db,
      person: 'anna',
      dataDir: join(root, 'journal', 'data'),
      outDir,
      standby: true,
    })
    try {
      await publisher.publish(NOW)
      // Astro's process for the next publish was started with this publish's end, and waits. It is
      // spawned through `sh` (for its umask), which is Astro only once it has exec'd: a moment later.
      const standby = `${outDir}.standby`
      await vi.waitFor(() => expect(astroBuilding(standby)).toHaveLength(1), { timeout: 5_000 })
      const [waiting] = astroBuilding(standby)

      await addEntry(db, 'anna', 'Afspraak via de wachtende build')
      // No other Astro process builds this change (a fresh one would build beside the site, in `.next`).
      const fresh = new Set<string>()
      const looking = setInterval(() => {
        for (const pid of astroBuilding(`${outDir}.next`)) fresh.add(pid)
      }, 50)
      await publisher.publish(NOW).finally(() => clearInterval(looking))
      expect(fresh).toEqual(new Set())
      const week = readFileSync(join(outDir, 'agenda', '2015', 'w12', 'index.html'), 'utf8')
      expect(week).toContain('Afspraak via de wachtende build')
      expect(week).toContain('Eerste afspraak')
      // The process that waited built it; the next one waits in its place.
      await vi.waitFor(() => expect(existsSync(`/proc/${waiting}`)).toBe(false), { timeout: 5_000 })
      await vi.waitFor(() => expect(astroBuilding(standby)).toHaveLength(1), { timeout: 5_000 })
      // Its cache is in the journal's folder, where everything is its owner's only.
      const dataDir = join(root, 'journal', 'data')
      const modes = readdirSync(dataDir, { recursive: true, withFileTypes: true }).map((file) => {
        const path = join(file.parentPath, file.name)
        return `${(statSync(path).mode & 0o777).toString(8)} ${path.slice(dataDir.length)}`
      })
      expect(modes.filter((line) => line.includes('/cache/'))).not.toEqual([])
      expect(modes.filter((line) => !line.startsWith('600 ') && !line.startsWith('700 '))).toEqual([])
    } finally {
      await publisher.close()
    }
    expect(astroBuilding(`${outDir}.standby`)).toEqual([])
  }, 180_000)
})
