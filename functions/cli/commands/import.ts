import { readFileSync } from 'node:fs'
import { apiClient } from '../client.js'
import { CommandError, options, printJson, UsageError, type Command, type Io } from '../io.js'

interface ImportAnswer {
  created: number
  updated: number
  unchanged: number
  outsideRange: number
  range: { from: string; to: string }
  dryRun: boolean
}
type Line =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'result' } & ImportAnswer)
  | { type: 'error'; detail: string }

/** Reads NDJSON lines from a streamed response as they arrive. */
async function* lines(res: Response): AsyncGenerator<Line> {
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true })
    let newline: number
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).trim()
      buffer = buffer.slice(newline + 1)
      if (line) yield JSON.parse(line) as Line
    }
  }
}

/** "Importing 40/120 (33%)": on a terminal one line that updates itself, elsewhere a line per tenth. */
function progressPrinter(io: Io) {
  let lastTenth = -1
  return (done: number, total: number) => {
    if (total === 0) return
    const text = `Importing ${done}/${total} (${Math.round((done / total) * 100)}%)`
    if (io.isTTY) io.err(`\r${text}${done === total ? '\n' : ''}`)
    else if (Math.floor((done / total) * 10) > lastTenth) {
      lastTenth = Math.floor((done / total) * 10)
      io.err(text)
    }
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a calendar export (.ics from Outlook, Google or Apple)',
  help: `journal import — import a calendar export

Usage:
  journal import FILE.ics [--from 2015-01-01] [--to 2015-12-31] [--dry-run] [--json]

Every appointment arrives private; review and publish them in the admin (/admin/import/review).
Repeating appointments are written out between --from and --to (default: a year back and a year
ahead). Importing the same or an updated file again updates appointments instead of duplicating
them. A malformed file is refused whole, with the line and the reason: nothing is imported.
Progress is shown on stderr while the appointments are written.

Options:
  --from DATE, --to DATE  the period to import (inclusive)
  --dry-run               only report what would be created, updated or left unchanged
  --json                  print the result as JSON`,
  async run(args, io) {
    const { values, positionals } = options(
      args,
      { from: { type: 'string' }, to: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      'import',
      1,
    )
    const [file] = positionals
    if (!file)
      throw new UsageError(
        'Which file? journal import agenda.ics (export it from your calendar app as .ics / iCalendar).',
      )
    let source: string
    try {
      source = readFileSync(file, 'utf8')
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message
      throw new UsageError(`Cannot read ${file}: ${reason}.`)
    }
    const query = new URLSearchParams()
    if (values.from) query.set('from', values.from)
    if (values.to) query.set('to', values.to)
    if (values['dry-run']) query.set('dryRun', 'true')
    const api = apiClient(io)
    const res = await api.send(`/api/import/ics?${query}`, {
      method: 'POST',
      rawBody: source,
      contentType: 'text/calendar; charset=utf-8',
      headers: { Accept: 'application/x-ndjson' },
    })
    if (!res.ok) {
      const refusal = await api.refusal(res)
      throw new CommandError(refusal.message.replace(/^The calendar file cannot be imported: /, `${file}: `))
    }
    const progress = progressPrinter(io)
    for await (const line of lines(res)) {
      if (line.type === 'progress') progress(line.done, line.total)
      else if (line.type === 'error') throw new CommandError(line.detail)
      else {
        const { type: _type, ...result } = line
        if (values.json) return printJson(io, result)
        const verb = result.dryRun ? 'Would import' : 'Imported'
        io.out(
          `${verb} ${file} (${result.range.from} to ${result.range.to}): ${result.created} new, ` +
            `${result.updated} updated, ${result.unchanged} unchanged, ${result.outsideRange} outside the period.`,
        )
        if (!result.dryRun && result.created > 0)
          io.out('New appointments are private: review and publish them at /admin/import/review.')
        return
      }
    }
    throw new CommandError(
      'The import ended without a result: the connection broke. ' +
        'Run the same import again; it continues where it stopped.',
    )
  },
}
