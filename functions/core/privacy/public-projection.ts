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

export interface ProjectionOptions {
  now: Date
  locale?: Locale
}

interface Stamped {
  version: number
  createdAt: string
  updatedAt: string
  publicMeta?: PublicMeta
}

/**
 * The public bookkeeping of an item as seen at `now`. `revealedAt` is the moment the item's view
 * changes by time alone (an embargo ending, a scheduled post's publication): when that came after
 * the last write and has passed, it counts as one more public change, dated then.
 * Items written before public bookkeeping existed fall back to their own bookkeeping.
 */
export function effectivePublicMeta(item: Stamped, revealedAt: string | undefined, now: Date): PublicMeta {
  const meta = item.publicMeta ?? { version: item.version, createdAt: item.createdAt, updatedAt: item.updatedAt }
  const revealed =
    revealedAt !== undefined &&
    Date.parse(revealedAt) > Date.parse(item.updatedAt) &&
    Date.parse(revealedAt) <= now.getTime()
  if (!revealed) return meta
  const at = new Date(revealedAt).toISOString()
  return { version: meta.version + 1, createdAt: meta.createdAt ?? at, updatedAt: at }
}

/** The moment an entry's public view changes without a write: the end of its embargo. */
export const entryRevealedAt = (entry: Pick<Entry, 'visibility' | 'publishAfter'>) =>
  entry.visibility === 'public' ? entry.publishAfter : undefined
/** The moment a post's public view changes without a write: its scheduled publication. */
export const postRevealedAt = (post: Pick<Post, 'status' | 'publishedAt'>) =>
  post.status === 'published' ? post.publishedAt : undefined

/** Whether an entry counts as restricted right now: restricted, or public under a future embargo. */
export function isWithheld(entry: Pick<Entry, 'visibility' | 'publishAfter'>, now: Date): boolean {
  return (
    entry.visibility === 'restricted' ||
    (entry.visibility === 'public' &&
      entry.publishAfter !== undefined &&
      Date.parse(entry.publishAfter) > now.getTime())
  )
}

/**
 * What the public view does with each field of a stored entry. Typed against `Entry`: a field
 * added to the entry does not compile until it is decided here (and then in `toPublicEntry`).
 * - `shown`: always public; `bookkeeping`: public, counting public changes only (`effectivePublicMeta`)
 * - `slot`: public, but a restricted or embargoed entry shows a placeholder instead
 * - `detail`: public only for a public entry that is not withdrawn
 * - `private-person`: as `detail`, with private individuals' names replaced
 * - `never`: internal, never in any public output
 */
export const ENTRY_FIELD_DECISIONS = {
  id: 'shown',
  start: 'shown',
  end: 'shown',
  allDay: 'shown',
  timezone: 'shown',
  kind: 'shown',
  status: 'shown',
  withdrawn: 'shown',
  visibility: 'slot',
  title: 'slot',
  counterparts: 'private-person',
  location: 'detail',
  themes: 'detail',
  summary: 'detail',
  links: 'detail',
  statusNote: 'detail',
  createdAt: 'bookkeeping',
  updatedAt: 'bookkeeping',
  version: 'bookkeeping',
  person: 'never',
  publishAfter: 'never',
  notes: 'never',
  sourceUid: 'never',
  publicMeta: 'never',
} as const satisfies Record<keyof Entry, 'shown' | 'bookkeeping' | 'slot' | 'detail' | 'private-person' | 'never'>

/**
 * The public view of an entry, or null when the public may not know it exists (private).
 * Restricted and embargoed entries become a slot; private individuals lose their names;
 * internal fields (`notes`, `sourceUid`, `publishAfter`) never leave. See `ENTRY_FIELD_DECISIONS`.
 */
export function toPublicEntry(entry: Entry, { now, locale = 'nl' }: ProjectionOptions): PublicEntry | null {
  if (entry.visibility === 'private') return null
  const meta = effectivePublicMeta(entry, entryRevealedAt(entry), now)
  const withheld = isWithheld(entry, now)
  // A withdrawn entry may have been withdrawn because a detail was wrong: keep only what dates it.
  const detailed = !withheld && !entry.withdrawn
  return {
    id: entry.id,
    start: entry.start,
    ...(entry.end !== undefined && { end: entry.end }),
    allDay: entry.allDay,
    timezone: entry.timezone,
    kind: entry.kind,
    status: entry.status,
    ...(entry.withdrawn !== undefined && { withdrawn: entry.withdrawn }),
    createdAt: meta.createdAt ?? entry.createdAt,
    updatedAt: meta.updatedAt ?? entry.updatedAt,
    version: meta.version,
    visibility: withheld ? 'restricted' : 'public',
    title: withheld ? RESTRICTED_LABEL[locale] : entry.title,
    counterparts: detailed ? entry.counterparts.map((c) => publicCounterpart(c, locale)) : [],
    ...(detailed && entry.location !== undefined && { location: entry.location }),
    themes: detailed ? entry.themes : [],
    ...(detailed && entry.summary !== undefined && { summary: entry.summary }),
    links: detailed ? entry.links : [],
    ...(detailed && entry.statusNote !== undefined && { statusNote: entry.statusNote }),
  }
}

export function publicCounterpart(counterpart: Counterpart, locale: Locale = 'nl'): Counterpart {
  return counterpart.type === 'private-person'
    ? { name: PRIVATE_PERSON_LABEL[locale], type: 'private-person' }
    : counterpart
}

export type PublicPost = Omit<Post, 'person' | 'publicMeta'>

/** What the public view does with each field of a stored post (see `ENTRY_FIELD_DECISIONS`). */
export const POST_FIELD_DECISIONS = {
  slug: 'shown',
  title: 'shown',
  kind: 'shown',
  period: 'shown',
  status: 'shown',
  publishedAt: 'shown',
  withdrawn: 'shown',
  body: 'detail',
  createdAt: 'bookkeeping',
  updatedAt: 'bookkeeping',
  version: 'bookkeeping',
  person: 'never',
  publicMeta: 'never',
} as const satisfies Record<keyof Post, 'shown' | 'bookkeeping' | 'detail' | 'never'>

/** A post is public once published and its publication moment has come; a withdrawn post keeps no body. */
export function toPublicPost(post: Post, { now }: ProjectionOptions): PublicPost | null {
  if (post.status !== 'published' || !post.publishedAt || Date.parse(post.publishedAt) > now.getTime()) return null
  const meta = effectivePublicMeta(post, postRevealedAt(post), now)
  return {
    slug: post.slug,
    title: post.title,
    kind: post.kind,
    ...(post.period !== undefined && { period: post.period }),
    body: post.withdrawn ? '' : post.body,
    status: post.status,
    publishedAt: post.publishedAt,
    ...(post.withdrawn !== undefined && { withdrawn: post.withdrawn }),
    createdAt: meta.createdAt ?? post.createdAt,
    updatedAt: meta.updatedAt ?? post.updatedAt,
    version: meta.version,
  }
}

export type PublicProfile = Omit<Profile, 'person' | 'version'>

/** What the public view does with each field of the profile: all of it is the servant's public card. */
export const PROFILE_FIELD_DECISIONS = {
  name: 'shown',
  role: 'shown',
  organisation: 'shown',
  bio: 'shown',
  links: 'shown',
  // Public by the servant's own choice: the address they give for readers to respond, never a private one.
  contact: 'shown',
  locale: 'shown',
  timezone: 'shown',
  theme: 'shown',
  updatedAt: 'shown',
  person: 'never',
  version: 'never',
} as const satisfies Record<keyof Profile, 'shown' | 'never'>

export function toPublicProfile(profile: Profile): PublicProfile {
  return {
    name: profile.name,
    role: profile.role,
    organisation: profile.organisation,
    ...(profile.bio !== undefined && { bio: profile.bio }),
    links: profile.links,
    ...(profile.contact !== undefined && { contact: profile.contact }),
    locale: profile.locale,
    timezone: profile.timezone,
    ...(profile.theme !== undefined && { theme: profile.theme }),
    updatedAt: profile.updatedAt,
  }
}

export interface PublicChange {
  field: string
  from?: unknown
  to?: unknown
}
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

function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  onlyFields?: readonly string[],
): PublicChange[] {
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
export function publicEntryHistory(
  entry: Entry,
  revisions: Revision<Entry>[],
  options: ProjectionOptions,
): PublicRevision[] {
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
  if (names.size === 0 || !entry.counterparts.some((c) => c.type !== 'private-person' && names.has(nameKey(c.name))))
    return entry
  return {
    ...entry,
    counterparts: entry.counterparts.map((c) =>
      names.has(nameKey(c.name)) ? { name: c.name, type: 'private-person' } : c,
    ),
  }
}

export function publicPostHistory(
  post: Post,
  revisions: Revision<Post>[],
  options: ProjectionOptions,
): PublicRevision[] {
  const current = toPublicPost(post, options)
  if (!current) return []
  return toPublicRevisions(
    revisions,
    (p) => toPublicPost(p, options),
    current.withdrawn ? ['title', 'withdrawn'] : undefined,
  )
}
