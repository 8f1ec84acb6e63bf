import { apiClient } from '../client.js'
import { entryLine, type ListedEntry } from '../entry-flags.js'
import { options, printJson, UsageError, type Command } from '../io.js'

export const withdraw: Command = {
  name: 'withdraw',
  summary: 'withdraw an appointment, with a public reason',
  help: `journal withdraw — withdraw an appointment

Usage:
  journal withdraw ID --reason TEXT [--json]

A withdrawn appointment is not deleted: its public page says when and why it was withdrawn.`,
  async run(args, io) {
    const { values, positionals } = options(args, { reason: { type: 'string' } }, 'withdraw', 1)
    const [id] = positionals
    if (!id) throw new UsageError('Which appointment? Give its id: journal withdraw 01HV… --reason "…".')
    if (!values.reason?.trim())
      throw new UsageError(`Say why, in public: journal withdraw ${id} --reason "dubbel ingevoerd".`)
    const api = apiClient(io)
    const { etag } = await api.call(`/api/entries/${encodeURIComponent(id)}`)
    const { body } = await api.call<ListedEntry>(`/api/entries/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      body: { reason: values.reason },
      headers: { 'If-Match': etag ?? '' },
    })
    if (values.json) return printJson(io, body)
    io.out(`Withdrawn: ${entryLine(body)}`)
  },
}
