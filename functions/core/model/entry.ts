import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { zonedParts, zonedToInstant } from '../time/dates.js'
import { defaultStatus } from './entry-status.js'
import { calendarDate, dateTime, instant, link, longText, text, timeZone } from './primitives.js'
import type { PublicMeta } from './revision.js'
import { parseWith, ValidationError, type FieldError } from './validation.js'
import { COUNTERPART_TYPES, ENTRY_KINDS, ENTRY_STATUSES, VISIBILITIES } from './vocabulary.js'

export const counterpartSchema = builtOnFirstUse(() =>
  z.strictObject({
    name: text(150),
    type: z.enum(COUNTERPART_TYPES),
  }),
)
export type Counterpart = z.infer<typeof counterpartSchema>

const entryFields = builtOnFirstUse(() => ({
  start: z.string(),
  end: z.optional(z.string()),
  allDay: z.optional(z.boolean()),
  timezone: z.optional(timeZone),
  title: text(200),
  kind: z.enum(ENTRY_KINDS),
  counterparts: z.optional(z.array(counterpartSchema).check(z.maxLength(30))),
  location: z.optional(text(120)),
  themes: z.optional(z.array(text(60)).check(z.maxLength(12))),
  summary: z.optional(longText(20_000)),
  links: z.optional(z.array(link).check(z.maxLength(20))),
  status: z.optional(z.enum(ENTRY_STATUSES)),
  statusNote: z.optional(text(500)),
  visibility: z.enum(VISIBILITIES),
  publishAfter: z.optional(instant),
  /** Internal: the servant's own notes. Never public. */
  notes: z.optional(longText(20_000)),
  /** Internal: the calendar UID an imported entry came from, so a re-import updates it. */
  sourceUid: z.optional(text(500)),
}))

/** What a servant sends to create or replace an entry. */
export const entryInputSchema = builtOnFirstUse(() => z.strictObject(entryFields))
export type EntryInput = z.infer<typeof entryInputSchema>

/** What a PATCH may send: any subset of the input fields. */
export const entryPatchSchema = builtOnFirstUse(() =>
  z.strictObject({
    ...Object.fromEntries(Object.entries(entryFields).map(([k, v]) => [k, z.optional(v)])),
  } as { [K in keyof typeof entryFields]: z.ZodMiniOptional<(typeof entryFields)[K]> }),
)
export type EntryPatch = z.infer<typeof entryPatchSchema>

export const withdrawalSchema = builtOnFirstUse(() => z.strictObject({ reason: text(500) }))

/** An entry as stored: normalised input plus identity, owner and bookkeeping. */
export interface Entry {
  id: string
  person: string
  start: string
  end?: string
  allDay: boolean
  timezone: string
  title: string
  kind: EntryInput['kind']
  counterparts: Counterpart[]
  location?: string
  themes: string[]
  summary?: string
  links: { url: string; title?: string }[]
  status: NonNullable<EntryInput['status']>
  statusNote?: string
  visibility: EntryInput['visibility']
  publishAfter?: string
  notes?: string
  sourceUid?: string
  withdrawn?: { at: string; reason: string }
  createdAt: string
  updatedAt: string
  version: number
  /** Internal: what the public has seen of this entry (see `PublicMeta`). */
  publicMeta?: PublicMeta
}

/** The fields of an entry that come from its author (everything but identity and bookkeeping). */
export type EntryContent = Omit<
  Entry,
  'id' | 'person' | 'createdAt' | 'updatedAt' | 'version' | 'withdrawn' | 'publicMeta'
>

/** Writes a wall-clock or offset date-time as local time with the zone's offset: `2015-03-16T10:00:00+01:00`. */
export function toZonedDateTime(value: string, zone: string): string {
  const at = value.length === 16 ? zonedToInstant(value.slice(0, 10), value.slice(11, 16), zone) : new Date(value)
  const { date, time, offsetMinutes } = zonedParts(at, zone)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const hours = String(Math.floor(abs / 60)).padStart(2, '0')
  const minutes = String(abs % 60).padStart(2, '0')
  return `${date}T${time}:00${sign}${hours}:${minutes}`
}

function checkTimes(input: EntryInput, zone: string): FieldError[] {
  const errors: FieldError[] = []
  const dateSchema = input.allDay ? calendarDate : dateTime
  const shape = input.allDay ? 'a date (YYYY-MM-DD) because allDay is true' : 'a date and time like 2015-03-16T10:00'
  for (const field of ['start', 'end'] as const) {
    const value = input[field]
    if (value !== undefined && !dateSchema.safeParse(value).success) errors.push({ field, reason: `must be ${shape}` })
  }
  if (errors.length === 0 && input.end !== undefined) {
    const [start, end] = input.allDay
      ? [input.start, input.end]
      : [toZonedDateTime(input.start, zone), toZonedDateTime(input.end, zone)]
    const endsBefore = input.allDay ? end < start : Date.parse(end) <= Date.parse(start)
    if (endsBefore)
      errors.push({ field: 'end', reason: input.allDay ? 'must be on or after start' : 'must be after start' })
  }
  return errors
}

/** What the journal supplies to an entry that leaves it out. */
export interface EntryDefaults {
  /** The journal's zone (its profile's): times sent without a zone are in it, and the entry keeps it. */
  timeZone: string
  /** The moment of writing: without a status the entry is planned if it starts later, else held. */
  now: Date
}

/**
 * Validates an entry input and returns its normalised content: defaults filled in, times written
 * with the zone's offset, themes de-duplicated. Throws ValidationError naming each bad field.
 */
export function normalizeEntryInput(raw: unknown, journal: EntryDefaults): EntryContent {
  const input = parseWith(entryInputSchema, raw)
  const zone = input.timezone ?? journal.timeZone
  const errors = checkTimes(input, zone)
  if (input.statusNote === undefined && input.status === 'moved') {
    errors.push({
      field: 'statusNote',
      reason: 'is required when status is moved: say where to (e.g. "verplaatst naar 12 maart")',
    })
  }
  if (errors.length > 0) throw new ValidationError(errors)
  const allDay = input.allDay ?? false
  const zoned = (v: string) => (allDay ? v : toZonedDateTime(v, zone))
  const start = zoned(input.start)
  return dropUndefined({
    ...input,
    start,
    end: input.end === undefined ? undefined : zoned(input.end),
    allDay,
    timezone: zone,
    counterparts: input.counterparts ?? [],
    themes: [...new Set(input.themes ?? [])],
    links: input.links ?? [],
    status: input.status ?? defaultStatus(entryStartInstant({ start, allDay, timezone: zone }), journal.now),
  })
}

/** The content of `entry` with `patch` applied; the result is validated as a whole. */
export function applyEntryPatch(entry: Entry, rawPatch: unknown): EntryContent {
  const patch = parseWith(entryPatchSchema, rawPatch)
  // A stored entry always has its zone and status, so the journal's defaults never apply here.
  return normalizeEntryInput(dropUndefined({ ...entryContent(entry), ...patch }), {
    timeZone: entry.timezone,
    now: new Date(entry.updatedAt),
  })
}

/** The author-written part of a stored entry, in input shape. */
export function entryContent(entry: Entry): EntryContent {
  const {
    id: _i,
    person: _p,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    withdrawn: _w,
    publicMeta: _m,
    ...content
  } = entry
  return content
}

/** The instant an entry starts; the key entries are ordered and ranged by. */
export function entryStartInstant(entry: Pick<Entry, 'start' | 'allDay' | 'timezone'>): Date {
  return entry.allDay ? zonedToInstant(entry.start, '00:00', entry.timezone) : new Date(entry.start)
}

/** A copy of `value` without its undefined fields, keys in the same order (a hot path of every listing). */
export function dropUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {}
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key]
    if (field !== undefined) copy[key] = field
  }
  return copy as T
}
