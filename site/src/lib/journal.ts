import { readFileSync } from 'node:fs'
import { getCollection } from 'astro:content'
import {
  buildAgendaIndex,
  type AgendaIndex,
  type AgendaPageKeys,
  type OrganisationServant,
  type OrganisationSnapshot,
  type PublicSnapshot,
  type SnapshotEntry,
  type SnapshotPost,
} from '@core/publishing/index.js'
import { isoWeekOf, zonedParts } from '@core/time/index.js'
import type { PublicProfile } from '@core/privacy/index.js'
import type { PublicDigest } from '@core/digest/index.js'
import type { ReportStats } from '@core/report/index.js'
import { compareText } from '@core/model/index.js'
import { oneEachLanguage } from './i18n.js'
import { readSnapshot } from './snapshot-file.js'

/**
 * The journal as the pages use it: the snapshot's collections plus the agenda index, built once
 * per build and shared by every page (so 10,000 entry pages do not each regroup the agenda).
 */
export interface Journal {
  /** The snapshot as read back from the collections (feeds and open data take it whole). */
  snapshot: PublicSnapshot
  generatedAt: string
  /** Language the content is written in. */
  contentLocale: PublicSnapshot['locale']
  timezone: string
  profile: PublicProfile | null
  entries: JournalEntry[]
  entryById: Map<string, JournalEntry>
  posts: SnapshotPost[]
  digests: PublicDigest[]
  /** The current accounting year's figures, as the snapshot counted them (home page). */
  accountingYear: ReportStats | undefined
  agenda: AgendaIndex<JournalEntry>
  /**
   * Set when the build makes the organisation's own pages (an organisation snapshot): its
   * servants, and their entries on one timeline, each naming its servant.
   */
  organisation?: SiteOrganisation
  /** Set when this journal is one servant's section of an organisation's site. */
  partOf?: PublicSnapshot['organisation']
  /**
   * Whether this build makes the agenda page `key` (a week, month, year, theme or organisation):
   * every one, unless the build was asked for only the pages a change touched (`JOURNAL_SITE_PAGES`).
   */
  builds: (kind: keyof AgendaPageKeys, key: string) => boolean
  /** The local date and ISO week of the snapshot's moment: "this week" on the site. */
  today: string
  thisWeek: string
}

/** An entry as the pages list it; on the organisation's pages it names its servant (`person`). */
export type JournalEntry = SnapshotEntry & { person?: string }

export interface SiteOrganisation {
  name: string
  contact?: string
  servants: OrganisationServant[]
  servantOf: (person: string) => OrganisationServant | undefined
}

let journal: Promise<Journal> | undefined

/** A page each language of a servant's own journal has (posts, digests), not the organisation's pages. */
export async function eachLanguageOfJournal() {
  return (await loadJournal()).organisation ? [] : oneEachLanguage()
}

export function loadJournal(): Promise<Journal> {
  return (journal ??= build())
}

async function build(): Promise<Journal> {
  const [meta] = await getCollection('journal')
  if (!meta) throw new Error('the public snapshot has no journal facts')
  const facts = meta.data as unknown as Omit<PublicSnapshot, 'entries' | 'posts' | 'digests'> &
    Partial<Pick<OrganisationSnapshot, 'organisation' | 'servants'>>
  // Entries come from the snapshot file itself, not a collection (see content.config.ts).
  const { snapshot } = readSnapshot()
  // The organisation's timeline has no history per entry (each servant's section shows it).
  const entries: JournalEntry[] =
    'posts' in snapshot ? snapshot.entries : snapshot.entries.map((entry) => ({ ...entry, history: [] }))
  const posts = (await getCollection('posts'))
    .map((p) => p.data as unknown as SnapshotPost)
    .sort((a, b) => compareText(b.publishedAt ?? '', a.publishedAt ?? '') || compareText(a.slug, b.slug))
  const digests = (await getCollection('digests'))
    .map((d) => d.data as unknown as PublicDigest)
    .sort((a, b) => compareText(b.week, a.week))
  const today = zonedParts(new Date(facts.generatedAt), facts.timezone).date
  return {
    snapshot: { ...facts, entries, posts, digests },
    generatedAt: facts.generatedAt,
    contentLocale: facts.locale,
    timezone: facts.timezone,
    profile: facts.profile,
    entries,
    entryById: new Map(entries.map((e) => [e.id, e])),
    posts,
    digests,
    accountingYear: facts.accountingYear,
    agenda: buildAgendaIndex(entries, { timezone: facts.timezone, today }),
    builds: pagesAskedFor(),
    today,
    thisWeek: isoWeekOf(today),
    ...(facts.organisation && !facts.servants && { partOf: facts.organisation }),
    ...(facts.organisation && facts.servants && { organisation: siteOrganisation(facts.organisation, facts.servants) }),
  }
}

function siteOrganisation(
  { name, contact }: NonNullable<PublicSnapshot['organisation']>,
  servants: OrganisationServant[],
): SiteOrganisation {
  const byPerson = new Map(servants.map((s) => [s.person, s]))
  return { name, ...(contact && { contact }), servants, servantOf: (person) => byPerson.get(person) }
}

/**
 * The agenda pages this build makes: all, or those listed in the file `JOURNAL_SITE_PAGES` names
 * (written by the publisher, functions/publish/organisation-site.ts, for a partial rebuild).
 */
function pagesAskedFor(): Journal['builds'] {
  const file = process.env.JOURNAL_SITE_PAGES
  if (!file) return () => true
  const keys = JSON.parse(readFileSync(file, 'utf8')) as AgendaPageKeys
  const wanted = new Map(Object.entries(keys).map(([kind, list]) => [kind, new Set(list as string[])]))
  return (kind, key) => wanted.get(kind)?.has(key) ?? false
}
