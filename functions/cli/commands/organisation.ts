import { apiClient } from '../client.js'
import { CommandError, options, printJson, UsageError, type Command } from '../io.js'

interface OrganisationView {
  name: string
  siteUrl?: string
  contact?: string
}

const USAGE =
  'Usage: journal organisation show | journal organisation init --name TEXT [--site URL] [--contact ADDRESS]'

export const organisation: Command = {
  name: 'organisation',
  summary: 'the organisation this deployment serves: describe it once (init), show it',
  help: `journal organisation — the organisation this deployment serves

Usage:
  journal organisation show [--json]
  journal organisation init --name TEXT [--site URL] [--contact ADDRESS] [--json]
                        describes the organisation on a deployment that has none yet

--site is the public site's address (https://…); --contact an e-mail address or an https://
web-form address where readers write to the organisation.

init sends the administrator's token: JOURNAL_ADMINISTRATOR_TOKEN, or .journal/administrator-token,
which \`npm start\` writes on its first start (also with JOURNAL_DEMO=off). Then add servants with
\`journal people add\`.`,
  async run(args, io) {
    const spec = { name: { type: 'string' }, site: { type: 'string' }, contact: { type: 'string' } } as const
    const { values, positionals } = options(args, spec, 'organisation', 1)
    const api = apiClient(io, 'administrator')
    if (positionals[0] === 'show') {
      const { body } = await api.call<OrganisationView>('/api/organisation')
      if (values.json) return printJson(io, body)
      io.out([body.name, body.siteUrl, body.contact].filter(Boolean).join('\n'))
    } else if (positionals[0] === 'init') {
      if (!values.name)
        throw new UsageError('journal organisation init --name "Ministerie van …" --site https://agenda.example.nl')
      const existing = await api.send('/api/organisation')
      if (existing.ok) {
        const { name } = (await existing.json()) as OrganisationView
        throw new CommandError(
          `This deployment describes its organisation already (${name}); init leaves it as it is. ` +
            'Change it with PUT /api/organisation and If-Match.',
        )
      }
      const body = {
        name: values.name,
        ...(values.site !== undefined && { siteUrl: values.site }),
        ...(values.contact !== undefined && { contact: values.contact }),
      }
      const { body: described } = await api.call<OrganisationView>('/api/organisation', { method: 'PUT', body })
      if (values.json) return printJson(io, described)
      io.out(`This deployment now serves ${described.name}. Add its servants with \`journal people add\`.`)
    } else {
      throw new UsageError(USAGE)
    }
  },
}
