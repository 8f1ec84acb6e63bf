import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildOrganisationChange,
  buildOrganisationSite,
  buildSite,
  exportOrganisation,
  freshStaging,
  siteLayout,
  type ExportedOrganisation,
  type SiteInputs,
} from '../../functions/publish/index.js'
import { seedOrganisationWithAppointments } from '../infra/support/organisation.js'
import { testDb } from '../support/test-db.js'

/**
 * A change's build starts before its export is done (Astro's start and compile overlap it). What
 * the export then says decides: a failed export must leave the live site as it was, and a change
 * that moved every page must still put every page online.
 */
let root: string
let exported: ExportedOrganisation
const NO_PAGES = { weeks: [], months: [], years: [], themes: [], organisations: [] }

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oaj-organisation-change-'))
  const db = await testDb()
  await seedOrganisationWithAppointments(db, ['anna', 'bram'])
  const layout = await siteLayout(db, 'anna')
  if (layout.kind !== 'organisation') throw new Error(`expected an organisation's layout, got ${layout.kind}`)
  exported = await exportOrganisation(db, layout, join(root, 'snapshots'), new Date('2015-03-27T12:00:00Z'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A builder that writes, in each part's folder, which build made it; it tells what it was asked. */
function recordingBuilder(label: string) {
  const started: string[] = []
  const asked: { base: string; inputs: SiteInputs | Error }[] = []
  const build = async ({ outDir, base, inputs }: { outDir: string; base: string; inputs: Promise<SiteInputs> }) => {
    started.push(base)
    const read = await inputs.catch((error: Error) => error)
    asked.push({ base, inputs: read })
    if (read instanceof Error) throw read
    for (const folder of [outDir, ...(read.sections ?? []).map((s) => join(outDir, s.base))]) {
      mkdirSync(folder, { recursive: true })
      writeFileSync(join(folder, 'index.html'), label)
    }
  }
  return { started, asked, build }
}

/** The processes whose environment names `outDir` as the site's output (Linux: /proc/<pid>/environ). */
function processesBuilding(outDir: string): string[] {
  const wanted = `JOURNAL_SITE_OUT_DIR=${outDir}\0`
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(wanted)
    } catch {
      return false // gone meanwhile, or not ours to read
    }
  })
}

const commandOf = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return ''
  }
}

async function liveSite(name: string): Promise<string> {
  const outDir = join(root, name)
  await buildOrganisationSite(exported, { outDir, build: recordingBuilder('first build').build })
  return outDir
}

describe("a change's build, started before its export is done", () => {
  it("stops when the export fails, fails with the export's error and leaves the live site as it was", async () => {
    const outDir = await liveSite('failed-export')
    const { asked, build } = recordingBuilder('change')
    const change = Promise.reject(new Error('DynamoDB went away'))
    await expect(buildOrganisationChange(change, { outDir, sections: ['bram'], build })).rejects.toThrow(
      'DynamoDB went away',
    )
    expect(asked).toEqual([{ base: '/', inputs: new Error('DynamoDB went away') }])
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('first build')
    expect(readFileSync(join(outDir, 'bram', 'index.html'), 'utf8')).toBe('first build')
  })

  it("builds the changed sections and the organisation's pages in one run once the export is done", async () => {
    const outDir = await liveSite('change')
    const { started, asked, build } = recordingBuilder('change')
    let exportDone!: () => void
    const change = new Promise<void>((done) => {
      exportDone = done
    }).then(() => ({ exported, pages: { rebuild: NO_PAGES, gone: NO_PAGES } }))
    const building = buildOrganisationChange(change, { outDir, sections: ['bram'], build })
    await new Promise((r) => setTimeout(r, 50))
    // The run was started; its inputs are not there yet.
    expect(started).toEqual(['/'])
    expect(asked).toEqual([])
    exportDone()
    const { sections, parts } = await building
    expect(sections).toEqual(['bram'])
    expect(parts.map((p) => ({ part: p.part, withSections: p.withSections }))).toEqual([
      { part: '@organisation', withSections: ['bram'] },
    ])
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('change')
    expect(readFileSync(join(outDir, 'bram', 'index.html'), 'utf8')).toBe('change')
    expect(readFileSync(join(outDir, 'anna', 'index.html'), 'utf8')).toBe('first build')
    // Bram's old section went out of the served site, not beside his new one.
    expect(readdirSync(outDir).sort()).toEqual(['anna', 'bram', 'index.html'])
  })

  it("stops the run and builds all the organisation's pages when the change moved every one", async () => {
    const outDir = await liveSite('moved')
    const { asked, build } = recordingBuilder('all pages')
    const { parts } = await buildOrganisationChange(Promise.resolve({ exported }), {
      outDir,
      sections: ['bram'],
      build,
    })
    // The started run read no inputs; then the changed section and all the organisation's pages, each alone.
    expect(asked.map((a) => [a.base, a.inputs instanceof Error])).toEqual([
      ['/', true],
      ['/bram', false],
      ['/', false],
    ])
    expect(parts.map((p) => p.part)).toEqual(['bram', '@organisation'])
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('all pages')
    expect(readFileSync(join(outDir, 'bram', 'index.html'), 'utf8')).toBe('all pages')
    expect(readFileSync(join(outDir, 'anna', 'index.html'), 'utf8')).toBe('first build')
  })

  it('ends the Astro process it started when the export fails, and writes nothing', async () => {
    const outDir = join(root, 'never-built')
    const exportFailed = new Promise<SiteInputs>((_, fail) => setTimeout(() => fail(new Error('export failed')), 1_000))
    const outcome = buildSite({ outDir, inputs: exportFailed }).catch((error: Error) => error)
    await new Promise((r) => setTimeout(r, 500))
    // Astro started before the export was done.
    expect(processesBuilding(outDir)).not.toEqual([])
    expect(await outcome).toEqual(new Error('export failed'))
    expect(existsSync(outDir)).toBe(false)
    // Astro's process was gone before the build failed; its helpers (esbuild) end a moment later.
    expect(processesBuilding(outDir).filter((pid) => commandOf(pid).includes('astro.js'))).toEqual([])
    await vi.waitFor(() => expect(processesBuilding(outDir)).toEqual([]), { timeout: 5_000 })
  })

  it('builds nothing more once stopped (Ctrl-C) while the change was exported', async () => {
    const outDir = await liveSite('stopped')
    const { started, build } = recordingBuilder('after the stop')
    const stop = new AbortController()
    const change = new Promise<{ exported: ExportedOrganisation }>((done) => setTimeout(() => done({ exported }), 50))
    stop.abort()
    await expect(
      buildOrganisationChange(change, { outDir, sections: ['bram'], build, signal: stop.signal }),
    ).rejects.toThrow()
    expect(started).toEqual(['/'])
    expect(readFileSync(join(outDir, 'bram', 'index.html'), 'utf8')).toBe('first build')
  })

  it('clears what the removals of an ended process left beside the site', async () => {
    const outDir = join(root, 'swept', 'site')
    const left = `${outDir}.next.old.removing-1a2b3c4d`
    mkdirSync(join(left, 'agenda'), { recursive: true })
    writeFileSync(join(left, 'agenda', 'index.html'), 'old pages')
    const staging = freshStaging(outDir)
    expect(existsSync(staging)).toBe(false)
    await vi.waitFor(() => expect(readdirSync(join(root, 'swept'))).toEqual(['site']))
  })
})
