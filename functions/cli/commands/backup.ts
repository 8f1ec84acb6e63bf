import { ValidationError } from '../../core/model/index.js'
import { backupToFile, restoreFromFile } from '../../local/backup.js'
import { localSettings } from '../../local/settings.js'
import { createDb, type Db } from '../../store/index.js'
import { CommandError, options, UsageError, type Command, type Io } from '../io.js'

/**
 * Backups are an operator's job, like pg_dump: they read and write the store directly (the local
 * DynamoDB of `npm start`, or JOURNAL_DYNAMODB_ENDPOINT / AWS credentials), not through the API.
 */
function storeOf(io: Io): { db: Db; person: string; where: string } {
  const settings = localSettings(io.env)
  const endpoint =
    settings.dynamoDbEndpoint ??
    (io.env.JOURNAL_USE_AWS === '1' ? undefined : `http://127.0.0.1:${settings.dynamoDbPort}`)
  return {
    db: createDb({ endpoint, table: settings.table }),
    person: settings.person,
    where: endpoint ?? `AWS table ${settings.table}`,
  }
}

async function withStore<T>(io: Io, run: (store: ReturnType<typeof storeOf>) => Promise<T>): Promise<T> {
  const store = storeOf(io)
  try {
    return await run(store)
  } catch (error) {
    if (error instanceof ValidationError)
      throw new CommandError(`The ${error.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`)
    const code = (error as NodeJS.ErrnoException).code ?? (error as { cause?: NodeJS.ErrnoException }).cause?.code
    if (code === 'ECONNREFUSED' || (error as Error).name === 'TimeoutError') {
      throw new CommandError(
        `Cannot reach DynamoDB at ${store.where}. Start the journal with \`npm start\`, ` +
          'or set JOURNAL_DYNAMODB_ENDPOINT (JOURNAL_USE_AWS=1 for the AWS table).',
      )
    }
    throw new CommandError((error as Error).message)
  }
}

export const backup: Command = {
  name: 'backup',
  summary: 'write a complete, checksummed backup of the journal (private items included)',
  help: `journal backup — a complete owner backup: every entry, post, revision, digest, profile and token

Usage:
  journal backup --out FILE

The file is versioned and checksummed; keep it safe, it holds private items.
Reads the store directly: the DynamoDB Local of \`npm start\` (JOURNAL_DYNAMODB_PORT, default 8788),
JOURNAL_DYNAMODB_ENDPOINT, or with JOURNAL_USE_AWS=1 the AWS table JOURNAL_TABLE. JOURNAL_PERSON names the journal.`,
  async run(args, io) {
    const { values } = options(args, { out: { type: 'string', short: 'o' } }, 'backup')
    if (!values.out) throw new UsageError('Say where to write the backup: journal backup --out journal.backup.json')
    const count = await withStore(io, ({ db, person }) => backupToFile(db, person, values.out!))
    io.out(values.json ? JSON.stringify({ file: values.out, items: count }) : `Wrote ${values.out}: ${count} items.`)
  },
}

export const restore: Command = {
  name: 'restore',
  summary: 'restore a backup into an empty journal',
  help: `journal restore — restore a backup written by \`journal backup\` into an empty journal

Usage:
  journal restore FILE

The whole file is checked (format, version, checksum, whose journal) before anything is written;
a journal that already holds anything is refused. Same store settings as \`journal backup\`.`,
  async run(args, io) {
    const { values, positionals } = options(args, {}, 'restore', 1)
    const [file] = positionals
    if (!file) throw new UsageError('Name the backup file: journal restore journal.backup.json')
    const count = await withStore(io, ({ db, person }) =>
      restoreFromFile(db, person, file, (written, total) => {
        if (io.isTTY) io.err(`Restored ${written} of ${total} items…`)
      }),
    )
    io.out(values.json ? JSON.stringify({ file, items: count }) : `Restored ${count} items from ${file}.`)
  },
}
