import { readFileSync } from 'node:fs'
import { parseBackup } from '../core/model/index.js'
import { restoreBackup, takeBackup } from '../journal/index.js'
import type { Db } from '../store/index.js'
import { writePrivateFile } from './private-files.js'

/** Writes the complete owner backup of a journal to `file` (its owner's only); returns the number of items. */
export async function backupToFile(db: Db, person: string, file: string, now = new Date()): Promise<number> {
  const backup = await takeBackup(db, person, now)
  writePrivateFile(file, `${JSON.stringify(backup)}\n`)
  return backup.itemCount
}

/**
 * Restores a backup file into an empty journal. The file is checked completely (format, version,
 * checksum, ownership) before the first write; a journal that holds anything is refused.
 */
export async function restoreFromFile(
  db: Db,
  person: string,
  file: string,
  onProgress?: (written: number, total: number) => void,
): Promise<number> {
  return restoreBackup(db, person, parseBackup(readFileSync(file, 'utf8'), person), onProgress)
}
