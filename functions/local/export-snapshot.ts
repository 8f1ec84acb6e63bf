import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { buildPublicSnapshot, journalItemsFrom, nextChangeAt, serializeSnapshot, type PublicSnapshot } from '../core/public-snapshot.js'
import { listChangedSince, type Db } from '../store/index.js'
import { writePrivateFile } from './private-files.js'

export interface ExportedSnapshot {
  snapshot: PublicSnapshot
  /** When an embargo ends or a post comes out: the snapshot is stale from then on. */
  nextChangeAt?: string
  /** The latest change in the store this snapshot includes (for "changed since" polling). */
  lastChange?: string
}

/**
 * Reads one person's whole journal from the store (one query over the change log) and writes its
 * public snapshot to `file`: the site build's only input. The store is read here and nowhere else
 * on the publish path.
 */
export async function exportSnapshot(db: Db, person: string, file: string, now = new Date()): Promise<ExportedSnapshot> {
  const log = await listChangedSince(db, person)
  const journal = journalItemsFrom(log)
  const snapshot = buildPublicSnapshot(journal, { now })
  mkdirSync(dirname(file), { recursive: true })
  writePrivateFile(file, serializeSnapshot(snapshot))
  return { snapshot, nextChangeAt: nextChangeAt(journal, now), lastChange: latestChange(log) }
}

/** The newest `updatedAt` (or revision `at`) in a change log. */
export function latestChange(log: readonly { data: unknown }[]): string | undefined {
  let latest: string | undefined
  for (const { data } of log) {
    const at = (data as { updatedAt?: string; at?: string }).updatedAt ?? (data as { at?: string }).at
    if (at && (!latest || at > latest)) latest = at
  }
  return latest
}
