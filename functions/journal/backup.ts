import { createBackup, ValidationError, type Backup } from '../core/model/index.js'
import { isPersonEmpty, readAllStoredItems, writeStoredItems, type Db } from '../store/index.js'

/** The complete owner backup of a journal: every stored item, as stored, with its checksum (core). */
export async function takeBackup(db: Db, person: string, now: Date): Promise<Backup> {
  return createBackup(person, now, await readAllStoredItems(db, person))
}

/**
 * Restores a backup (already checked whole: format, version, checksum, ownership) into an empty
 * journal; a journal that holds anything is refused, so a restore never mixes two histories.
 */
export async function restoreBackup(
  db: Db,
  person: string,
  backup: Backup,
  onProgress?: (written: number, total: number) => void,
): Promise<number> {
  if (!(await isPersonEmpty(db, person))) {
    const reason =
      `of "${person}" is not empty: restore only into an empty journal ` +
      '(a new table, or JOURNAL_PERSON for a new journal).'
    throw new ValidationError([{ field: 'journal', reason }])
  }
  await writeStoredItems(db, backup.items, (written) => onProgress?.(written, backup.itemCount))
  return backup.itemCount
}
