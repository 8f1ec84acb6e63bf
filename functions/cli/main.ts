import { add } from './commands/add.js'
import { backup, restore } from './commands/backup.js'
import { digest } from './commands/digest.js'
import { edit } from './commands/edit.js'
import { exportCommand } from './commands/export.js'
import { importCommand } from './commands/import.js'
import { list } from './commands/list.js'
import { organisation } from './commands/organisation.js'
import { people } from './commands/people.js'
import { post } from './commands/post.js'
import { report } from './commands/report.js'
import { token } from './commands/token.js'
import { withdraw } from './commands/withdraw.js'
import { CommandError, EXIT, UsageError, type Command, type Io } from './io.js'

export const COMMANDS: readonly Command[] = [
  add,
  list,
  edit,
  withdraw,
  importCommand,
  exportCommand,
  digest,
  report,
  post,
  token,
  organisation,
  people,
  backup,
  restore,
]

export const HELP = `journal — keep your open agenda from the command line

Usage:
  journal COMMAND [options]
  journal COMMAND --help       how to use one command

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Every command takes --json for output a program can read.

Environment:
  JOURNAL_API_URL   the journal API (default http://127.0.0.1:JOURNAL_API_PORT, where \`npm start\` runs it)
  JOURNAL_API_PORT  the port \`npm start\` gives the API (default 8787)
  JOURNAL_TOKEN     your owner token (default: .journal/owner-token, written by \`npm start\`)
  JOURNAL_ADMINISTRATOR_TOKEN
                    the organisation administrator's token, for \`journal people\`
                    (default: .journal/administrator-token, written by \`npm start\`)

Exit codes:
  0  done
  1  the API refused the request or could not be reached (the message says what to do)
  2  the command was used wrongly (the message says how to use it)`

/** Runs one `journal` command line; returns the exit code. Errors are printed, never thrown. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === args[0])
    io.out(topic ? topic.help : HELP)
    return EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  try {
    if (!command) throw new UsageError(`There is no command "${name}". Run \`journal --help\` to see the commands.`)
    if (args.includes('--help') || args.includes('-h')) {
      io.out(command.help)
      return EXIT.ok
    }
    await command.run(args, io)
    return EXIT.ok
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message)
      return EXIT.usage
    }
    if (error instanceof CommandError) {
      io.err(error.message)
      return EXIT.failed
    }
    io.err(`Unexpected error: ${(error as Error).message}`)
    return EXIT.failed
  }
}
