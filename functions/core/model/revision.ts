/**
 * Every change to an entry or post is kept as a revision holding the item before and after.
 * The store writes it in the same transaction as the change; what the public may see of it is
 * computed by projecting both sides (see public-projection.ts), so a revision can never leak.
 */
export interface Revision<T = unknown> {
  itemType: 'entry' | 'post'
  itemId: string
  person: string
  version: number
  at: string
  /** Token id of who made the change. */
  by: string
  action: 'create' | 'update' | 'withdraw'
  reason?: string
  before?: T
  after: T
}

/**
 * What the public has seen of an item so far, kept beside it (internal, never published as is):
 * how many times its public view changed, when it first became visible and when it last changed.
 * Edits the public cannot see (notes, a restricted entry's title, a draft) leave it alone, so the
 * public `version`, `updatedAt`, `createdAt`, ETag and iCalendar `SEQUENCE` reveal no hidden edit.
 * `version` 0: never visible. Stamped at each write (`withPublicMeta` in journal-items.ts).
 */
export interface PublicMeta {
  version: number
  createdAt?: string
  updatedAt?: string
}

/** Fields that record a change rather than say anything: never listed as what changed. */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'version', 'publicMeta'])
