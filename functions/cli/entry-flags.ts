import { zonedParts } from '../core/time/index.js'
import { COUNTERPART_TYPES } from '../core/model/index.js'
import { UsageError } from './io.js'

/** The flags `add` and `edit` share: one per entry field, in the words of the entry schema. */
export const ENTRY_FLAGS = {
  title: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'all-day': { type: 'boolean' },
  kind: { type: 'string' },
  with: { type: 'string', multiple: true },
  theme: { type: 'string', multiple: true },
  location: { type: 'string' },
  summary: { type: 'string' },
  visibility: { type: 'string' },
  status: { type: 'string' },
  'status-note': { type: 'string' },
  timezone: { type: 'string' },
  notes: { type: 'string' },
} as const

export const ENTRY_FLAGS_HELP = `\
  --title TEXT            what it was about ("Advies over zelfsturende teams", not just "Overleg")
  --start WHEN            2015-03-16T10:00, or 10:00 for today, or 2015-03-16 with --all-day
  --end WHEN              11:30 (same day as the start) or 2015-03-16T11:30
  --all-day               a whole day (or days: --start 2015-03-25 --end 2015-03-26)
  --kind KIND             meeting, lecture, advice, interview, visit, conference, board, media, other
  --with "NAME:TYPE"      a counterpart, e.g. "Gemeente Enschede:gemeente"; repeat for more
                          types: ${COUNTERPART_TYPES.join(', ')}
  --theme THEME           a theme; repeat for more
  --location PLACE        the place, coarse ("Enschede")
  --summary TEXT          a public summary (Markdown)
  --visibility V          public, restricted (only the time slot is public) or private
  --status S              planned, held, cancelled or moved (moved needs --status-note)
  --status-note TEXT      public note on the status ("verplaatst naar 12 maart")
  --notes TEXT            your own notes, never public
  --timezone ZONE         IANA zone of the times (default: the journal's, from its profile)`

type EntryFlagValues = {
  [K in keyof typeof ENTRY_FLAGS]?: (typeof ENTRY_FLAGS)[K]['type'] extends 'boolean'
    ? boolean
    : (typeof ENTRY_FLAGS)[K] extends { multiple: true }
      ? string[]
      : string
}

function counterpart(value: string) {
  const at = value.lastIndexOf(':')
  const [name, type] = at === -1 ? [value, ''] : [value.slice(0, at).trim(), value.slice(at + 1).trim()]
  if (!name || !(COUNTERPART_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(
      `--with "${value}" must be "NAME:TYPE", e.g. --with "Gemeente Enschede:gemeente". ` +
        `TYPE is one of: ${COUNTERPART_TYPES.join(', ')}.`,
    )
  }
  return { name, type }
}

/** `10:00` means today; a full date-time or a date is taken as written. */
function when(value: string, today: string, dateOf?: string): string {
  if (/^\d{1,2}:\d{2}$/.test(value)) return `${dateOf ?? today}T${value.padStart(5, '0')}`
  return value
}

/** The entry fields the flags give (only those given: `edit` sends them as a PATCH); "today" is in `zone`. */
export function entryFields(values: EntryFlagValues, now: Date, zone: string): Record<string, unknown> {
  const today = zonedParts(now, zone).date
  const start = values.start === undefined ? undefined : when(values.start, today)
  const fields: Record<string, unknown> = {
    title: values.title,
    start,
    end: values.end === undefined ? undefined : when(values.end, today, start?.slice(0, 10)),
    allDay: values['all-day'],
    kind: values.kind,
    counterparts: values.with?.map(counterpart),
    themes: values.theme,
    location: values.location,
    summary: values.summary,
    visibility: values.visibility,
    status: values.status,
    statusNote: values['status-note'],
    timezone: values.timezone,
    notes: values.notes,
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/** Now, in the zone, rounded down to the quarter hour: the default start of `journal add`. */
export function nowQuarter(now: Date, zone: string): string {
  const { date, time } = zonedParts(now, zone)
  const minutes = Number(time.slice(3, 5))
  return `${date}T${time.slice(0, 3)}${String(minutes - (minutes % 15)).padStart(2, '0')}`
}

export interface ListedEntry {
  id: string
  start: string
  allDay?: boolean
  kind: string
  title: string
  visibility?: string
  withdrawn?: unknown
}

/** One entry on one line: `2015-03-16 10:00  advice     Advies over zelfsturende teams  [private]`. */
export function entryLine(e: ListedEntry): string {
  const at = e.allDay ? `${e.start}      ` : e.start.slice(0, 16).replace('T', ' ')
  const marks = [e.visibility && e.visibility !== 'public' ? e.visibility : '', e.withdrawn ? 'withdrawn' : ''].filter(
    Boolean,
  )
  return `${at}  ${e.kind.padEnd(10)} ${e.title}${marks.length ? `  [${marks.join(', ')}]` : ''}  (${e.id})`
}
