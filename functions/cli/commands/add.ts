import { missingEssentials } from '../../core/model/index.js'
import { apiClient } from '../client.js'
import { entryFields, entryLine, ENTRY_FLAGS, ENTRY_FLAGS_HELP, nowQuarter, type ListedEntry } from '../entry-flags.js'
import { options, printJson, type Command } from '../io.js'

export const add: Command = {
  name: 'add',
  summary: 'log an appointment',
  help: `journal add — log an appointment

Usage:
  journal add --title TEXT [--start WHEN] [--end WHEN] [--kind KIND] [--with "NAME:TYPE"]… [options]

Without --start the appointment starts now (to the quarter hour). It is public unless you say
--visibility restricted or private; held if it started already, else planned.

Options:
${ENTRY_FLAGS_HELP}
  --json                  print the saved entry as JSON

Example:
  journal add --title "Advies over zelfsturende teams" --start 10:00 --end 11:30 \\
    --kind advice --with "Gemeente Enschede:gemeente" --theme zelfsturing --location Enschede`,
  async run(args, io) {
    const { values } = options(args, ENTRY_FLAGS, 'add')
    const api = apiClient(io)
    const now = new Date()
    const zone = values.timezone ?? (await api.journalZone())
    const fields = entryFields(values, now, zone)
    const start = (fields.start as string | undefined) ?? nowQuarter(now, zone)
    // Without --status the API applies the journal's rule (core `defaultStatus`): planned until it starts, then held.
    const input = { kind: 'meeting', visibility: 'public', ...fields, start }
    const { body } = await api.call<ListedEntry>('/api/entries', { method: 'POST', body: input })
    if (values.json) return printJson(io, body)
    io.out(`Logged: ${entryLine(body)}`)
    const missing =
      input.visibility === 'public' ? missingEssentials(input as { title?: string; counterparts?: unknown[] }) : []
    if (missing.includes('subject'))
      io.err(`Tip: the title says little. Say what it was about: journal edit ${body.id} --title "…"`)
    if (missing.includes('counterpart'))
      io.err(`Tip: name whom you met: journal edit ${body.id} --with "Organisation:type"`)
  },
}
