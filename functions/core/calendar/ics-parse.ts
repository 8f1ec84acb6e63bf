import ICAL from 'ical.js'

/**
 * Reads iCalendar text (RFC 5545) as Outlook, Google Calendar and Apple Calendar write it into
 * ical.js components, one content line at a time: ical.js's parser of whole files names no line
 * when it fails, and every complaint here must. Folded lines are unfolded first (CRLF, LF or CR
 * line ends; a continuation starts with a space or tab); BEGIN and END are matched here.
 */

/** A file that is not valid iCalendar, with the line and the reason, in words a person can act on. */
export class IcsError extends Error {
  override name = 'IcsError'
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
  }
}

interface LogicalLine {
  text: string
  line: number
}

/** Where each component and property of a parsed file was written, by its jCal array. */
const origins = new WeakMap<object, LogicalLine>()

/** The 1-based line of the file where a component or property starts (before unfolding). */
export const lineOf = (item: ICAL.Component | ICAL.Property): number => origins.get(item.jCal)?.line ?? 0

/** Name and parameters of a content line: everything before the first ":" outside quotes. */
const NAME_AND_PARAMETERS = /^(?:[^":]|"[^"]*")*:/

/** The value of a property as the file writes it, for messages. */
export const writtenValue = (property: ICAL.Property): string =>
  (origins.get(property.jCal)?.text ?? '').replace(NAME_AND_PARAMETERS, '')

/** A property's first value as text (an X- property's as written), or undefined. */
export function textOf(component: ICAL.Component | undefined, name: string): string | undefined {
  const value: unknown = component?.getFirstPropertyValue(name)
  return typeof value === 'string' ? value : undefined
}

function unfold(source: string): LogicalLine[] {
  const physical = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const lines: LogicalLine[] = []
  physical.forEach((text, index) => {
    const previous = lines.at(-1)
    if ((text.startsWith(' ') || text.startsWith('\t')) && previous) previous.text += text.slice(1)
    else if (text.trim() !== '') lines.push({ text, line: index + 1 })
  })
  return lines
}

/** `DTSTART;TZID="W. Europe Standard Time":20150316T100000` → ical.js's jCal for it. */
function parseContentLine(logical: LogicalLine): unknown[] {
  const { text, line } = logical
  const name = /^[A-Za-z0-9-]+/.exec(text)?.[0]
  if (!name) throw new IcsError(line, `expected a property such as "SUMMARY:…", found "${clip(text)}"`)
  if (!NAME_AND_PARAMETERS.test(text)) throw new IcsError(line, `${name} has no ":" before its value`)
  let property: unknown[]
  try {
    // RFC 5545 lets FREQ=weekly mean FREQ=WEEKLY; ical.js reads only the upper case.
    property = ICAL.parse.property(/^RRULE[;:]/i.test(text) ? text.toUpperCase() : text) as unknown[]
  } catch (error) {
    const value = clip(text.replace(NAME_AND_PARAMETERS, ''))
    throw new IcsError(line, `${name.toUpperCase()} "${value}" cannot be read: ${(error as Error).message}`)
  }
  origins.set(property, logical)
  return property
}

interface OpenComponent {
  jCal: [string, unknown[], unknown[]]
  name: string
  line: number
}

/**
 * Parses a whole file into its top-level components (normally one VCALENDAR).
 * Throws IcsError for the first line that breaks the structure or cannot be read.
 */
export function parseIcs(source: string): ICAL.Component[] {
  const roots: OpenComponent[] = []
  const open: OpenComponent[] = []
  for (const logical of unfold(source)) {
    const [, keyword, value = ''] = /^(BEGIN|END):(.*)$/i.exec(logical.text) ?? []
    const name = value.trim().toUpperCase()
    const current = open.at(-1)
    if (keyword?.toUpperCase() === 'BEGIN') {
      const component: OpenComponent = { jCal: [name.toLowerCase(), [], []], name, line: logical.line }
      origins.set(component.jCal, logical)
      if (current) current.jCal[2].push(component.jCal)
      else roots.push(component)
      open.push(component)
    } else if (keyword) {
      if (!current) throw new IcsError(logical.line, `END:${name} without a BEGIN:${name} before it`)
      if (current.name !== name) throw new IcsError(logical.line, mismatch(name, current))
      open.pop()
    } else {
      const property = parseContentLine(logical)
      const stray = String(property[0]).toUpperCase()
      if (!current) throw new IcsError(logical.line, `${stray} stands outside BEGIN:VCALENDAR … END:VCALENDAR`)
      current.jCal[1].push(property)
    }
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new IcsError(unclosed.line, neverClosed(unclosed))
  return roots.map((root) => new ICAL.Component(root.jCal))
}

const mismatch = (name: string, open: OpenComponent) =>
  `END:${name} closes BEGIN:${open.name} of line ${open.line}; expected END:${open.name}`
const neverClosed = (open: OpenComponent) =>
  `BEGIN:${open.name} is never closed with END:${open.name} (is the file cut off?)`

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
