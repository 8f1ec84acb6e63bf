import { DEFAULT_SETTINGS } from '../../core/model/index.js'
import { apiClient } from '../client.js'
import { entryFields, entryLine, ENTRY_FLAGS, ENTRY_FLAGS_HELP, type ListedEntry } from '../entry-flags.js'
import { options, printJson, UsageError, type Command } from '../io.js'

export const edit: Command = {
  name: 'edit',
  summary: 'change an appointment',
  help: `journal edit — change some fields of an appointment

Usage:
  journal edit ID [--title TEXT] [--start WHEN] … [--reason TEXT] [--json]

Only the fields you give change. The change is kept in the appointment's history, with --reason
as its public explanation. If someone changed the appointment meanwhile, nothing is saved:
run the command again.

Options:
${ENTRY_FLAGS_HELP}
  --reason TEXT           public reason for the change ("op verzoek van de gemeente verzet")
  --json                  print the changed entry as JSON`,
  async run(args, io) {
    const { values, positionals } = options(args, { ...ENTRY_FLAGS, reason: { type: 'string' } }, 'edit', 1)
    const [id] = positionals
    if (!id)
      throw new UsageError(
        'Which appointment? Give its id: journal edit 01HV… --title "…" (journal list shows the ids).',
      )
    const api = apiClient(io)
    // The zone only puts a bare time (`--start 10:00`) on today: ask the profile only then.
    const saysToday = values.start !== undefined || values.end !== undefined
    const zone = values.timezone ?? (saysToday ? await api.journalZone() : DEFAULT_SETTINGS.timeZone)
    const patch = entryFields(values, new Date(), zone)
    if (Object.keys(patch).length === 0)
      throw new UsageError(
        'Nothing to change: give at least one field, e.g. --title or --start. See journal edit --help.',
      )
    const { etag } = await api.call(`/api/entries/${encodeURIComponent(id)}`)
    const headers: Record<string, string> = { 'If-Match': etag ?? '' }
    if (values.reason) headers['X-Change-Reason'] = encodeURIComponent(values.reason)
    const { body } = await api.call<ListedEntry>(`/api/entries/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: patch,
      headers,
    })
    if (values.json) return printJson(io, body)
    io.out(`Changed: ${entryLine(body)}`)
  },
}
