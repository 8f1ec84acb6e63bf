import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isoWeekRange } from '../core/dates.js'

/**
 * The `journal` command. It talks to the API (JOURNAL_API_URL, default the local `npm start`)
 * with the owner token (JOURNAL_TOKEN, or the one `npm start` keeps in .journal/owner-token).
 */
const HELP = `journal — keep your open agenda from the command line

Usage:
  journal list [--week 2015-W12 | --from 2015-03-01 --to 2015-03-31] [--theme T] [--json]
  journal export [--json]          the whole journal, private items included (owner token)
  journal --help

Environment:
  JOURNAL_API_URL   the API (default http://localhost:8787)
  JOURNAL_TOKEN     your owner token (default: .journal/owner-token from npm start)

Exit codes: 0 done, 1 the API refused or failed, 2 wrong usage.`

class UsageError extends Error {}

function ownerToken(): string | undefined {
  if (process.env.JOURNAL_TOKEN) return process.env.JOURNAL_TOKEN
  try {
    return readFileSync(resolve(process.env.JOURNAL_DATA_DIR ?? '.journal', 'owner-token'), 'utf8').trim()
  } catch {
    return undefined
  }
}

async function call(path: string): Promise<unknown> {
  const base = process.env.JOURNAL_API_URL ?? 'http://localhost:8787'
  const token = ownerToken()
  let res: Response
  try {
    res = await fetch(new URL(path, base), { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch {
    throw new Error(`Cannot reach the journal API at ${base}. Start it with \`npm start\` or set JOURNAL_API_URL.`)
  }
  const body = (await res.json()) as { detail?: string; errors?: { field: string; reason: string }[] }
  if (!res.ok) throw new Error([body.detail ?? `HTTP ${res.status}`, ...(body.errors ?? []).map((e) => `  ${e.field}: ${e.reason}`)].join('\n'))
  return body
}

async function list(args: string[]) {
  const { values } = parseArgs({ args, options: { week: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, theme: { type: 'string' }, json: { type: 'boolean' } } })
  const range = values.week ? isoWeekRange(values.week) : { from: values.from, to: values.to }
  if (!range) throw new UsageError(`--week ${values.week} is not an ISO week: write it like 2015-W12.`)
  const query = new URLSearchParams({ order: 'asc', limit: '200' })
  if (range.from) query.set('from', range.from)
  if (range.to) query.set('to', range.to)
  if (values.theme) query.set('theme', values.theme)
  const items: { id: string; start: string; kind: string; title: string; visibility?: string }[] = []
  let cursor: string | undefined
  do {
    if (cursor) query.set('cursor', cursor)
    const page = (await call(`/api/entries?${query}`)) as { items: typeof items; cursor?: string }
    items.push(...page.items)
    cursor = page.cursor
  } while (cursor)
  if (values.json) return console.log(JSON.stringify(items, null, 2))
  for (const e of items) console.log(`${e.start.slice(0, 16).replace('T', ' ')}  ${e.kind.padEnd(10)} ${e.title}${e.visibility && e.visibility !== 'public' ? `  [${e.visibility}]` : ''}`)
  console.log(`${items.length} entr${items.length === 1 ? 'y' : 'ies'}`)
}

async function main(argv: string[]) {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || rest.includes('--help')) return console.log(HELP)
  if (command === 'list') return list(rest)
  if (command === 'export') return console.log(JSON.stringify(await call('/api/export'), null, 2))
  throw new UsageError(`Unknown command "${command}". Run \`journal --help\` to see the commands.`)
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message)
  process.exit(error instanceof UsageError || error.name === 'TypeError' ? 2 : 1)
})
