import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMINISTRATION, newTokenSecret, tokenDigest, type Token } from '../core/model/index.js'
import { getTokenByDigest, putToken, type Db } from '../store/index.js'

interface LocalToken {
  /** The servant it acts for, or ADMINISTRATION. */
  person: string
  role: NonNullable<Token['role']>
  /** The file under the data folder that keeps a generated secret. */
  fileName: string
  label: string
  /** The environment variable that may set the secret instead. */
  variable: string
}

/**
 * A local token: the secret from its environment variable when set, otherwise one generated on
 * first start and kept in the data folder (readable by the owner only). Its digest is registered
 * in the store so the API accepts it.
 */
async function ensureLocalToken(db: Db, dataDir: string, spec: LocalToken, fromEnv?: string): Promise<string> {
  const file = join(dataDir, spec.fileName)
  let secret = fromEnv
  if (!secret) {
    if (existsSync(file)) {
      secret = readFileSync(file, 'utf8').trim()
    } else {
      secret = newTokenSecret()
      mkdirSync(dataDir, { recursive: true })
      writeFileSync(file, `${secret}\n`, { mode: 0o600 })
      chmodSync(file, 0o600)
    }
  }
  if (secret.length < 16)
    throw new Error(`${spec.variable} is too short: use at least 16 characters (or unset it to have one generated).`)
  const digest = tokenDigest(secret)
  if (!(await getTokenByDigest(db, digest))) {
    await putToken(db, {
      id: `local-${digest.slice(0, 8)}`,
      person: spec.person,
      role: spec.role,
      label: spec.label,
      digest,
      createdAt: new Date().toISOString(),
    })
  }
  return secret
}

/** The local owner token (`JOURNAL_OWNER_TOKEN`, or `.journal/owner-token`). */
export function ensureOwnerToken(db: Db, person: string, dataDir: string, fromEnv?: string): Promise<string> {
  const spec = { person, role: 'servant', fileName: 'owner-token', label: 'local owner token' } as const
  return ensureLocalToken(db, dataDir, { ...spec, variable: 'JOURNAL_OWNER_TOKEN' }, fromEnv)
}

/** The organisation administrator's local token (`JOURNAL_ADMINISTRATOR_TOKEN`, or `.journal/administrator-token`). */
export function ensureAdministratorToken(db: Db, dataDir: string, fromEnv?: string): Promise<string> {
  const spec = { person: ADMINISTRATION, role: 'administrator', label: 'local administrator token' } as const
  return ensureLocalToken(
    db,
    dataDir,
    { ...spec, fileName: 'administrator-token', variable: 'JOURNAL_ADMINISTRATOR_TOKEN' },
    fromEnv,
  )
}
