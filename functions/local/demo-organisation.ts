import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  organisationInputSchema,
  parseWith,
  servantCreateSchema,
  type Organisation,
  type OrganisationInput,
  type Servant,
} from '../core/model/index.js'
import { getOrganisation, getServant, putOrganisation, updateServant, type Db } from '../store/index.js'
import { isJournalEmpty, readDemoJournal, writeDemoJournal, type DemoJournal } from './demo-journal.js'

/** What was loaded for one demo servant. */
export interface LoadedServant {
  person: string
  name: string
  entries: number
  posts: number
}

interface DemoOrganisation {
  organisation: OrganisationInput
  servants: { servant: Omit<Servant, 'createdAt' | 'updatedAt' | 'version'>; journal: DemoJournal }[]
}

/**
 * The demo organisation's servants: every folder of `dir` holding a profile.json, the folder's
 * name being the servant's slug (`content/demo/demo/` is the servant `demo`).
 */
export function demoServantSlugs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((item) => item.isDirectory() && existsSync(join(dir, item.name, 'profile.json')))
    .map((item) => item.name)
    .sort()
}

/** Reads and validates the whole demo organisation; throws naming the first bad file. */
function readDemoOrganisation(dir: string): DemoOrganisation {
  const raw = JSON.parse(readFileSync(join(dir, 'organisation.json'), 'utf8'))
  const organisation = parseWith(organisationInputSchema, raw)
  const servants = demoServantSlugs(dir).map((person) => {
    const journal = readDemoJournal(person, join(dir, person))
    const { name, role } = journal.profile
    const input = parseWith(servantCreateSchema, { person, name, role })
    return { servant: { ...input, status: 'active' as const }, journal }
  })
  return { organisation, servants }
}

/**
 * True when the demo organisation may be loaded: no organisation described yet, and neither the
 * default person nor any demo servant has a journal or a servant record. A table that holds
 * anything of these is someone's data, and the demo never writes over it.
 */
export async function isDemoOrganisationWanted(db: Db, dir: string, defaultPerson: string): Promise<boolean> {
  if (await getOrganisation(db)) return false
  for (const person of new Set([defaultPerson, ...demoServantSlugs(dir)])) {
    if ((await getServant(db, person)) || !(await isJournalEmpty(db, person))) return false
  }
  return true
}

/**
 * Loads the demo organisation from `dir` (`organisation.json` and one folder per servant) with the
 * API's store writes: the organisation, each servant, and each servant's journal. Every file is
 * validated before anything is written. Servants get no token here: nobody would receive it, and
 * `npm start` gives the default person the local owner token.
 */
export async function loadDemoOrganisation(db: Db, dir: string): Promise<LoadedServant[]> {
  const demo = readDemoOrganisation(dir)
  const at = new Date().toISOString()
  const organisation: Organisation = { ...demo.organisation, updatedAt: at, version: 1 }
  await putOrganisation(db, organisation, 0)
  const loaded: LoadedServant[] = []
  for (const { servant, journal } of demo.servants) {
    // Version 0 expected: the servant must not exist yet (the same rule as a new organisation).
    await updateServant(db, { ...servant, createdAt: at, updatedAt: at, version: 1 }, 0)
    const counts = await writeDemoJournal(db, journal)
    loaded.push({ person: servant.person, name: servant.name, ...counts })
  }
  return loaded
}
