import { readFileSync } from 'node:fs'
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
import { LOCALE_ROUTES, localeRoute } from './i18n.js'
import { eachPart, currentPart, type SitePart } from './site-part.js'
import { readSnapshot } from './snapshot-file.js'

/**
 * The journal as the pages use it: the part's snapshot plus the agenda index, built once per part
 * of the build and shared by its pages (so 10,000 entry pages do not each regroup the agenda).
 */
export interface Journal {
  /** The snapshot, posts and digests in the site's order (feeds and open data take it whole). */
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
   * every one, unless the part was asked for only the pages a change touched (its pages file).
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

/** Each part's journal, built once per build (a build may make a section and the organisation's pages). */
const journals = new Map<SitePart, Promise<Journal>>()

/** A page each language of a servant's own journal has (posts, digests), not the organisation's pages. */
export async function eachLanguageOfJournal() {
  return eachPart('lang', async () => ((await loadJournal()).organisation ? [] : LOCALE_ROUTES.map(localeRoute)))
}

/** The journal of the part whose page is being made (see lib/site-part.ts). */
export function loadJournal(): Promise<Journal> {
  const part = currentPart()
  let journal = journals.get(part)
  if (!journal) journals.set(part, (journal = build(part)))
  return journal
}

/**
 * Everything comes from the part's snapshot file, read once; the snapshot was validated when it
 * was made (it holds projections only). It is not an Astro collection: Astro bundles its data
 * store into the server build as one module, which for 10,000 entries cost 2.4 s and 300–480 MB.
 */
async function build(part: SitePart): Promise<Journal> {
  const snapshot = readSnapshot(part.snapshotFile)
  const {
    entries: listed,
    posts: unsorted = [],
    digests: unordered = [],
    ...facts
  } = snapshot as PublicSnapshot & Partial<Pick<OrganisationSnapshot, 'organisation' | 'servants'>>
  // The organisation's timeline has no history per entry (each servant's section shows it).
  const entries: JournalEntry[] = 'posts' in snapshot ? listed : listed.map((entry) => ({ ...entry, history: [] }))
  const posts = [...unsorted].sort(
    (a, b) => compareText(b.publishedAt ?? '', a.publishedAt ?? '') || compareText(a.slug, b.slug),
  )
  const digests = [...unordered].sort((a, b) => compareText(b.week, a.week))
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
    builds: pagesAskedFor(part.pagesFile),
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
 * The agenda pages this build makes of a part: all, or those listed in its pages file (written by
 * the publisher, functions/publish/organisation-site.ts, for a partial rebuild).
 */
function pagesAskedFor(file: string | undefined): Journal['builds'] {
  if (!file) return () => true
  const keys = JSON.parse(readFileSync(file, 'utf8')) as AgendaPageKeys
  const wanted = new Map(Object.entries(keys).map(([kind, list]) => [kind, new Set(list as string[])]))
  return (kind, key) => wanted.get(kind)?.has(key) ?? false
}
