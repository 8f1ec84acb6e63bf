import { readFileSync } from 'node:fs'
import { createBackup, parseBackup, ValidationError } from '../core/model/index.js'
import { isPersonEmpty, readAllStoredItems, writeStoredItems, type Db } from '../store/index.js'
import { writePrivateFile } from './private-files.js'

/** Writes the complete owner backup of a journal to `file`; returns the number of items. */
export async function backupToFile(db: Db, person: string, file: string, now = new Date()): Promise<number> {
  const backup = createBackup(person, now, await readAllStoredItems(db, person))
  writePrivateFile(file, `${JSON.stringify(backup)}\n`)
  return backup.itemCount
}

/**
 * Restores a backup into an empty journal. The file is checked completely (format, version,
 * checksum, ownership) before the first write; a journal that holds anything is refused.
 */
export async function restoreFromFile(db: Db, person: string, file: string, onProgress?: (written: number, total: number) => void): Promise<number> {
  const backup = parseBackup(readFileSync(file, 'utf8'), person)
  if (!(await isPersonEmpty(db, person))) {
    throw new ValidationError([{ field: 'journal', reason: `of "${person}" is not empty: restore only into an empty journal (a new table, or JOURNAL_PERSON for a new journal).` }])
  }
  await writeStoredItems(db, backup.items, (written) => onProgress?.(written, backup.itemCount))
  return backup.itemCount
}
