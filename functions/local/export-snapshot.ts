import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { buildPublicSnapshot, journalItemsFrom, nextChangeAt, serializeSnapshot, type PublicSnapshot } from '../core/publishing/index.js'
import { listChangedSince, type Db } from '../store/index.js'
import { writePrivateFile } from './private-files.js'
import { changeLogFingerprint } from './site-watcher.js'

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
 * on the publish path.
 */
export async function exportSnapshot(db: Db, person: string, file: string, now = new Date()): Promise<ExportedSnapshot> {
  const log = await listChangedSince(db, person)
  const journal = journalItemsFrom(log)
  const snapshot = buildPublicSnapshot(journal, { now })
  mkdirSync(dirname(file), { recursive: true })
  writePrivateFile(file, serializeSnapshot(snapshot))
  return { snapshot, nextChangeAt: nextChangeAt(journal, now), fingerprint: changeLogFingerprint(log.map((item) => item.position)) }
}
