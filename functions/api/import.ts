import { Hono, type Context } from 'hono'
import { stream } from 'hono/streaming'
import * as z from 'zod/mini'
import { IcsError, importRange, readCalendar, type CalendarImport } from '../core/calendar/index.js'
import { builtOnFirstUse, calendarDate, parseWith } from '../core/model/index.js'
import { runImport, type ImportResult, type ImportRun } from '../journal/index.js'
import type { AppEnv } from './context.js'
import { journalSettingsOf } from './journal-settings.js'
import { requireOwner } from './middleware.js'
import { problem, renderProblem } from './problem.js'
import { ownerHeaders } from './views.js'

export const importQuerySchema = builtOnFirstUse(() =>
  z.strictObject({
    from: z.optional(calendarDate),
    to: z.optional(calendarDate),
    dryRun: z.optional(z.enum(['true', 'false'])),
  }),
)

const CALENDAR_TYPES = /^(text\/calendar|application\/ics|text\/plain|application\/octet-stream)\b/i
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The body as calendar text: an .ics file sent as is, strictly UTF-8. */
async function calendarText(c: Context<AppEnv>): Promise<string> {
  if (!CALENDAR_TYPES.test(c.req.header('content-type') ?? '')) {
    throw problem(415, 'Send the .ics file itself as the body, with the header Content-Type: text/calendar.')
  }
  let source: string
  try {
    source = utf8.decode(await c.req.arrayBuffer())
  } catch {
    throw problem(
      400,
      'The calendar file is not UTF-8 text. Export it again from the calendar app (iCalendar files are UTF-8).',
    )
  }
  if (source.trim() === '') throw problem(400, 'The body is empty: send the .ics file as the body.')
  return source
}

/** Reads and checks the whole file; a bad line refuses the import before anything is written. */
async function readCalendarOrProblem(
  source: string,
  options: Parameters<typeof readCalendar>[1],
): Promise<CalendarImport> {
  try {
    return await readCalendar(source, options)
  } catch (error) {
    if (!(error instanceof IcsError)) throw error
    throw problem(
      400,
      `The calendar file cannot be imported: line ${error.line}: ${error.reason}. ` +
        'Nothing was imported; fix that line or export the calendar again.',
      {
        errors: [{ field: `line ${error.line}`, reason: error.reason }],
      },
    )
  }
}

const wantsProgress = (c: Context) => /application\/x-ndjson/i.test(c.req.header('accept') ?? '')

/**
 * `POST /api/import/ics?from=&to=&dryRun=`: imports a calendar export. Every appointment starts
 * private; a second import of the same (or an updated) file updates by UID. The answer counts
 * what was created, updated and left unchanged. With `Accept: application/x-ndjson` it streams
 * `{"type":"progress","done":n,"total":m}` lines while writing, then one `{"type":"result",…}`
 * (or `{"type":"error",…}`) line: long imports can show progress.
 */
export const importRoute = new Hono<AppEnv>().post('/ics', requireOwner, async (c) => {
  const { db, now } = c.get('deps')
  const person = c.get('person')
  const q = parseWith(importQuerySchema, c.req.query())
  const source = await calendarText(c)
  const at = now()
  const timezone = (await journalSettingsOf(c)).timeZone
  const range = importRange(q, at, timezone)
  const calendar = await readCalendarOrProblem(source, { ...range, timezone, now: at })
  const run: ImportRun = { by: c.get('token').id, now: at, dryRun: q.dryRun === 'true' }
  const answer = (result: ImportResult) => ({
    ...result,
    range,
    dryRun: run.dryRun ?? false,
    calendarName: calendar.calendarName,
  })
  if (!wantsProgress(c)) return c.json(answer(await runImport(db, person, calendar, run)), 200, ownerHeaders)

  c.header('Content-Type', 'application/x-ndjson; charset=utf-8')
  c.header('Cache-Control', 'private, no-store')
  return stream(c, async (out) => {
    const line = async (value: object) => {
      await out.write(`${JSON.stringify(value)}\n`)
    }
    try {
      const result = await runImport(db, person, calendar, {
        ...run,
        onProgress: (done, total) => line({ type: 'progress', done, total }),
      })
      await line({ type: 'result', ...answer(result) })
    } catch (error) {
      const rendered = (await renderProblem(error, c).json()) as { status: number; detail: string }
      await line({
        type: 'error',
        status: rendered.status,
        detail: `${rendered.detail} Entries written before the failure stay; import the same file again to finish.`,
      })
    }
  })
})
