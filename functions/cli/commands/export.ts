import { writePrivateFile } from '../../local/private-files.js'
import { apiClient } from '../client.js'
import { options, type Command } from '../io.js'

export const exportCommand: Command = {
  name: 'export',
  summary: 'the whole journal as JSON, private items included',
  help: `journal export — the whole journal as JSON (profile, entries, posts, revisions), private items included

Usage:
  journal export [--out FILE]

Writes to FILE, or to standard output. Needs the owner token.`,
  async run(args, io) {
    const { values } = options(args, { out: { type: 'string', short: 'o' } }, 'export')
    const { body } = await apiClient(io).call('/api/export')
    const text = JSON.stringify(body, null, 2)
    if (!values.out) return io.out(text)
    // It holds the private items: readable by its owner only, like `journal backup`.
    writePrivateFile(values.out, `${text}\n`)
    const counts = body as { entries?: unknown[]; posts?: unknown[] }
    io.err(`Wrote ${values.out}: ${counts.entries?.length ?? 0} entries, ${counts.posts?.length ?? 0} posts.`)
  },
}
