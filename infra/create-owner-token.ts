import { pathToFileURL } from 'node:url'
import { ulid } from 'ulid'
import { newTokenSecret, tokenDigest, type Token } from '../functions/core/model/index.js'
import { LAMBDA_ENV } from '../functions/lambda/function-config.js'
import { createDb, putToken, type Db } from '../functions/store/index.js'

/**
 * Creates an owner API token in the deployed journal: a new secret whose SHA-256 digest is stored in
 * the table through the store's own putToken, exactly as the API checks it. The secret exists only
 * in the answer: it is printed once and cannot be read back.
 *
 * @example
 * JOURNAL_TABLE=<TableName output of Journal-Data> JOURNAL_PERSON=demo \
 *   npx tsx infra/create-owner-token.ts "Phone of J. Jansen"
 */
export async function createOwnerToken(
  db: Db,
  person: string,
  label: string,
  now = new Date(),
): Promise<{ secret: string; token: Token }> {
  if (!label.trim() || label.length > 100)
    throw new Error(
      'Give the token a label of 1 to 100 characters, e.g. "Phone of J. Jansen", so you can tell it apart later.',
    )
  const secret = newTokenSecret()
  const token: Token = {
    id: ulid(now.getTime()),
    person,
    label: label.trim(),
    digest: tokenDigest(secret),
    createdAt: now.toISOString(),
  }
  await putToken(db, token)
  return { secret, token }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const table = process.env[LAMBDA_ENV.table]
  const person = process.env[LAMBDA_ENV.person]
  if (!table || !person) {
    console.error(
      `Set ${LAMBDA_ENV.table} (the TableName output of the Data stack) ` +
        `and ${LAMBDA_ENV.person} (the journal's person).`,
    )
    process.exit(1)
  }
  createOwnerToken(createDb({ table }), person, process.argv.slice(2).join(' ') || 'first owner token').then(
    ({ secret, token }) => {
      console.log(`Created owner token ${token.id} ("${token.label}") for ${person} in ${table}.`)
      console.log('Copy the secret now; it is not stored and will not be shown again:\n')
      console.log(secret)
    },
    (error: Error) => {
      console.error(`No token was created: ${error.message}`)
      process.exit(1)
    },
  )
}
