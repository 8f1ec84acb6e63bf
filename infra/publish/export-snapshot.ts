import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { LAMBDA_ENV } from '../../functions/lambda/function-config.js'
import { exportSnapshot } from '../../functions/publish/index.js'
import { createDb, type Db } from '../../functions/store/index.js'
import { nextChangeFile } from './buildspec.js'

/**
 * The export step of the publish build in AWS: writes the public snapshot of JOURNAL_PERSON, read
 * from the journal table JOURNAL_TABLE with the build's role, to `file`. The site is then built
 * from that file alone (`JOURNAL_SNAPSHOT=<file> npm run build`), so the build in AWS never starts
 * a DynamoDB Local and can never publish an empty stand-in for the real journal.
 *
 * Beside it goes `next-change-at`: the moment the snapshot goes stale by itself (an embargo ends,
 * a post comes out), or empty. The build exports it as NEXT_CHANGE_AT for the scheduled check.
 */
export async function exportForPublish(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  db: Db = createDb(),
): Promise<string> {
  const person = env[LAMBDA_ENV.person]
  if (!env[LAMBDA_ENV.table] || !person)
    throw new Error(
      `${LAMBDA_ENV.table} and ${LAMBDA_ENV.person} must be set: ` +
        'the publish build does not know which journal to export',
    )
  const { snapshot, nextChangeAt } = await exportSnapshot(db, person, file)
  writeFileSync(nextChangeFile(file), nextChangeAt ?? '')
  const stale = nextChangeAt ? `; it changes by itself at ${nextChangeAt}` : ''
  const { entries, posts, digests } = snapshot
  return (
    `Exported the public snapshot of "${person}" from ${db.table}: ` +
    `${entries.length} entries, ${posts.length} posts, ${digests.length} digests → ${file}${stale}`
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  exportForPublish(process.argv[2] ?? '.journal/public-snapshot.json').then(console.log, (error: Error) => {
    console.error(error.message)
    process.exit(1)
  })
}
