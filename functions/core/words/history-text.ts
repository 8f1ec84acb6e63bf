import type { Counterpart } from '../model/entry.js'
import { describeWhen, KIND_LABELS, STATUS_LABELS, type EntryTimes } from './labels.js'
import type { PublicChange, PublicRevision } from '../privacy/public-projection.js'
import type { EntryKind, EntryStatus, Locale } from '../model/vocabulary.js'

/**
 * A public revision in words, for an item's history ("changed on …: time moved from … to …"),
 * the agenda feed and the site. Values come from the projection, so they are public already.
 */
const WORDS = {
  nl: {
    created: 'Gepubliceerd', changed: 'Gewijzigd', withdrawn: 'Ingetrokken',
    moved: (a: string, b: string) => `tijd verplaatst van ${a} naar ${b}`,
    from: (what: string, a: string, b: string) => `${what} gewijzigd van ${a} in ${b}`,
    set: (what: string, b: string) => `${what}: ${b}`,
    removed: (what: string) => `${what} verwijderd`,
    touched: (what: string) => `${what} gewijzigd`,
    added: 'toegevoegd', dropped: 'weggehaald', madePublic: 'openbaar gemaakt', madeRestricted: 'afgeschermd',
    fields: { title: 'titel', kind: 'soort', status: 'status', statusNote: 'toelichting', location: 'locatie', themes: "thema's", counterparts: 'gesprekspartners', summary: 'samenvatting', links: 'links', body: 'tekst', period: 'periode', publishedAt: 'publicatiedatum' } as Record<string, string>,
  },
  en: {
    created: 'Published', changed: 'Changed', withdrawn: 'Withdrawn',
    moved: (a: string, b: string) => `time moved from ${a} to ${b}`,
    from: (what: string, a: string, b: string) => `${what} changed from ${a} to ${b}`,
    set: (what: string, b: string) => `${what}: ${b}`,
    removed: (what: string) => `${what} removed`,
    touched: (what: string) => `${what} changed`,
    added: 'added', dropped: 'removed', madePublic: 'made public', madeRestricted: 'made confidential',
    fields: { title: 'title', kind: 'kind', status: 'status', statusNote: 'note', location: 'location', themes: 'themes', counterparts: 'counterparts', summary: 'summary', links: 'links', body: 'text', period: 'period', publishedAt: 'publication date' } as Record<string, string>,
  },
}

export interface RevisionText { at: string; action: string; lines: string[]; reason?: string }

/** `Gewijzigd` + `["tijd verplaatst van … naar …"]` for one revision of an entry or post. */
export function describeRevision(revision: PublicRevision, locale: Locale, timeZone: string): RevisionText {
  const w = WORDS[locale]
  const action = revision.action === 'create' ? w.created : revision.action === 'withdraw' ? w.withdrawn : w.changed
  const changes = new Map(revision.changes.map((c) => [c.field, c]))
  const lines: string[] = []
  const timing = ['start', 'end', 'allDay', 'timezone'].filter((f) => changes.has(f))
  if (timing.length > 0) {
    const side = (key: 'from' | 'to') => Object.fromEntries(timing.map((f) => [f, changes.get(f)![key]]))
    lines.push(w.moved(...(['from', 'to'] as const).map((k) => whenOf(side(k), revision, k, locale, timeZone)) as [string, string]))
  }
  for (const change of revision.changes) {
    if (timing.includes(change.field) || change.field === 'withdrawn') continue
    const line = describeChange(change, locale)
    if (line) lines.push(line)
  }
  return { at: revision.at, action, lines, ...(revision.reason ? { reason: revision.reason } : {}) }
}

/** A time as it was before or after a change: the changed fields over the other side's values. */
function whenOf(fields: Record<string, unknown>, revision: PublicRevision, side: 'from' | 'to', locale: Locale, timeZone: string): string {
  const other = side === 'from' ? 'to' : 'from'
  const value = (f: string) => (f in fields ? fields[f] : revision.changes.find((c) => c.field === f)?.[other])
  const start = value('start') as string | undefined
  if (!start) return '—'
  const times: EntryTimes = { start, end: value('end') as string | undefined, allDay: Boolean(value('allDay') ?? !start.includes('T')), timezone: (value('timezone') as string | undefined) ?? timeZone }
  return describeWhen(times, locale, timeZone)
}

function describeChange({ field, from, to }: PublicChange, locale: Locale): string | null {
  const w = WORDS[locale]
  if (field === 'visibility') return to === 'public' ? w.madePublic : w.madeRestricted
  const what = w.fields[field] ?? field
  if (field === 'counterparts' || field === 'themes' || field === 'links') return describeListChange(what, names(from), names(to), locale)
  if (field === 'summary' || field === 'body') return w.touched(what)
  const show = (v: unknown) => valueText(field, v, locale)
  if (to === undefined) return w.removed(what)
  if (from === undefined) return w.set(what, show(to))
  return w.from(what, show(from), show(to))
}

function describeListChange(what: string, before: string[], after: string[], locale: Locale): string {
  const w = WORDS[locale]
  const added = after.filter((n) => !before.includes(n))
  const dropped = before.filter((n) => !after.includes(n))
  const parts = [added.length ? `${w.added}: ${added.join(', ')}` : '', dropped.length ? `${w.dropped}: ${dropped.join(', ')}` : ''].filter(Boolean)
  return parts.length ? `${what} — ${parts.join('; ')}` : w.touched(what)
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.map((v) => (typeof v === 'string' ? v : (v as Counterpart).name ?? (v as { url?: string }).url ?? ''))
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
