import { resolve } from 'node:path'

/** Local settings: environment variables with defaults that work on a fresh clone. */
export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = resolve(env.JOURNAL_DATA_DIR ?? '.journal')
  const apiPort = port(env.JOURNAL_API_PORT, 8787, 'JOURNAL_API_PORT')
  return {
    dataDir,
    dynamoDbDir: resolve(dataDir, 'dynamodb'),
    dynamoDbEndpoint: env.JOURNAL_DYNAMODB_ENDPOINT || undefined,
    dynamoDbPort: port(env.JOURNAL_DYNAMODB_PORT, 8788, 'JOURNAL_DYNAMODB_PORT'),
    apiPort,
    /**
     * Where the API of `npm start` answers, and so where the CLI sends the owner token unless
     * JOURNAL_API_URL says otherwise. The server listens on the loopback address only.
     */
    apiUrl: env.JOURNAL_API_URL || `http://127.0.0.1:${apiPort}`,
    sitePort: port(env.JOURNAL_SITE_PORT, 4321, 'JOURNAL_SITE_PORT'),
    table: env.JOURNAL_TABLE ?? 'journal',
    person: env.JOURNAL_PERSON ?? 'demo',
    ownerToken: env.JOURNAL_OWNER_TOKEN,
    administratorToken: env.JOURNAL_ADMINISTRATOR_TOKEN,
    demo: env.JOURNAL_DEMO !== 'off',
  }
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`${name}=${value} is not a port number: use a whole number from 1 to 65535.`)
  return n
}
