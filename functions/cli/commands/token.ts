import { apiClient } from '../client.js'
import { options, printJson, UsageError, type Command } from '../io.js'

interface TokenView {
  id: string
  label: string
  createdAt: string
  revokedAt?: string
  secret?: string
}

export const token: Command = {
  name: 'token',
  summary: 'create, list or revoke owner tokens',
  help: `journal token — owner tokens for the API, this command and the admin

Usage:
  journal token create --label TEXT [--json]   a new token; its secret is shown this once
  journal token list [--json]
  journal token revoke ID [--json]             the last working token cannot be revoked

Use a token with JOURNAL_TOKEN=… or to sign in at /admin.`,
  async run(args, io) {
    const { values, positionals } = options(args, { label: { type: 'string' } }, 'token', 2)
    const [action, id] = positionals
    const api = apiClient(io)
    if (action === 'create') {
      if (!values.label?.trim())
        throw new UsageError('Name the token after its use: journal token create --label laptop')
      const { body } = await api.call<TokenView>('/api/tokens', { method: 'POST', body: { label: values.label } })
      if (values.json) return printJson(io, body)
      io.out(body.secret!)
      io.err(`Created token ${body.id} (${body.label}). Copy the secret above now: it is shown only once.`)
    } else if (action === 'list') {
      const { body } = await api.call<{ items: TokenView[] }>('/api/tokens')
      if (values.json) return printJson(io, body.items)
      for (const t of body.items) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active '
        io.out(`${t.id}  ${t.createdAt.slice(0, 10)}  ${state}  ${t.label}`)
      }
    } else if (action === 'revoke') {
      if (!id) throw new UsageError('Which token? journal token revoke tok-… (journal token list shows the ids).')
      const { body } = await api.call<TokenView>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })
      if (values.json) return printJson(io, body)
      io.out(`Revoked token ${body.id} (${body.label}).`)
    } else {
      throw new UsageError('Usage: journal token create --label TEXT | journal token list | journal token revoke ID')
    }
  },
}
