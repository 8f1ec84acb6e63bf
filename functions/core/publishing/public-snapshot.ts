import { toPublicDigest, type PublicDigest, type PublicDigestOptions } from '../digest/public-digest.js'
import { isoWeekOf } from '../time/iso-weeks.js'
import { localStartDate } from '../privacy/counted-entries.js'
import type { Digest } from '../digest/digest.js'
import type { Entry } from '../model/entry.js'
import type { Post } from '../model/post.js'
import { journalSettings, type Profile } from '../model/profile.js'
import {
  publicEntryHistory,
  publicPostHistory,
  toPublicEntry,
  toPublicPost,
  toPublicProfile,
  type PublicEntry,
  type PublicPost,
  type PublicProfile,
  type PublicRevision,
} from '../privacy/public-projection.js'
import { reportStats, type ReportStats } from '../report/report-stats.js'
import { accountingYearStartMonth, accountingYearStats } from '../report/accounting-year.js'
import type { Revision } from '../model/revision.js'
import { compareText } from '../model/slug.js'
import { entryStartInstant } from '../model/entry.js'
import type { Locale } from '../model/vocabulary.js'
import type { PublicOrganisation } from '../privacy/organisation-projection.js'
import {
  ORGANISATION_SNAPSHOT_FORMAT,
  ORGANISATION_SNAPSHOT_VERSION,
  type OrganisationSnapshot,
} from './organisation-snapshot.js'

/**
 * The public snapshot: everything the public may see of one journal, as one deterministic JSON
 * document. It is the only input of the site build and is published as `/data/journal.json`.
 * It holds projections only (public-projection.ts), never a stored item, so nothing private can
 * reach the site through it.
 */
export const SNAPSHOT_FORMAT = 'open-agenda-journal/public-snapshot'
export const SNAPSHOT_VERSION = 1

export type SnapshotEntry = PublicEntry & { history: PublicRevision[] }
export type SnapshotPost = PublicPost & {
  history: PublicRevision[]
  /**
   * An annual report's generated figures over its `period`, counted from the public projection
   * when the snapshot is taken (see `reportStats`). Absent on notes and withdrawn reports.
   */
  figures?: ReportStats
}

export interface PublicSnapshot {
  format: typeof SNAPSHOT_FORMAT
  version: typeof SNAPSHOT_VERSION
  /** The moment the projection was taken: embargoes and future posts are judged against it. */
  generatedAt: string
  /** The language the journal is written in (the profile's locale). */
  locale: Locale
  /** The zone the agenda is kept in: days and ISO weeks are counted there. */
  timezone: string
  profile: PublicProfile | null
  /** Oldest first, by start instant, then id. */
  entries: SnapshotEntry[]
  /** Newest first, by publication, then slug. */
  posts: SnapshotPost[]
  /** Published digests, newest week first. */
  digests: PublicDigest[]
  /**
   * The current accounting year at a glance, counted as an annual report counts
   * (`accountingYearStats`): the year holding `generatedAt`, or the latest with public
   * appointments. Absent while the journal has none.
   */
  accountingYear?: ReportStats
  /**
   * The organisation whose site this journal is a section of (absent when the journal is the whole
   * site); on the organisation's own pages, the organisation their feeds speak for.
   */
  organisation?: PublicOrganisation
}

/** The journal of one person as the store holds it. */
export interface JournalItems {
  profile?: Profile
  entries: Entry[]
  posts: Post[]
  revisions: Revision[]
  digests: Digest[]
}

/** Sorts the store's change log (`listChangedSince`) into a journal. */
export function journalItemsFrom(items: readonly { type: string; data: unknown }[]): JournalItems {
  const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => i.data as T)
  return {
    profile: of<Profile>('profile')[0],
    entries: of('entry'),
    posts: of('post'),
    revisions: of('revision'),
    digests: of('digest'),
  }
}

/**
 * Projects a journal into its public snapshot as seen at `now`. Pure: the same journal and `now`
 * always give the same snapshot, and `serializeSnapshot` turns that into the same bytes.
 */
export function buildPublicSnapshot(journal: JournalItems, { now }: { now: Date }): PublicSnapshot {
  const { locale, timeZone: timezone } = journalSettings(journal.profile)
  const options = { now, locale }
  const revisionsOf = groupRevisions(journal.revisions)
  const entries = journal.entries
    .flatMap((entry): (SnapshotEntry & { at: number })[] => {
      const view = toPublicEntry(entry, options)
      if (!view) return []
      const history = publicEntryHistory(
        entry,
        (revisionsOf.get(`entry:${entry.id}`) ?? []) as Revision<Entry>[],
        options,
      )
      return [{ ...view, history, at: entryStartInstant(entry).getTime() }]
    })
    .sort((a, b) => a.at - b.at || compareText(a.id, b.id))
    .map(({ at: _at, ...entry }) => entry)
  const posts = journal.posts
    .flatMap((post): SnapshotPost[] => {
      const view = toPublicPost(post, options)
      if (!view) return []
      const history = publicPostHistory(post, (revisionsOf.get(`post:${post.slug}`) ?? []) as Revision<Post>[], options)
      const figures =
        view.kind === 'annual-report' && view.period && !view.withdrawn
          ? reportStats(journal.entries, view.period, now, { timeZone: timezone, locale })
          : undefined
      return [{ ...view, history, ...(figures ? { figures } : {}) }]
    })
    .sort((a, b) => compareText(b.publishedAt ?? '', a.publishedAt ?? '') || compareText(a.slug, b.slug))
  const accountingYear = accountingYearStats(journal.entries, accountingYearStartMonth(posts), now, {
    timeZone: timezone,
    locale,
  })
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    generatedAt: now.toISOString(),
    locale,
    timezone,
    profile: journal.profile ? toPublicProfile(journal.profile) : null,
    entries,
    posts,
    digests: publicDigests(journal, { now, timeZone: timezone, locale }),
    ...(accountingYear ? { accountingYear } : {}),
  }
}

/**
 * The next moment after `now` at which the snapshot will differ without any change in the store:
 * an embargo ending or a post's publication time arriving. A publisher rebuilds then.
 */
export function nextChangeAt(journal: JournalItems, now: Date): string | undefined {
  const moments = [
    ...journal.entries.filter((e) => e.visibility === 'public').map((e) => e.publishAfter),
    ...journal.posts.filter((p) => p.status === 'published').map((p) => p.publishedAt),
  ].filter((at): at is string => at !== undefined && Date.parse(at) > now.getTime())
  return moments.sort((a, b) => Date.parse(a) - Date.parse(b))[0]
}

function groupRevisions(revisions: readonly Revision[]): Map<string, Revision[]> {
  const groups = new Map<string, Revision[]>()
  for (const revision of revisions) {
    const key = `${revision.itemType}:${revision.itemId}`
    groups.set(key, [...(groups.get(key) ?? []), revision])
  }
  for (const list of groups.values()) list.sort((a, b) => a.version - b.version)
  return groups
}

/** Published digests as the public sees them now (`toPublicDigest`), newest week first. */
function publicDigests(journal: JournalItems, options: PublicDigestOptions): PublicDigest[] {
  const entriesByWeek = new Map<string, Entry[]>()
  for (const entry of journal.entries) {
    const week = isoWeekOf(localStartDate(entry, options.timeZone))
    const inWeek = entriesByWeek.get(week)
    if (inWeek) inWeek.push(entry)
    else entriesByWeek.set(week, [entry])
  }
  return journal.digests
    .flatMap((digest) => toPublicDigest(digest, entriesByWeek.get(digest.week) ?? [], options) ?? [])
    .sort((a, b) => compareText(b.week, a.week))
}

/** The snapshot as canonical JSON: object keys sorted at every level, one trailing newline. */
export function serializeSnapshot(snapshot: PublicSnapshot | OrganisationSnapshot): string {
  return `${JSON.stringify(snapshot, (_key, value: unknown) => (isPlainObject(value) ? sortKeys(value) : value))}\n`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareText)
      .map((k) => [k, value[k]]),
  )
}

/** Reads a snapshot file's text, refusing anything that is not a snapshot this code understands. */
export function parseSnapshot(text: string): PublicSnapshot {
  const snapshot = parseAnySnapshot(text)
  if (snapshot.format !== SNAPSHOT_FORMAT) throw notASnapshot(snapshot)
  return snapshot
}

/** A journal's snapshot or an organisation's, as the site builds from either. */
export function parseAnySnapshot(text: string): PublicSnapshot | OrganisationSnapshot {
  const value = JSON.parse(text) as Partial<PublicSnapshot | OrganisationSnapshot>
  if (value.format === SNAPSHOT_FORMAT && value.version === SNAPSHOT_VERSION) return value as PublicSnapshot
  if (value.format === ORGANISATION_SNAPSHOT_FORMAT && value.version === ORGANISATION_SNAPSHOT_VERSION)
    return value as OrganisationSnapshot
  throw notASnapshot(value)
}

const notASnapshot = (value: { format?: string; version?: number }) =>
  new Error(
    `not a public snapshot (format ${SNAPSHOT_FORMAT} or ${ORGANISATION_SNAPSHOT_FORMAT}, version 1): ` +
      `got ${String(value.format)} version ${String(value.version)}`,
  )
