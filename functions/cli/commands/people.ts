import { apiClient } from '../client.js'
import { options, printJson, UsageError, type Command } from '../io.js'

interface ServantView {
  person: string
  name: string
  role: string
  status: 'active' | 'left'
  leftOn?: string
  firstToken?: { id: string; secret: string }
}

const USAGE =
  'Usage: journal people list | journal people add SLUG --name TEXT --role TEXT | ' +
  'journal people deactivate SLUG --left-on YYYY-MM-DD'

export const people: Command = {
  name: 'people',
  summary: "the organisation's servants: list, add (with a first token), deactivate",
  help: `journal people — the servants of the organisation (administrator's token)

Usage:
  journal people list [--json]
  journal people add SLUG --name TEXT --role TEXT [--json]   prints their first token this once
  journal people deactivate SLUG --left-on YYYY-MM-DD [--json]
                                        their tokens stop working; their public record stays

Sends the administrator's token: JOURNAL_ADMINISTRATOR_TOKEN, or .journal/administrator-token
written by \`npm start\`.`,
  async run(args, io) {
    const spec = { name: { type: 'string' }, role: { type: 'string' }, 'left-on': { type: 'string' } } as const
    const { values, positionals } = options(args, spec, 'people', 2)
    const [action, slug] = positionals
    const api = apiClient(io, 'administrator')
    if (action === 'list') {
      const { body } = await api.call<{ items: ServantView[] }>('/api/people')
      if (values.json) return printJson(io, body.items)
      for (const s of body.items) {
        const state = s.status === 'left' ? `left ${s.leftOn}` : 'active'
        io.out(`${s.person}  ${state}  ${s.name}, ${s.role}`)
      }
    } else if (action === 'add') {
      if (!slug || !values.name || !values.role)
        throw new UsageError('journal people add a-jansen --name "Anna Jansen" --role "CIO-adviseur"')
      const body = { person: slug, name: values.name, role: values.role }
      const { body: added } = await api.call<ServantView>('/api/people', { method: 'POST', body })
      if (values.json) return printJson(io, added)
      io.out(added.firstToken?.secret ?? '')
      io.err(`Added ${added.name} (${added.person}). Give them the token above now: it is shown only once.`)
    } else if (action === 'deactivate') {
      if (!slug || !values['left-on'])
        throw new UsageError('journal people deactivate a-jansen --left-on 2026-02-27 (their last working day)')
      const path = `/api/people/${encodeURIComponent(slug)}`
      const { etag } = await api.call<ServantView>(path)
      const change = { status: 'left', leftOn: values['left-on'] }
      const headers = etag ? { 'If-Match': etag } : undefined
      const { body } = await api.call<ServantView>(path, { method: 'PATCH', body: change, headers })
      if (values.json) return printJson(io, body)
      io.out(`${body.name} left on ${body.leftOn}; their tokens no longer work, their public record stays.`)
    } else {
      throw new UsageError(USAGE)
    }
  },
}
