import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { ulid } from 'ulid'
import { ADMINISTRATION, newTokenSecret, tokenDigest, type Token } from '../functions/core/model/index.js'
import { LAMBDA_ENV } from '../functions/lambda/function-config.js'
import { createDb, getProfile, getServant, putToken, type Db } from '../functions/store/index.js'

/** Where the instructions in README.md deploy when the shell names no region. */
export const FALLBACK_REGION = 'eu-west-1'

/**
 * Creates a token in the deployed journal: a new secret whose SHA-256 digest is stored in the table
 * through the store's own putToken, exactly as the API checks it. The secret exists only in the
 * answer: it is printed once and cannot be read back. A servant's token is refused for a person the
 * journal does not know (no servant record, no profile): a misspelt slug would otherwise give a
 * working token for a journal nobody publishes. The administrator's token (`person` null) is how a
 * new deployment gets its first servants: `journal people add` prints each one's first token.
 *
 * @example
 * JOURNAL_TABLE=<TableName output of Journal-Data> JOURNAL_PERSON=jansen \
 *   npm run create-owner-token -- "Phone of J. Jansen"
 */
export async function createToken(
  db: Db,
  person: string | null,
  label: string,
  now = new Date(),
): Promise<{ secret: string; token: Token }> {
  if (!label.trim() || label.length > 100)
    throw new Error(
      'Give the token a label of 1 to 100 characters, e.g. "Phone of J. Jansen", so you can tell it apart later.',
    )
  if (person !== null) await refuseUnknownServant(db, person)
  const secret = newTokenSecret()
  const token: Token = {
    id: ulid(now.getTime()),
    person: person ?? ADMINISTRATION,
    role: person === null ? 'administrator' : 'servant',
    label: label.trim(),
    digest: tokenDigest(secret),
    createdAt: now.toISOString(),
  }
  await putToken(db, token)
  return { secret, token }
}

async function refuseUnknownServant(db: Db, person: string): Promise<void> {
  const servant = await getServant(db, person)
  if (servant?.status === 'left')
    throw new Error(
      `${servant.name} (${person}) left on ${servant.leftOn}. To give them access again, the administrator ` +
        `makes them active (PATCH /api/people/${person} with {"status":"active"}) and issues a first token.`,
    )
  if (servant || (await getProfile(db, person))) return
  throw new Error(
    `There is no servant "${person}" in table ${db.table} (no servant record, no profile); check the spelling. ` +
      'To add them, create an administrator token (npm run create-owner-token -- --administrator "label"), ' +
      `then: JOURNAL_API_URL=<ApiUrl> JOURNAL_ADMINISTRATOR_TOKEN=oaj_… npm run journal -- people add ${person} ` +
      '--name "…" --role "…" — it prints their first token.',
  )
}

/**
 * The region as the AWS SDK resolves it (AWS_REGION, then the profile's `region`), or
 * FALLBACK_REGION with a warning when none is configured.
 */
export async function configuredRegion(warn: (message: string) => void): Promise<string> {
  try {
    return await new DynamoDBClient({}).config.region()
  } catch {
    warn(`No AWS region is configured (AWS_REGION or the profile's region); using ${FALLBACK_REGION}.`)
    return FALLBACK_REGION
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { administrator: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  const table = process.env[LAMBDA_ENV.table]
  const person = values.administrator ? null : process.env[LAMBDA_ENV.person]
  if (!table || person === undefined) {
    console.error(
      `Set ${LAMBDA_ENV.table} (the TableName output of the Data stack) and ${LAMBDA_ENV.person} ` +
        '(the servant), or give --administrator instead of a servant.',
    )
    process.exit(1)
  }
  const region = await configuredRegion((message) => console.error(message))
  const label = positionals.join(' ') || (person ? 'first owner token' : 'administrator token')
  try {
    const { secret, token } = await createToken(createDb({ table, region }), person, label)
    const whose = person ?? "the organisation's administrator"
    console.log(`Created token ${token.id} ("${token.label}") for ${whose} in ${table} (${region}).`)
    console.log('Copy the secret now; it is not stored and will not be shown again:\n')
    console.log(secret)
  } catch (error) {
    console.error(`No token was created: ${(error as Error).message}`)
    process.exit(1)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
