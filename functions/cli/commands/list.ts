import { isoWeekRange } from '../../core/time/index.js'
import { apiClient } from '../client.js'
import { entryLine, type ListedEntry } from '../entry-flags.js'
import { options, printJson, UsageError, type Command } from '../io.js'

function monthRange(month: string): { from: string; to: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month ${month} is not a month: write it like 2015-03.`)
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { from: `${month}-01`, to: `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` }
}

export const list: Command = {
  name: 'list',
  summary: 'list appointments by week, month, period, theme, kind or counterpart',
  help: `journal list — list appointments (yours in full when the owner token is set)

Usage:
  journal list [--week 2015-W12 | --month 2015-03 | --from 2015-03-01 --to 2015-03-31]
               [--theme THEME] [--kind KIND] [--counterpart NAME] [--json]

Prints one appointment per line, oldest first, with its id (for journal edit / withdraw).`,
  async run(args, io) {
    const { values } = options(
      args,
      {
        week: { type: 'string' },
        month: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        theme: { type: 'string' },
        kind: { type: 'string' },
        counterpart: { type: 'string' },
      },
      'list',
    )
    if ([values.week, values.month, values.from ?? values.to].filter(Boolean).length > 1)
      throw new UsageError('Give one of --week, --month or --from/--to.')
    const range = values.week
      ? isoWeekRange(values.week.toUpperCase())
      : values.month
        ? monthRange(values.month)
        : { from: values.from, to: values.to }
    if (!range) throw new UsageError(`--week ${values.week} is not an ISO week: write it like 2015-W12.`)
    const query = new URLSearchParams({ order: 'asc', limit: '200' })
    for (const [key, value] of Object.entries({
      ...range,
      theme: values.theme,
      kind: values.kind,
      counterpart: values.counterpart,
    }))
      if (value) query.set(key, value)
    const api = apiClient(io)
    const items: ListedEntry[] = []
    let cursor: string | undefined
    do {
      if (cursor) query.set('cursor', cursor)
      const { body } = await api.call<{ items: ListedEntry[]; cursor?: string }>(`/api/entries?${query}`)
      items.push(...body.items)
      cursor = body.cursor
    } while (cursor)
    if (values.json) return printJson(io, items)
    for (const entry of items) io.out(entryLine(entry))
    io.out(`${items.length} appointment${items.length === 1 ? '' : 's'}`)
  },
}
