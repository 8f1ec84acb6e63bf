import { getCollection } from 'astro:content'
import {
  buildAgendaIndex,
  type AgendaIndex,
  type PublicSnapshot,
  type SnapshotEntry,
  type SnapshotPost,
} from '@core/publishing/index.js'
import { isoWeekOf, zonedParts } from '@core/time/index.js'
import type { PublicProfile } from '@core/privacy/index.js'
import type { PublicDigest } from '@core/digest/index.js'
import type { ReportStats } from '@core/report/index.js'
import { compareText } from '@core/model/index.js'
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
  entries: SnapshotEntry[]
  entryById: Map<string, SnapshotEntry>
  posts: SnapshotPost[]
  digests: PublicDigest[]
  /** The current accounting year's figures, as the snapshot counted them (home page). */
  accountingYear: ReportStats | undefined
  agenda: AgendaIndex<SnapshotEntry>
  /** The local date and ISO week of the snapshot's moment: "this week" on the site. */
  today: string
  thisWeek: string
}

let journal: Promise<Journal> | undefined

export function loadJournal(): Promise<Journal> {
  return (journal ??= build())
}

async function build(): Promise<Journal> {
  const [meta] = await getCollection('journal')
  if (!meta) throw new Error('the public snapshot has no journal facts')
  const facts = meta.data as unknown as Omit<PublicSnapshot, 'entries' | 'posts' | 'digests'>
  // Entries come from the snapshot file itself, not a collection (see content.config.ts).
  const { entries } = readSnapshot().snapshot
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
    today,
    thisWeek: isoWeekOf(today),
  }
}
