import { writeFileSync } from 'node:fs'
import { slugify } from '../../core/model/index.js'
import { draftAsPost } from '../../core/report/index.js'
import { apiClient } from '../client.js'
import { options, printJson, UsageError, type Command } from '../io.js'

/** The draft as a post file: its `# title` becomes the front matter's title (the page's h1). */
function withFrontMatter(markdown: string, from: string, to: string): string {
  const draft = draftAsPost(markdown)
  const title = draft.title || `Jaarverslag ${from.slice(0, 4)}–${to.slice(0, 4)}`
  return [
    '---',
    `slug: ${slugify(title)}`,
    `title: "${title}"`,
    'kind: annual-report',
    `periodFrom: ${from}`,
    `periodTo: ${to}`,
    'status: draft',
    '---',
    draft.body,
  ].join('\n')
}

export const report: Command = {
  name: 'report',
  summary: 'draft an annual report (report draft --from --to)',
  help: `journal report draft — a Markdown draft of an annual report, with the figures behind it

Usage:
  journal report draft --from 2014-07-01 --to 2015-06-30 [--out FILE.md] [--json]

With --out the draft is written with front matter (slug, title, kind, period, status: draft), so
you can edit it in your own editor and publish it with journal post push FILE.md.`,
  async run(args, io) {
    const { values, positionals } = options(
      args,
      { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string', short: 'o' } },
      'report',
      1,
    )
    if (positionals[0] !== 'draft')
      throw new UsageError('Usage: journal report draft --from 2014-07-01 --to 2015-06-30')
    if (!values.from || !values.to)
      throw new UsageError('Give the period: journal report draft --from 2014-07-01 --to 2015-06-30')
    const { body } = await apiClient(io).call<{ markdown: string }>('/api/reports/draft', {
      method: 'POST',
      body: { from: values.from, to: values.to },
    })
    if (values.json) return printJson(io, body)
    if (!values.out) return io.out(body.markdown)
    writeFileSync(values.out, withFrontMatter(body.markdown, values.from, values.to))
    io.err(`Wrote the draft to ${values.out}. Edit it, then: journal post push ${values.out}`)
  },
}
