import { parseArgs, type ParseArgsConfig } from 'node:util'

/**
 * What every command shares: where it writes, its environment, and the two kinds of failure a
 * person can act on. Exit codes: 0 done, 1 the API refused or could not be reached, 2 wrong usage.
 */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Progress lines may overwrite themselves only on a terminal. */
  isTTY: boolean
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** The command was called wrongly: says how to call it instead. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The API refused or failed, or cannot be reached: says what to do. Exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError'
}

export interface Command {
  name: string
  summary: string
  help: string
  run: (args: string[], io: Io) => Promise<void>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs with `--json` and `--help` known everywhere and mistakes turned into UsageErrors. */
export function options<O extends Options>(args: string[], spec: O, command: string, positionals = 0) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...spec, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: positionals > 0,
      strict: true,
    })
    if (parsed.positionals.length > positionals)
      throw new UsageError(`Too many arguments: ${parsed.positionals.slice(positionals).join(' ')}.`)
    return parsed
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/, '')
    throw new UsageError(`${message}\nRun \`journal ${command} --help\` to see how to use it.`)
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}
