import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  buildOrganisationSnapshot,
  serializeSnapshot,
  type OrganisationSnapshot,
  type PublicSnapshot,
  type ServantJournal,
} from '../core/publishing/index.js'
import { compareText, personSlug, type Servant } from '../core/model/index.js'
import {
  toPublicOrganisation,
  toPublicServant,
  type PublicOrganisation,
  type PublicServant,
} from '../core/privacy/index.js'
import { mapAtMost } from '../shared/index.js'
import { getOrganisation, hasJournalItems, listChangePositions, listServants, type Db } from '../store/index.js'
import { changeLogFingerprint, exportSnapshot } from './export-snapshot.js'

/**
 * How the site is laid out. One servant (or a deployment without servants) has the journal at
 * the site's root, as it always had. Two or more share the organisation's site: its own pages at
 * the root (home, agenda across servants, organisations met) and each servant's journal in a
 * section under `/<person>/`.
 */
export type SiteLayout =
  | { kind: 'journal'; person: string }
  | {
      kind: 'organisation'
      organisation: PublicOrganisation
      people: string[]
      /** The servants' records by slug, read with the layout (the deployment's own journal may have none). */
      servants: ReadonlyMap<string, Servant>
    }

/**
 * The layout the store calls for: the servants on record, and the deployment's own journal
 * (`person`, JOURNAL_PERSON, whose token `npm start` prints) when it holds anything, with or
 * without a servant record, so that what its owner logs is never missing from the site.
 */
export async function siteLayout(db: Db, person: string): Promise<SiteLayout> {
  const [organisation, servants, own] = await Promise.all([
    getOrganisation(db),
    listServants(db),
    hasJournalItems(db, person),
  ])
  const people = servants.map((s) => s.person)
  if (own && !people.includes(person)) people.push(person)
  if (people.length < 2) return { kind: 'journal', person: people[0] ?? person }
  return {
    kind: 'organisation',
    // Servants added before the organisation was named: the site still needs a name for its home.
    organisation: organisation ? toPublicOrganisation(organisation) : { name: 'Open agenda' },
    people: people.sort(compareText),
    servants: new Map(servants.map((s) => [s.person, s])),
  }
}

/** The organisation's own pages (home, agenda across servants), beside the servants' sections. */
export const ORGANISATION_PART = '@organisation'

/**
 * What the site watcher compares to know whether to rebuild: the organisation and its servants
 * (names, roles, who left) and the change log of each servant and of the deployment's own journal
 * (`person`, watched even while empty: its first entry may change the layout). Per person, so a
 * rebuild can be limited to the sections that changed. Every journal `siteLayout` can put on the
 * site is among these, so a poll needs no layout.
 */
export async function organisationFingerprints(db: Db, person: string): Promise<Map<string, string>> {
  const [organisation, servants] = await Promise.all([getOrganisation(db), listServants(db)])
  const people = new Set([...servants.map((s) => s.person), person])
  const fingerprints = new Map<string, string>()
  fingerprints.set(
    ORGANISATION_PART,
    JSON.stringify([organisation?.version ?? 0, servants.map((s) => `${s.person}:${s.version}`)]),
  )
  // Read a few at a time: the watcher asks every few seconds, and an organisation of 50 read one
  // by one waited for 50 round trips.
  const logs = await mapAtMost([...people], 8, (p) => listChangePositions(db, p))
  for (const [k, p] of [...people].entries()) fingerprints.set(p, changeLogFingerprint(logs[k]!))
  return fingerprints
}

/** One servant's part of an organisation's export. */
export interface ExportedServant {
  /** Their public snapshot file (`<dir>/people/<person>.json`). */
  file: string
  /** Their public snapshot as exported, and their public record. */
  journal: ServantJournal
  /** Their change log as read (see `changeLogFingerprint`). */
  fingerprint: string
  /** When their snapshot goes stale by itself (an embargo ends, a post comes out). */
  nextChangeAt?: string
}

export interface ExportedOrganisation {
  /** Each servant's export, by person, in the layout's order. */
  servants: Map<string, ExportedServant>
  /** The organisation's snapshot (`<dir>/organisation.json`), and the snapshot itself. */
  organisationFile: string
  snapshot: OrganisationSnapshot
  /** The earliest moment one of the snapshots goes stale by itself. */
  nextChangeAt?: string
  entries: number
}

/** Servants whose earlier export still holds: their journal and record are unchanged, nothing of theirs expired. */
export interface KeptExports {
  previous: ExportedOrganisation
  people: ReadonlySet<string>
}

/**
 * Exports every servant's public snapshot and the organisation's, made from those snapshots
 * only (`buildOrganisationSnapshot`), into `dir`. Servants in `keep` are not read again: on an
 * organisation of 50, a change to one servant's journal reads that servant's journal only.
 */
export async function exportOrganisation(
  db: Db,
  layout: Extract<SiteLayout, { kind: 'organisation' }>,
  dir: string,
  now = new Date(),
  keep?: KeptExports,
): Promise<ExportedOrganisation> {
  for (const person of layout.people) sectionOrThrow(person)
  const servants = new Map<string, ExportedServant>()
  for (const person of layout.people) {
    const file = join(dir, 'people', `${person}.json`)
    const kept = keep?.people.has(person) ? keep.previous.servants.get(person) : undefined
    if (kept) {
      servants.set(person, { ...kept, file })
      continue
    }
    const exported = await exportSnapshot(db, person, file, now, layout.organisation)
    servants.set(person, {
      file,
      journal: servantJournal(person, layout.servants.get(person), exported.snapshot),
      fingerprint: exported.fingerprint,
      ...(exported.nextChangeAt && { nextChangeAt: exported.nextChangeAt }),
    })
  }
  const journals = [...servants.values()].map((s) => s.journal)
  const organisationFile = join(dir, 'organisation.json')
  const snapshot = buildOrganisationSnapshot(layout.organisation, journals, { now })
  writeFileSync(organisationFile, serializeSnapshot(snapshot), { mode: 0o600 })
  const staleAt = [...servants.values()].flatMap((s) => (s.nextChangeAt ? [s.nextChangeAt] : []))
  return {
    servants,
    organisationFile,
    snapshot,
    nextChangeAt: staleAt.sort((a, b) => Date.parse(a) - Date.parse(b))[0],
    entries: countEntries(journals.map((j) => j.snapshot)),
  }
}

/**
 * A servant's slug names their section's folder and path. The API and the admin store only slugs
 * `personSlug` allows, but the store may hold another (written by hand, or reserved since): such
 * a slug could name a folder outside the site (`..`) or one of the organisation's pages
 * (`agenda`), so the build stops before anything is written and says which servant to rename.
 */
export function sectionOrThrow(person: string): void {
  const checked = personSlug.safeParse(person)
  if (!checked.success)
    throw new Error(
      `The servant "${person}" cannot have a section of the site: their slug ${checked.error.issues[0]?.message}. ` +
        'Give them a slug the API accepts; nothing was built.',
    )
}

const countEntries = (snapshots: PublicSnapshot[]) => snapshots.reduce((n, s) => n + s.entries.length, 0)

/**
 * A servant's journal as the organisation's pages show it: their public record, or for the
 * deployment's own journal without a record, a name and role from its profile.
 */
export function servantJournal(person: string, record: Servant | undefined, snapshot: PublicSnapshot): ServantJournal {
  const servant: PublicServant = record
    ? toPublicServant(record)
    : { person, name: snapshot.profile?.name ?? person, role: snapshot.profile?.role ?? '', status: 'active' }
  return { servant, snapshot }
}
