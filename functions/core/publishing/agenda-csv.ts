import { entryLocalTimes, KIND_LABELS, STATUS_LABELS } from '../words/labels.js'
import { absoluteUrl, entryPagePath } from './paths.js'
import { xmlSafe } from '../model/control-characters.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * The agenda as CSV open data, one row per entry and counterpart, with the columns of the UK's
 * ministerial-meetings releases (person, date, organisation, purpose) followed by what this journal
 * adds. Written for the journalist who double-clicks it in Excel with Dutch settings: UTF-8 with a
 * byte-order mark (else Excel reads it as Windows-1252 and "Financiën" breaks) and semicolons
 * (the list separator of nl-NL, so Excel splits the columns); otherwise RFC 4180 (quoted where
 * needed, CRLF). Parsers read it with `delimiter=';'` and `encoding='utf-8-sig'` (docs/decisions.md).
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

/** An entry of one journal, or of the organisation's timeline, which names its servant (`person`). */
type CsvEntry = PublicEntry & { person?: string }

export interface CsvOptions {
  /** The name in the first column: the journal's owner, or per entry on the organisation's timeline. */
  person: string | ((entry: CsvEntry) => string)
  site: string
  locale: Locale
  timezone: string
}

/** What separates the cells: the list separator Excel uses with Dutch regional settings. */
export const CSV_DELIMITER = ';'

/** Marks the file as UTF-8 for Excel; parsers that know BOMs (`utf-8-sig`) drop it. */
const BYTE_ORDER_MARK = '\uFEFF'

export function toAgendaCsv(entries: readonly CsvEntry[], options: CsvOptions): string {
  const rows = entries.flatMap((entry) => rowsOf(entry, options))
  const lines = [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(CSV_DELIMITER))
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`
}

function rowsOf(entry: CsvEntry, { person, site, locale, timezone }: CsvOptions): string[][] {
  const t = entryLocalTimes(entry, timezone)
  const counterparts = entry.counterparts.length ? entry.counterparts : [undefined]
  return counterparts.map((c) =>
    [
      typeof person === 'string' ? person : person(entry),
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
      absoluteUrl(site, entryPagePath(entry)),
      entry.id,
    ].map((cell) => defuse(xmlSafe(cell))),
  )
}

/**
 * Characters XML forbids are dropped from every file the site publishes, and from a cell before
 * it is checked: a title `\uFFFF=1+1` would otherwise begin with `=` once they are gone.
 *
 * A cell beginning with `=`, `+`, `-` or `@` (or a tab or carriage return before one) would run as
 * a formula in a spreadsheet: it gets a leading apostrophe, which Excel and LibreOffice read as
 * "this is text" (OWASP's advice). Every cell is checked, not only typed ones: the person's name
 * is typed too, and no generated value (dates, times, labels, URLs, ids) begins with one of these.
 */
const defuse = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)

/** RFC 4180 quoting, with the semicolon as the character that forces quotes instead of the comma. */
function csvCell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
