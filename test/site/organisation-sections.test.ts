import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import type { Servant } from '../../functions/core/model/index.js'
import { buildOrganisationSite, exportOrganisation, siteLayout } from '../../functions/publish/index.js'
import { addServant, type Db } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'

/**
 * A servant's slug becomes a folder of the site. The API and the admin only store slugs that
 * `personSlug` allows, but the build reads whatever the store holds (an item written by hand, a
 * slug reserved since it was stored): one that is no section's name must not reach the disk.
 */
let root: string
afterEach(() => rmSync(root, { recursive: true, force: true }))

async function servant(db: Db, person: string) {
  const at = '2015-01-01T08:00:00.000Z'
  const record: Servant = {
    person,
    name: person,
    role: 'Adviseur',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await addServant(db, record, newToken(person, 'first token', new Date(at)).token)
}

async function build(db: Db) {
  const layout = await siteLayout(db, 'anna')
  if (layout.kind !== 'organisation') throw new Error(`expected an organisation's layout, got ${layout.kind}`)
  const exported = await exportOrganisation(db, layout, join(root, 'snapshots'), new Date('2016-01-01T00:00:00Z'))
  await buildOrganisationSite(exported, {
    outDir: join(root, 'site', 'dist'),
    build: async ({ outDir }) => {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(join(outDir, 'index.html'), 'built')
    },
  })
}

describe("an organisation's site, from the servants the store holds", () => {
  it("builds a section for each slug the API accepts, beside the organisation's pages", async () => {
    root = mkdtempSync(join(tmpdir(), 'oaj-organisation-sections-'))
    const db = await testDb()
    await servant(db, 'anna')
    await servant(db, 'b-bakker')
    await build(db)
    expect(readdirSync(join(root, 'site', 'dist')).sort()).toEqual(['anna', 'b-bakker', 'index.html'])
  })

  it.each(['..', '../escape', 'agenda', 'Anna'])(
    'refuses to build a section for the stored slug "%s", naming it, before writing anything',
    async (slug) => {
      root = mkdtempSync(join(tmpdir(), 'oaj-organisation-sections-'))
      const db = await testDb()
      await servant(db, 'anna')
      await servant(db, slug)
      await expect(build(db)).rejects.toThrow(`"${slug}"`)
      expect(readdirSync(root)).toEqual([])
    },
  )
})

describe("the deployment's own journal on the site", () => {
  it('is one of the journals once it holds anything, servant record or not, named by its profile', async () => {
    root = mkdtempSync(join(tmpdir(), 'oaj-organisation-sections-'))
    const db = await testDb()
    await servant(db, 'b-bakker')
    // The owner token's journal (JOURNAL_PERSON) with nothing in it: one servant, so one journal at the root.
    expect(await siteLayout(db, 'demo')).toEqual({ kind: 'journal', person: 'b-bakker' })
    await new JournalBuilder('demo', 'tok-demo').withProfile({ name: 'Wouter Lindeveld', role: 'Adviseur' }).saveTo(db)
    const layout = await siteLayout(db, 'demo')
    expect(layout).toMatchObject({ kind: 'organisation', people: ['b-bakker', 'demo'] })
    if (layout.kind !== 'organisation') return
    const exported = await exportOrganisation(db, layout, join(root, 'snapshots'), new Date('2016-01-01T00:00:00Z'))
    const snapshot = JSON.parse(readFileSync(exported.organisationFile, 'utf8')) as { servants: unknown[] }
    expect(snapshot.servants).toContainEqual({
      person: 'demo',
      name: 'Wouter Lindeveld',
      role: 'Adviseur',
      organisation: 'Ministerie van Voorbeeldzaken',
      status: 'active',
    })
  })
})
