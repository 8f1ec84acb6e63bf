import { createHash } from 'node:crypto'
import { ValidationError } from './validation.js'

/**
 * The owner backup file: every stored item of one person's journal (private items and revisions
 * included), exactly as stored, with a format name, a version and a SHA-256 checksum over the
 * items. Pure: reading and writing the store is the store's job.
 */
export const BACKUP_FORMAT = 'open-agenda-journal/backup'
export const BACKUP_VERSION = 1

/** A stored item as DynamoDB AttributeValues (`{ pk: { S: '…' }, version: { N: '3' } }`). */
export type StoredItem = Record<string, Record<string, unknown>>

export interface Backup {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  person: string
  createdAt: string
  itemCount: number
  checksum: string
  items: StoredItem[]
}

function checksumOf(items: StoredItem[]): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(items)).digest('hex')}`
}

/** Items are sorted by key so the same journal always gives the same file. */
export function createBackup(person: string, createdAt: Date, items: StoredItem[]): Backup {
  const key = (i: StoredItem) => `${i.pk?.S}\u0000${i.sk?.S}`
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    person,
    createdAt: createdAt.toISOString(),
    itemCount: sorted.length,
    checksum: checksumOf(sorted),
    items: sorted,
  }
}

const refuse = (reason: string) => new ValidationError([{ field: 'backup', reason }])

/**
 * Reads a backup file and refuses, before anything is written, one that is truncated, corrupt,
 * of another format or version, or not of `person`'s journal.
 */
export function parseBackup(text: string, person: string): Backup {
  let backup: Backup
  try {
    backup = JSON.parse(text) as Backup
  } catch {
    throw refuse('is not complete JSON: the file is truncated or damaged. Use another copy.')
  }
  if (backup?.format !== BACKUP_FORMAT)
    throw refuse(`is not an Open Agenda Journal backup (format "${String(backup?.format)}").`)
  if (backup.version !== BACKUP_VERSION)
    throw refuse(
      `has version ${String(backup.version)}; this journal reads ` +
        `version ${BACKUP_VERSION}. Use the journal version that wrote it.`,
    )
  if (!Array.isArray(backup.items) || backup.items.length !== backup.itemCount)
    throw refuse(`should hold ${backup.itemCount} items but holds ${backup.items?.length ?? 0}: it is truncated.`)
  if (checksumOf(backup.items) !== backup.checksum)
    throw refuse('does not match its checksum: it was changed or damaged after it was written. Use another copy.')
  if (backup.person !== person)
    throw refuse(`is of the journal of "${backup.person}", not of "${person}". Set JOURNAL_PERSON to restore it.`)
  backup.items.forEach((item, index) => {
    const data = item.data?.S
    if (typeof item.pk?.S !== 'string' || typeof item.sk?.S !== 'string' || typeof data !== 'string')
      throw refuse(`item ${index} lacks its keys or data.`)
    if ((JSON.parse(data) as { person?: string }).person !== person && item.type?.S !== 'idempotency')
      throw refuse(`item ${index} (${item.pk.S}) belongs to another journal.`)
  })
  return backup
}
