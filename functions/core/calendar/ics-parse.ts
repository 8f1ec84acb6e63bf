/**
 * Reads iCalendar text (RFC 5545) as Outlook, Google Calendar and Apple Calendar write it into
 * components and properties that remember the line they started on, so every later complaint
 * can name it. Folded lines are unfolded (CRLF, LF or CR line ends; a continuation starts with a
 * space or tab); parameter values may be quoted; text values are unescaped on request.
 */

export interface IcsProperty {
  name: string
  params: Record<string, string>
  value: string
  /** 1-based line of the file where the property starts (before unfolding). */
  line: number
}

export interface IcsComponent {
  name: string
  line: number
  properties: IcsProperty[]
  components: IcsComponent[]
}

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

const NAME = /^[A-Za-z0-9-]+/

/** `DTSTART;TZID="W. Europe Standard Time":20150316T100000` → name, params, value. */
export function parseContentLine({ text, line }: LogicalLine): IcsProperty {
  const name = NAME.exec(text)?.[0]
  if (!name) throw new IcsError(line, `expected a property such as "SUMMARY:…", found "${clip(text)}"`)
  const params: Record<string, string> = {}
  let at = name.length
  while (text[at] === ';') {
    const paramName = NAME.exec(text.slice(at + 1))?.[0]
    if (!paramName || text[at + 1 + paramName.length] !== '=')
      throw new IcsError(line, `a parameter of ${name} is not written NAME=value: "${clip(text)}"`)
    at += paramName.length + 2
    const values: string[] = []
    for (;;) {
      if (text[at] === '"') {
        const close = text.indexOf('"', at + 1)
        if (close === -1) throw new IcsError(line, `a quoted parameter value of ${name} is never closed with "`)
        values.push(text.slice(at + 1, close))
        at = close + 1
      } else {
        const end = text.slice(at).search(/[;:,]/)
        if (end === -1) break
        values.push(text.slice(at, at + end))
        at += end
      }
      if (text[at] !== ',') break
      at += 1
    }
    params[paramName.toUpperCase()] = values.join(',')
  }
  if (text[at] !== ':') throw new IcsError(line, `${name} has no ":" before its value`)
  return { name: name.toUpperCase(), params, value: text.slice(at + 1), line }
}

/**
 * Parses a whole file into its top-level components (normally one VCALENDAR).
 * Throws IcsError for the first line that breaks the structure.
 */
export function parseIcs(source: string): IcsComponent[] {
  const roots: IcsComponent[] = []
  const open: IcsComponent[] = []
  for (const logical of unfold(source)) {
    const property = parseContentLine(logical)
    const current = open.at(-1)
    if (property.name === 'BEGIN') {
      const component: IcsComponent = {
        name: property.value.trim().toUpperCase(),
        line: property.line,
        properties: [],
        components: [],
      }
      ;(current ? current.components : roots).push(component)
      open.push(component)
    } else if (property.name === 'END') {
      const name = property.value.trim().toUpperCase()
      if (!current) throw new IcsError(property.line, `END:${name} without a BEGIN:${name} before it`)
      if (current.name !== name)
        throw new IcsError(
          property.line,
          `END:${name} closes BEGIN:${current.name} of line ${current.line}; expected END:${current.name}`,
        )
      open.pop()
    } else if (!current) {
      throw new IcsError(property.line, `${property.name} stands outside BEGIN:VCALENDAR … END:VCALENDAR`)
    } else {
      current.properties.push(property)
    }
  }
  const unclosed = open.at(-1)
  if (unclosed)
    throw new IcsError(
      unclosed.line,
      `BEGIN:${unclosed.name} is never closed with END:${unclosed.name} (is the file cut off?)`,
    )
  return roots
}

/** A TEXT value unescaped: `\\n` → newline, `\\,` → `,`, `\\;` → `;`, `\\\\` → `\\`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** The first property of that name, if any. */
export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name)
}

export function props(component: IcsComponent, name: string): IcsProperty[] {
  return component.properties.filter((p) => p.name === name)
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
