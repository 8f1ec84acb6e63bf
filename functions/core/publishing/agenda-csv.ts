import { entryLocalTimes, KIND_LABELS, STATUS_LABELS } from '../words/labels.js'
import { absoluteUrl, entryPath } from './paths.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * The agenda as CSV open data (RFC 4180: comma-separated, quoted where needed, CRLF), one row per
 * entry and counterpart, with the columns of the UK's ministerial-meetings releases (person,
 * date, organisation, purpose) followed by what this journal adds.
 */
export const CSV_COLUMNS = [
  'person',
  'date',
  'start_time',
  'end_date',
  'end_time',
  'organisation',
  'organisation_type',
  'purpose',
  'kind',
  'themes',
  'location',
  'status',
  'status_note',
  'confidential',
  'withdrawn',
  'url',
  'entry_id',
] as const

export interface CsvOptions {
  person: string
  site: string
  locale: Locale
  timezone: string
}

export function toAgendaCsv(entries: readonly PublicEntry[], options: CsvOptions): string {
  const rows = entries.flatMap((entry) => rowsOf(entry, options))
  const lines = [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(','))
  return `${lines.join('\r\n')}\r\n`
}

function rowsOf(entry: PublicEntry, { person, site, locale, timezone }: CsvOptions): string[][] {
  const t = entryLocalTimes(entry, timezone)
  const counterparts = entry.counterparts.length ? entry.counterparts : [undefined]
  return counterparts.map((c) =>
    [
      person,
      t.date,
      t.startTime ?? '',
      t.endDate ?? '',
      t.endTime ?? '',
      c?.name ?? '',
      c?.type ?? '',
      entry.title,
      KIND_LABELS[locale][entry.kind],
      entry.themes.join('; '),
      entry.location ?? '',
      STATUS_LABELS[locale][entry.status],
      entry.statusNote ?? '',
      entry.visibility === 'restricted' ? 'yes' : 'no',
      entry.withdrawn ? entry.withdrawn.at.slice(0, 10) : '',
      absoluteUrl(site, entryPath(entry.id)),
      entry.id,
    ].map((cell, i) => (FREE_TEXT.has(i) ? defuse(cell) : cell)),
  )
}

/** Columns a person typed: a leading `=`, `+`, `-` or `@` there would run as a formula in a spreadsheet. */
const FREE_TEXT = new Set([5, 7, 9, 10, 12])
const defuse = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
