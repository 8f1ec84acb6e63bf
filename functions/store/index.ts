/**
 * The journal store: the only code that builds DynamoDB commands. One table (table.ts); every key
 * and sort position is built in keys.ts and nowhere else. What the journal does with these (generate
 * a digest, import a calendar, change an item as its writer read it) is in functions/journal.
 * Access patterns, one function each; none of them scans:
 *
 * - one entry by id                                           → getEntry
 * - entries of a person with start in a time range, paged     → listEntries (GSI1, newest or oldest first)
 * - every entry in a range, all pages (digests, reports)     → listAllEntries (GSI1)
 * - entries of several people in a range, merged, paged       → listEntriesOfPeople (GSI1, a Query per person)
 * - the revisions of an entry / a post, oldest first          → listEntryRevisions / listPostRevisions
 * - create / update (optimistic, with revision) an entry      → createEntry / updateEntry
 * - one post by slug; posts by publication date, paged        → getPost / listPosts (GSI1)
 * - create / update (optimistic, with revision) a post        → createPost / updatePost
 * - the profile of a person; replace it optimistically        → getProfile / putProfile
 * - the zone and language of a person's journal (its profile) → getJournalSettings
 * - the token with this secret's digest; a person's tokens    → getTokenByDigest / listTokens (GSI1)
 * - store / revoke a token                                    → putToken / revokeToken
 * - store / read / end an admin session (TTL `expiresAt`)     → putSession / getSession / deleteSession
 * - end all of a person's sessions, or those of one token     → deleteSessions (GSI1)
 * - the first answer to an Idempotency-Key (TTL `expiresAt`)  → getIdempotencyRecord / idempotencyItem
 * - the digest of a week; a person's digests, newest first    → getDigest / listDigests (GSI1)
 * - store / remove a digest (optimistic on version)           → putDigest / deleteDigest
 * - everything a person changed since T                       → listChangedSince (GSI2)
 * - where each item stands in that change log (keys only)     → listChangePositions (GSI2)
 * - the entries imported earlier from these calendar UIDs     → getEntriesBySourceUid / sourceLookupItem
 * - every stored item of a person, raw; restore raw items     → readAllStoredItems / writeStoredItems (backups)
 * - whether a person's journal holds nothing at all           → isPersonEmpty (restores)
 * - whether a person's journal holds any item (site layout)   → hasJournalItems
 * - the organisation; replace it optimistically               → getOrganisation / putOrganisation
 * - one servant; every servant by slug                        → getServant / listServants (GSI1)
 * - add a servant with their first token (one transaction)    → addServant
 * - change a servant, revoking tokens in the same transaction → updateServant
 * - a servant's new first token, revoking their working ones   → replaceFirstToken
 * - the key sealing listing cursors, created on first use     → cursorKey (cursor-key.ts; read once per process)
 * - what the AWS publisher built of each part of the site      → getPublishState / listPublishStates / putPublishState
 * - whose site a changed item (stream key) bears on             → publishedChangeOf (keys.ts)
 */
export * from './db.js'
export * from './cursor.js'
export * from './table.js'
export * from './paging.js'
export * from './entry-store.js'
export * from './post-store.js'
export * from './profile-store.js'
export * from './token-store.js'
export * from './organisation-store.js'
export * from './organisation-entries.js'
export * from './session-store.js'
export * from './idempotency-store.js'
export * from './changes-store.js'
export * from './import-store.js'
export * from './digest-store.js'
export * from './backup-store.js'
export * from './publish-state.js'
export { publishedChangeOf } from './keys.js'
export { ensureTable } from './ensure-table.js'
