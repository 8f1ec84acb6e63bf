import { type CalendarImport, planImport } from '../core/calendar/index.js'
import { newEntry, revisedEntry } from '../core/model/index.js'
import { chunks } from '../shared/index.js'
import { createEntry, getEntriesBySourceUid, sourceLookupItem, updateEntry, type Db } from '../store/index.js'

/**
 * Writing a calendar import: look up what earlier imports made (by UID), plan (core), then write
 * the new and changed entries in small concurrent batches, each entry with its revision in one
 * transaction. The file was validated as a whole before this runs, so a bad file writes nothing;
 * if the database fails halfway, importing the same file again finishes the job (it updates by UID).
 */

export type ImportAction = 'created' | 'updated' | 'unchanged'

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
  /** Appointments outside the chosen range, left out. */
  outsideRange: number
  entries: { id: string; sourceUid: string; action: ImportAction }[]
}

export interface ImportRun {
  /** Token id of who imports (kept in each revision). */
  by: string
  now: Date
  /** Only report what would happen. */
  dryRun?: boolean
  /** Called before the first write and after each batch of writes. */
  onProgress?: (done: number, total: number) => void | Promise<void>
}

export const IMPORT_BATCH_SIZE = 10

export async function runImport(
  db: Db,
  person: string,
  calendar: CalendarImport,
  run: ImportRun,
): Promise<ImportResult> {
  const existing = await getEntriesBySourceUid(
    db,
    person,
    calendar.events.map((e) => e.sourceUid),
  )
  const plan = planImport(calendar.events, existing)
  const result: ImportResult = {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged.length,
    outsideRange: calendar.outsideRange,
    entries: plan.unchanged.map((e) => ({ id: e.id, sourceUid: e.sourceUid!, action: 'unchanged' as const })),
  }
  const writes = [
    ...plan.create.map((event) => async () => {
      const entry = newEntry(event.content, person, run.now)
      if (!run.dryRun)
        await createEntry(db, entry, { by: run.by, alsoPut: sourceLookupItem(person, event.sourceUid, entry.id) })
      result.entries.push({ id: entry.id, sourceUid: event.sourceUid, action: 'created' })
    }),
    ...plan.update.map(({ before, content, event }) => async () => {
      if (!run.dryRun) await updateEntry(db, before, revisedEntry(before, content, run.now), { by: run.by })
      result.entries.push({ id: before.id, sourceUid: event.sourceUid, action: 'updated' })
    }),
  ]
  await run.onProgress?.(0, writes.length)
  let done = 0
  for (const batch of chunks(writes, IMPORT_BATCH_SIZE)) {
    await Promise.all(batch.map((write) => write()))
    done += batch.length
    await run.onProgress?.(done, writes.length)
  }
  return result
}
