import { dropUndefined, entryContent, type Entry, type EntryContent } from '../model/entry.js'
import type { ImportedEvent } from './ics-import.js'

/**
 * What importing a calendar again does to the entries an earlier import made. The calendar
 * decides *when* and *whether* (times, cancellation) and keeps the internal notes current; the
 * servant's choices — visibility, kind, counterparts, themes, summary, links — always stay.
 * Title and place follow the calendar only while the entry is still private (not yet reviewed):
 * once published, its wording is the servant's. A withdrawn entry is left alone.
 */
export function mergeImported(existing: Entry, imported: EntryContent): EntryContent {
  const current = entryContent(existing)
  const reviewed = existing.visibility !== 'private'
  const servantStatus = existing.status === 'moved' || existing.status === 'cancelled'
  return dropUndefined({
    ...current,
    start: imported.start,
    end: imported.end,
    allDay: imported.allDay,
    timezone: imported.timezone,
    status: imported.status === 'cancelled' || !servantStatus ? imported.status : current.status,
    statusNote: imported.status === 'cancelled' || servantStatus ? current.statusNote : undefined,
    notes: imported.notes,
    title: reviewed ? current.title : imported.title,
    location: reviewed ? current.location : imported.location,
    sourceUid: imported.sourceUid,
  })
}

export interface PlannedUpdate {
  event: ImportedEvent
  before: Entry
  content: EntryContent
}

export interface ImportPlan {
  create: ImportedEvent[]
  update: PlannedUpdate[]
  /** Entries that already say what the file says (or were withdrawn). */
  unchanged: Entry[]
}

/** Sorts the file's events into new entries, changed entries and entries left as they are. */
export function planImport(events: readonly ImportedEvent[], existingBySource: ReadonlyMap<string, Entry>): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: [] }
  for (const event of events) {
    const before = existingBySource.get(event.sourceUid)
    if (!before) {
      plan.create.push(event)
      continue
    }
    const content = mergeImported(before, event.content)
    if (before.withdrawn || sameContent(content, entryContent(before))) plan.unchanged.push(before)
    else plan.update.push({ event, before, content })
  }
  return plan
}

function sameContent(a: object, b: object): boolean {
  const canonical = (value: object) =>
    JSON.stringify(Object.entries(dropUndefined(value)).sort(([x], [y]) => x.localeCompare(y)))
  return canonical(a) === canonical(b)
}
