import type { Counterpart } from '../model/entry.js'
import { describeWhen, KIND_LABELS, STATUS_LABELS, type EntryTimes } from './labels.js'
import { WORDS } from './catalogue.js'
import type { PublicChange, PublicRevision } from '../privacy/public-projection.js'
import type { EntryKind, EntryStatus, Locale } from '../model/vocabulary.js'

/**
 * A public revision in words, for an item's history ("changed on …: time moved from … to …"),
 * the agenda feed and the site. Values come from the projection, so they are public already.
 */

export interface RevisionText {
  at: string
  action: string
  lines: string[]
  reason?: string
}

/** `Gewijzigd` + `["tijd verplaatst van … naar …"]` for one revision of an entry or post. */
export function describeRevision(revision: PublicRevision, locale: Locale, timeZone: string): RevisionText {
  const m = WORDS[locale]
  const action = revision.action === 'create' ? m.published : revision.action === 'withdraw' ? m.withdrawn : m.changed
  const changes = new Map(revision.changes.map((c) => [c.field, c]))
  const lines: string[] = []
  const timing = ['start', 'end', 'allDay', 'timezone'].filter((f) => changes.has(f))
  if (timing.length > 0) {
    const side = (key: 'from' | 'to') => Object.fromEntries(timing.map((f) => [f, changes.get(f)![key]]))
    const when = (key: 'from' | 'to') => whenOf(side(key), revision, key, locale, timeZone)
    lines.push(m.history.moved(when('from'), when('to')))
  }
  for (const change of revision.changes) {
    if (timing.includes(change.field) || change.field === 'withdrawn') continue
    const line = describeChange(change, locale)
    if (line) lines.push(line)
  }
  return { at: revision.at, action, lines, ...(revision.reason ? { reason: revision.reason } : {}) }
}

/** A time as it was before or after a change: the changed fields over the other side's values. */
function whenOf(
  fields: Record<string, unknown>,
  revision: PublicRevision,
  side: 'from' | 'to',
  locale: Locale,
  timeZone: string,
): string {
  const other = side === 'from' ? 'to' : 'from'
  const value = (f: string) => (f in fields ? fields[f] : revision.changes.find((c) => c.field === f)?.[other])
  const start = value('start') as string | undefined
  if (!start) return '—'
  const times: EntryTimes = {
    start,
    end: value('end') as string | undefined,
    allDay: Boolean(value('allDay') ?? !start.includes('T')),
    timezone: (value('timezone') as string | undefined) ?? timeZone,
  }
  return describeWhen(times, locale, timeZone)
}

function describeChange({ field, from, to }: PublicChange, locale: Locale): string | null {
  const w = WORDS[locale].history
  if (field === 'visibility') return to === 'public' ? w.madePublic : w.madeRestricted
  const what = Object.hasOwn(w.fields, field) ? w.fields[field as keyof typeof w.fields] : field
  if (field === 'counterparts' || field === 'themes' || field === 'links')
    return describeListChange(what, names(from), names(to), locale)
  if (field === 'summary' || field === 'body') return w.touched(what)
  const show = (v: unknown) => valueText(field, v, locale)
  if (to === undefined) return w.removed(what)
  if (from === undefined) return w.set(what, show(to))
  return w.from(what, show(from), show(to))
}

function describeListChange(what: string, before: string[], after: string[], locale: Locale): string {
  const w = WORDS[locale].history
  const added = after.filter((n) => !before.includes(n))
  const dropped = before.filter((n) => !after.includes(n))
  const parts = [
    added.length ? `${w.added}: ${added.join(', ')}` : '',
    dropped.length ? `${w.dropped}: ${dropped.join(', ')}` : '',
  ].filter(Boolean)
  return parts.length ? `${what} — ${parts.join('; ')}` : w.touched(what)
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map((v) => (typeof v === 'string' ? v : ((v as Counterpart).name ?? (v as { url?: string }).url ?? '')))
}

function valueText(field: string, value: unknown, locale: Locale): string {
  if (field === 'kind') return KIND_LABELS[locale][value as EntryKind] ?? String(value)
  if (field === 'status') return (STATUS_LABELS[locale][value as EntryStatus] ?? String(value)).toLowerCase()
  if (typeof value === 'string') return `“${value}”`
  if (value && typeof value === 'object' && 'from' in value) {
    const period = value as { from: string; to: string }
    return `${period.from} – ${period.to}`
  }
  return String(value)
}
