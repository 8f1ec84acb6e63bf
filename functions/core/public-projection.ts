import { dropUndefined, type Counterpart, type Entry } from './entry.js'
import type { Post } from './post.js'
import type { Profile } from './profile.js'
import type { Revision } from './revision.js'
import { PRIVATE_PERSON_LABEL, RESTRICTED_LABEL, type Locale } from './vocabulary.js'

/**
 * The one place that decides what the public may see (DESIGN.md section 4). Every public output —
 * API, snapshot, site, feeds, iCal, CSV, digest — is derived from these functions.
 */

export interface PublicEntry {
  id: string
  start: string
  end?: string
  allDay: boolean
  timezone: string
  kind: Entry['kind']
  status: Entry['status']
  /** 'restricted' entries are a slot: no title, counterparts, location, summary or links. */
  visibility: 'public' | 'restricted'
  title: string
  counterparts: Counterpart[]
  location?: string
  themes: string[]
  summary?: string
  links: Entry['links']
  statusNote?: string
  withdrawn?: { at: string; reason: string }
  createdAt: string
  updatedAt: string
  version: number
}

export interface ProjectionOptions { now: Date; locale?: Locale }

/** Whether an entry counts as restricted right now: restricted, or public under a future embargo. */
export function isWithheld(entry: Pick<Entry, 'visibility' | 'publishAfter'>, now: Date): boolean {
  return entry.visibility === 'restricted' || (entry.visibility === 'public' && entry.publishAfter !== undefined && Date.parse(entry.publishAfter) > now.getTime())
}

/**
 * The public view of an entry, or null when the public may not know it exists (private).
 * Restricted and embargoed entries become a slot; private individuals lose their names;
 * internal fields (`notes`, `sourceUid`, `publishAfter`) never leave.
 */
export function toPublicEntry(entry: Entry, { now, locale = 'nl' }: ProjectionOptions): PublicEntry | null {
  if (entry.visibility === 'private') return null
  // Built field by field, without spreads: this runs for every entry of every public listing.
  const view: Record<string, unknown> = { id: entry.id, start: entry.start }
  if (entry.end !== undefined) view.end = entry.end
  view.allDay = entry.allDay
  view.timezone = entry.timezone
  view.kind = entry.kind
  view.status = entry.status
  if (entry.withdrawn !== undefined) view.withdrawn = entry.withdrawn
  view.createdAt = entry.createdAt
  view.updatedAt = entry.updatedAt
  view.version = entry.version
  const withheld = isWithheld(entry, now)
  view.visibility = withheld ? 'restricted' : 'public'
  view.title = withheld ? RESTRICTED_LABEL[locale] : entry.title
  // A withdrawn entry may have been withdrawn because a detail was wrong: keep only what dates it.
  const detailed = !withheld && !entry.withdrawn
  view.counterparts = detailed ? entry.counterparts.map((c) => publicCounterpart(c, locale)) : []
  if (detailed && entry.location !== undefined) view.location = entry.location
  view.themes = detailed ? entry.themes : []
  if (detailed && entry.summary !== undefined) view.summary = entry.summary
  view.links = detailed ? entry.links : []
  if (detailed && entry.statusNote !== undefined) view.statusNote = entry.statusNote
  return view as unknown as PublicEntry
}

export function publicCounterpart(counterpart: Counterpart, locale: Locale = 'nl'): Counterpart {
  return counterpart.type === 'private-person' ? { name: PRIVATE_PERSON_LABEL[locale], type: 'private-person' } : counterpart
}

export type PublicPost = Omit<Post, 'person'>

/** A post is public once published and its publication moment has come. */
export function toPublicPost(post: Post, { now }: ProjectionOptions): PublicPost | null {
  if (post.status !== 'published' || !post.publishedAt || Date.parse(post.publishedAt) > now.getTime()) return null
  const { person: _person, ...rest } = post
  return post.withdrawn ? { ...rest, body: '' } : rest
}

export type PublicProfile = Omit<Profile, 'person' | 'version'>

export function toPublicProfile(profile: Profile): PublicProfile {
  const { person: _person, version: _version, ...rest } = profile
  return rest
}

export interface PublicChange { field: string; from?: unknown; to?: unknown }
export interface PublicRevision {
  version: number
  at: string
  action: Revision['action']
  reason?: string
  changes: PublicChange[]
}

const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'version'])

/**
 * The public history of an item: for each revision, the difference between the public views
 * before and after. Revisions the public could not see (the item was private on both sides, or
 * only internal fields changed) are left out, so the history reveals nothing hidden.
 */
export function toPublicRevisions<T>(
  revisions: Revision<T>[],
  project: (item: T) => object | null,
  onlyFields?: readonly string[],
): PublicRevision[] {
  return revisions.flatMap((revision): PublicRevision[] => {
    const after = project(revision.after)
    if (!after) return []
    const before = revision.before === undefined ? null : project(revision.before)
    if (!before) return [{ version: revision.version, at: revision.at, action: 'create', changes: [] }]
    const changes = diffFields(before as Record<string, unknown>, after as Record<string, unknown>, onlyFields)
    if (changes.length === 0) return []
    return [dropUndefined({ version: revision.version, at: revision.at, action: revision.action, reason: revision.reason, changes })]
  })
}

function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, onlyFields?: readonly string[]): PublicChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !BOOKKEEPING.has(f) && (!onlyFields || onlyFields.includes(f)))
    .sort()
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => dropUndefined({ field, from: before[field], to: after[field] }))
}

/** What the time slot of a restricted or withdrawn entry shows, and so all its history may show. */
const SLOT_FIELDS = ['start', 'end', 'allDay', 'timezone', 'kind', 'status', 'withdrawn'] as const

/**
 * The public change history of an entry ("changed on …: time moved from … to …"). While the entry
 * is restricted or withdrawn, its history shows only slot fields, so earlier public details of an
 * entry taken back do not resurface through its history.
 */
export function publicEntryHistory(entry: Entry, revisions: Revision<Entry>[], options: ProjectionOptions): PublicRevision[] {
  const current = toPublicEntry(entry, options)
  if (!current) return []
  const reduced = current.visibility === 'restricted' || current.withdrawn !== undefined
  return toPublicRevisions(revisions, (e) => toPublicEntry(e, options), reduced ? SLOT_FIELDS : undefined)
}

export function publicPostHistory(post: Post, revisions: Revision<Post>[], options: ProjectionOptions): PublicRevision[] {
  const current = toPublicPost(post, options)
  if (!current) return []
  return toPublicRevisions(revisions, (p) => toPublicPost(p, options), current.withdrawn ? ['title', 'withdrawn'] : undefined)
}
