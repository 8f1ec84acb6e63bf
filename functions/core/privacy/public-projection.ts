import { dropUndefined, type Counterpart, type Entry } from '../model/entry.js'
import type { Post } from '../model/post.js'
import type { Profile } from '../model/profile.js'
import { BOOKKEEPING_FIELDS, type PublicMeta, type Revision } from '../model/revision.js'
import { nameKey } from '../model/slug.js'
import { PRIVATE_PERSON_LABEL, RESTRICTED_LABEL, type Locale } from '../model/vocabulary.js'

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

interface Stamped { version: number; createdAt: string; updatedAt: string; publicMeta?: PublicMeta }

/**
 * The public bookkeeping of an item as seen at `now`. `revealedAt` is the moment the item's view
 * changes by time alone (an embargo ending, a scheduled post's publication): when that came after
 * the last write and has passed, it counts as one more public change, dated then.
 * Items written before public bookkeeping existed fall back to their own bookkeeping.
 */
export function effectivePublicMeta(item: Stamped, revealedAt: string | undefined, now: Date): PublicMeta {
  const meta = item.publicMeta ?? { version: item.version, createdAt: item.createdAt, updatedAt: item.updatedAt }
  const revealed = revealedAt !== undefined && Date.parse(revealedAt) > Date.parse(item.updatedAt) && Date.parse(revealedAt) <= now.getTime()
  if (!revealed) return meta
  const at = new Date(revealedAt).toISOString()
  return { version: meta.version + 1, createdAt: meta.createdAt ?? at, updatedAt: at }
}

/** The moment an entry's public view changes without a write: the end of its embargo. */
export const entryRevealedAt = (entry: Pick<Entry, 'visibility' | 'publishAfter'>) => (entry.visibility === 'public' ? entry.publishAfter : undefined)
/** The moment a post's public view changes without a write: its scheduled publication. */
export const postRevealedAt = (post: Pick<Post, 'status' | 'publishedAt'>) => (post.status === 'published' ? post.publishedAt : undefined)

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
  const meta = effectivePublicMeta(entry, entryRevealedAt(entry), now)
  view.createdAt = meta.createdAt ?? entry.createdAt
  view.updatedAt = meta.updatedAt ?? entry.updatedAt
  view.version = meta.version
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

export type PublicPost = Omit<Post, 'person' | 'publicMeta'>

/** A post is public once published and its publication moment has come. */
export function toPublicPost(post: Post, { now }: ProjectionOptions): PublicPost | null {
  if (post.status !== 'published' || !post.publishedAt || Date.parse(post.publishedAt) > now.getTime()) return null
  const { person: _person, publicMeta: _meta, ...rest } = post
  const meta = effectivePublicMeta(post, postRevealedAt(post), now)
  const bookkeeping = { createdAt: meta.createdAt ?? post.createdAt, updatedAt: meta.updatedAt ?? post.updatedAt, version: meta.version }
  return { ...rest, ...(post.withdrawn ? { body: '' } : {}), ...bookkeeping }
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
    // The public version the change produced, not the stored one, which also counts hidden edits.
    const version = (revision.after as { publicMeta?: PublicMeta }).publicMeta?.version ?? revision.version
    const before = revision.before === undefined ? null : project(revision.before)
    if (!before) return [{ version, at: revision.at, action: 'create', changes: [] }]
    const changes = diffFields(before as Record<string, unknown>, after as Record<string, unknown>, onlyFields)
    if (changes.length === 0) return []
    return [dropUndefined({ version, at: revision.at, action: revision.action, reason: revision.reason, changes })]
  })
}

function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, onlyFields?: readonly string[]): PublicChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !BOOKKEEPING_FIELDS.has(f) && (!onlyFields || onlyFields.includes(f)))
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
  const privateNames = privatePersonNames(entry, revisions)
  const underTodaysDecisions = (e: Entry) => toPublicEntry(withPrivatePersons(e, privateNames), options)
  return toPublicRevisions(revisions, underTodaysDecisions, reduced ? SLOT_FIELDS : undefined)
}

/**
 * The names (keys) the servant has decided are private individuals: typed `private-person` now,
 * or at any earlier moment and not since typed as an organisation. A decision applies backwards:
 * every revision names them "particulier", so the history cannot repeat a name taken back.
 */
function privatePersonNames(entry: Entry, revisions: readonly Revision<Entry>[]): Set<string> {
  const typedNow = new Map(entry.counterparts.map((c) => [nameKey(c.name), c.type]))
  const names = new Set<string>()
  const consider = (c: Counterpart) => {
    const key = nameKey(c.name)
    if (c.type === 'private-person' && (typedNow.get(key) ?? 'private-person') === 'private-person') names.add(key)
  }
  entry.counterparts.forEach(consider)
  for (const revision of revisions) {
    revision.before?.counterparts.forEach(consider)
    revision.after.counterparts.forEach(consider)
  }
  return names
}

/** `entry` with every counterpart named in `names` typed as a private individual. */
function withPrivatePersons(entry: Entry, names: ReadonlySet<string>): Entry {
  if (names.size === 0 || !entry.counterparts.some((c) => c.type !== 'private-person' && names.has(nameKey(c.name)))) return entry
  return { ...entry, counterparts: entry.counterparts.map((c) => (names.has(nameKey(c.name)) ? { name: c.name, type: 'private-person' } : c)) }
}

export function publicPostHistory(post: Post, revisions: Revision<Post>[], options: ProjectionOptions): PublicRevision[] {
  const current = toPublicPost(post, options)
  if (!current) return []
  return toPublicRevisions(revisions, (p) => toPublicPost(p, options), current.withdrawn ? ['title', 'withdrawn'] : undefined)
}
