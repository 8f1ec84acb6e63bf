import { apiClient } from '../client.js'
import { options, printJson, UsageError, type Command } from '../io.js'

interface DigestAnswer {
  week: string
  outcome: string
  detail?: string
  digest: { status: string; items: { line: string }[]; intro: string } | null
}

export const digest: Command = {
  name: 'digest',
  summary: 'make (or refresh) the weekly digest of a week',
  help: `journal digest — make or refresh "the week in ten items" of an ISO week

Usage:
  journal digest WEEK [--intro TEXT] [--publish | --draft] [--json]

WEEK is an ISO week such as 2015-W12. Running it again changes nothing unless the week's public
appointments, the intro or the status changed. A new digest is a draft unless you say --publish.
A week without public appointments gets no digest.`,
  async run(args, io) {
    const { values, positionals } = options(
      args,
      { intro: { type: 'string' }, publish: { type: 'boolean' }, draft: { type: 'boolean' } },
      'digest',
      1,
    )
    const [week] = positionals
    if (!week) throw new UsageError('Which week? journal digest 2015-W12')
    if (values.publish && values.draft) throw new UsageError('Give --publish or --draft, not both.')
    const request = {
      ...(values.intro !== undefined ? { intro: values.intro } : {}),
      ...(values.publish ? { status: 'published' } : values.draft ? { status: 'draft' } : {}),
    }
    const { body } = await apiClient(io).call<DigestAnswer>(`/api/digests/${encodeURIComponent(week)}`, {
      method: 'POST',
      body: request,
    })
    if (values.json) return printJson(io, body)
    if (!body.digest) return io.out(body.detail ?? `${body.week}: no digest.`)
    io.out(`${body.week}: ${body.outcome} (${body.digest.status}), ${body.digest.items.length} items`)
    for (const item of body.digest.items) io.out(`  - ${item.line}`)
  },
}
