import type { Digest } from '../core/digest/index.js'
import type { Entry, Post } from '../core/model/index.js'
import {
  getDigest,
  getEntry,
  putDigest,
  getPost,
  updateEntry,
  updatePost,
  VersionConflictError,
  type Db,
  type WriteMeta,
} from '../store/index.js'

type Versioned = { version: number }

/** How the store reads and saves one kind of versioned item (entries by id, posts by slug). */
export interface VersionedItems<T extends Versioned> {
  load: (db: Db, person: string, key: string) => Promise<T | undefined>
  save: (db: Db, before: T, after: T, meta: WriteMeta & { action?: 'update' | 'withdraw' }) => Promise<void>
}

export const entryItems: VersionedItems<Entry> = { load: getEntry, save: updateEntry }
export const postItems: VersionedItems<Post> = { load: getPost, save: updatePost }
/** Digests by week. A digest keeps no revisions (regenerating reproduces it), so the meta is not stored. */
export const digestItems: VersionedItems<Digest> = {
  load: getDigest,
  save: (db, before, after) => putDigest(db, after, before.version),
}

/** One change as its writer asked for it. */
export interface VersionedChange {
  person: string
  /** The entry's id, the post's slug or the digest's week. */
  key: string
  /** The version the writer read (If-Match, the form's hidden field): the change is made to that version only. */
  readVersion: number
  /** Who changes the item (a token id) and why: the revision keeps both. */
  by: string
  reason?: string
  /** @default 'update' */
  action?: 'update' | 'withdraw'
}

/**
 * What the caller makes of the stored item: its next state (made by core), or no change at all,
 * with the caller's own answer (a form with its errors, a preview).
 */
export type Decision<T, A> = { next: T } | { declined: A }

export type ChangeOutcome<T, A> =
  | { kind: 'saved'; after: T }
  | { kind: 'missing' }
  | { kind: 'declined'; answer: A }
  /**
   * Someone changed the item since the writer read it. `current` is what is stored now; `raced`
   * says the write itself lost (two writers at once) rather than the version check before it.
   */
  | { kind: 'stale'; current: T; raced: boolean }

/**
 * A change to an entry or a post, as the API and the admin make it: load the item, let `decide`
 * revise it, check it is still at the version the writer read, save it with its revision. Input
 * is judged before the version (a bad field is reported as such, also on a stale read), and the
 * save is conditional too, so of two writers who read the same version exactly one wins.
 */
export async function changeVersioned<T extends Versioned, A = never>(
  db: Db,
  items: VersionedItems<T>,
  change: VersionedChange,
  decide: (before: T) => Decision<T, A> | Promise<Decision<T, A>>,
): Promise<ChangeOutcome<T, A>> {
  const before = await items.load(db, change.person, change.key)
  if (!before) return { kind: 'missing' }
  const decision = await decide(before)
  if ('declined' in decision) return { kind: 'declined', answer: decision.declined }
  if (before.version !== change.readVersion) return { kind: 'stale', current: before, raced: false }
  try {
    await items.save(db, before, decision.next, { by: change.by, reason: change.reason, action: change.action })
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error
    const current = await items.load(db, change.person, change.key)
    return current ? { kind: 'stale', current, raced: true } : { kind: 'missing' }
  }
  return { kind: 'saved', after: decision.next }
}
