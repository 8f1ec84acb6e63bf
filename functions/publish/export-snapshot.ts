import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  buildPublicSnapshot,
  journalItemsFrom,
  nextChangeAt,
  serializeSnapshot,
  type PublicSnapshot,
} from '../core/publishing/index.js'
import type { PublicOrganisation } from '../core/privacy/index.js'
import { listChangedSince, type Db } from '../store/index.js'

export interface ExportedSnapshot {
  snapshot: PublicSnapshot
  /** When an embargo ends or a post comes out: the snapshot is stale from then on. */
  nextChangeAt?: string
  /** The change log as this export read it (see `changeLogFingerprint`): the watcher compares the store with it. */
  fingerprint: string
}

/**
 * Reads one person's whole journal from the store (one query over the change log) and writes its
 * public snapshot to `file`: the site build's only input. The store is read here and nowhere else
 * on the publish path. The file holds only public data, yet it is its owner's only, like
 * everything in the journal's folder (`.journal/`) where it is kept locally. A servant's journal
 * on an organisation's site names its `organisation`.
 */
export async function exportSnapshot(
  db: Db,
  person: string,
  file: string,
  now = new Date(),
  organisation?: PublicOrganisation,
): Promise<ExportedSnapshot> {
  const exported = await readPublicSnapshot(db, person, now, organisation)
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  writeFileSync(file, serializeSnapshot(exported.snapshot), { mode: 0o600 })
  chmodSync(file, 0o600)
  return exported
}

/** One person's public snapshot as of `now`, read from the store (one query over the change log). */
export async function readPublicSnapshot(
  db: Db,
  person: string,
  now = new Date(),
  organisation?: PublicOrganisation,
): Promise<ExportedSnapshot> {
  const log = await listChangedSince(db, person)
  const journal = journalItemsFrom(log)
  const snapshot = { ...buildPublicSnapshot(journal, { now }), ...(organisation && { organisation }) }
  const fingerprint = changeLogFingerprint(log.map((item) => item.position))
  return { snapshot, nextChangeAt: nextChangeAt(journal, now), fingerprint }
}

/**
 * A change log's fingerprint: its positions (time of last write, key and version of every item),
 * hashed. An export records the one it read; comparing it with the store's now says whether
 * anything changed since, whatever the timestamps say (see functions/local/site-watcher.ts).
 */
export function changeLogFingerprint(positions: readonly string[]): string {
  return `${positions.length}:${createHash('sha256')
    .update([...positions].sort().join('\n'))
    .digest('hex')}`
}
