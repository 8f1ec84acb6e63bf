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
