import { zonedParts } from '../core/time/index.js'
import {
  type CounterpartSuggestion,
  toZonedDateTime,
  type Entry,
  type FieldError,
  COUNTERPART_TYPES,
  ENTRY_KINDS,
} from '../core/model/index.js'
import { reasonIn, type Lang } from './i18n.js'
import type { FieldErrors } from './views/fields.js'

/**
 * HTML forms ↔ entry input. A form holds flat strings (`date`, `startTime`, `cp0name`, …);
 * the entry input is what the API accepts. Validation itself stays in core: the admin only
 * translates field names so each message lands beside its own input.
 */
export type FormValues = Record<string, string>

export const COUNTERPART_ROWS = 3

/**
 * The version of the item a form was opened at (its hidden `version` field). Anything but a whole
 * number matches no version, so saving it is answered as a conflict, never applied.
 */
export function formVersion(values: FormValues): number {
  const version = values.version ?? ''
  return /^(0|[1-9]\d*)$/.test(version) ? Number(version) : Number.NaN
}

/** The string fields of a parsed form body (files and repeated fields are left out). */
export function formValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as FormValues
}

export function counterpartRows(values: FormValues): number {
  const used = Object.keys(values).filter((k) => /^cp\d+name$/.test(k) && values[k]!.trim() !== '').length
  return Math.max(COUNTERPART_ROWS, used + 1)
}

export interface LastChoices {
  kind?: string
  themes?: string[]
}

/**
 * A new entry's form: today, now (to the quarter hour), public, status left to the rule, with
 * the kind and themes used last.
 */
export function newEntryValues(now: Date, zone: string, last: LastChoices = {}): FormValues {
  const { date, time } = zonedParts(now, zone)
  const minutes = Number(time.slice(3, 5))
  return {
    date,
    startTime: `${time.slice(0, 3)}${String(minutes - (minutes % 15)).padStart(2, '0')}`,
    kind: last.kind ?? 'meeting',
    themes: (last.themes ?? []).join(', '),
    visibility: 'public',
    status: '',
  }
}

const linksText = (links: Entry['links']) => links.map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n')

export function parseLinks(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, ...title] = line.split(/\s+/)
      return title.length > 0 ? { url: url!, title: title.join(' ') } : { url: url! }
    })
}

/** A stored entry as form values, in its own zone. */
export function entryValues(entry: Entry): FormValues {
  const local = (value: string) => zonedParts(new Date(value), entry.timezone)
  const start = entry.allDay ? { date: entry.start, time: '' } : local(entry.start)
  const end = entry.end === undefined ? undefined : entry.allDay ? { date: entry.end, time: '' } : local(entry.end)
  const values: FormValues = {
    title: entry.title,
    date: start.date,
    startTime: start.time,
    endTime: end?.time ?? '',
    endDate: end && end.date !== start.date ? end.date : '',
    allDay: entry.allDay ? 'on' : '',
    kind: entry.kind,
    themes: entry.themes.join(', '),
    location: entry.location ?? '',
    summary: entry.summary ?? '',
    visibility: entry.visibility,
    status: entry.status,
    statusNote: entry.statusNote ?? '',
    notes: entry.notes ?? '',
    links: linksText(entry.links),
    publishAfter: entry.publishAfter ? `${local(entry.publishAfter).date}T${local(entry.publishAfter).time}` : '',
    version: String(entry.version),
  }
  for (const [i, c] of entry.counterparts.entries())
    Object.assign(values, { [`cp${i}name`]: c.name, [`cp${i}type`]: c.type })
  return values
}

export interface FormContext {
  timezone: string
  suggestions: readonly CounterpartSuggestion[]
  existing?: Entry
  /** The message for a new organisation without a type. */
  chooseType: string
}

/**
 * The entry input a form describes. A counterpart without a chosen type takes the type it had
 * before; a new one without a type is a field error, returned rather than guessed.
 */
export function entryInputFrom(
  values: FormValues,
  context: FormContext,
): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const allDay = values.allDay === 'on'
  const date = values.date?.trim() ?? ''
  const known = new Map(context.suggestions.map((s) => [s.name.toLocaleLowerCase('nl'), s.type]))
  const counterparts = Object.keys(values)
    .filter((k) => /^cp\d+name$/.test(k))
    .sort((a, b) => parseInt(a.slice(2), 10) - parseInt(b.slice(2), 10))
    .flatMap((key) => {
      const row = key.slice(0, -4)
      const name = values[key]!.trim()
      if (name === '') return []
      const type = values[`${row}type`] || known.get(name.toLocaleLowerCase('nl'))
      if (!type || !(COUNTERPART_TYPES as readonly string[]).includes(type)) errors[`${row}type`] = context.chooseType
      return [{ name, type: type ?? '' }]
    })
  const endDate = values.endDate?.trim() || undefined
  const input: Record<string, unknown> = {
    title: values.title ?? '',
    start: allDay ? date : `${date}T${values.startTime ?? ''}`,
    end: allDay ? endDate : values.endTime ? `${endDate ?? date}T${values.endTime}` : undefined,
    allDay,
    timezone: context.existing?.timezone ?? context.timezone,
    kind: (ENTRY_KINDS as readonly string[]).includes(values.kind ?? '') ? values.kind : values.kind || undefined,
    counterparts,
    location: values.location?.trim() || undefined,
    themes: (values.themes ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    summary: values.summary?.trim() || undefined,
    links: parseLinks(values.links),
    status: values.status || undefined,
    statusNote: values.statusNote?.trim() || undefined,
    visibility: values.visibility || undefined,
    publishAfter: values.publishAfter
      ? toZonedDateTime(values.publishAfter.slice(0, 16), context.existing?.timezone ?? context.timezone)
      : undefined,
    notes: values.notes?.trim() || undefined,
    sourceUid: context.existing?.sourceUid,
  }
  return { input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), errors }
}

/** Where a core validation error belongs in the entry form. */
function entryFieldOf(field: string): string {
  const [head, index, sub] = field.split('.')
  if (head === 'counterparts') return index === undefined ? 'cp0name' : `cp${index}${sub === 'type' ? 'type' : 'name'}`
  if (head === 'start') return 'date'
  if (head === 'end') return 'endTime'
  if (head === 'themes' || head === 'links') return head
  return head ?? field
}

/** Core field errors as messages beside the entry form's own fields, in the page's language. */
export function entryFormErrors(errors: readonly FieldError[], lang: Lang): FieldErrors {
  const out: FieldErrors = {}
  for (const e of errors) out[entryFieldOf(e.field)] ??= reasonIn(lang, e.reason)
  return out
}

/** Core field errors for a form whose field names equal the input's (posts, profile). */
export function plainFormErrors(
  errors: readonly FieldError[],
  lang: Lang,
  rename: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {}
  for (const e of errors) {
    const head = e.field.split('.')[0]!
    out[rename[e.field] ?? rename[head] ?? head] ??= reasonIn(lang, e.reason)
  }
  return out
}
