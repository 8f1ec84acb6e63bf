import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newTokenSecret, tokenDigest } from '../core/model/index.js'
import { getTokenByDigest, putToken, type Db } from '../store/index.js'

/**
 * The local owner token: `JOURNAL_OWNER_TOKEN` when set, otherwise one generated on first start
 * and kept in `.journal/owner-token` (readable by the owner only). Its digest is registered in
 * the store so the API accepts it.
 */
export async function ensureOwnerToken(db: Db, person: string, dataDir: string, fromEnv?: string): Promise<string> {
  const file = join(dataDir, 'owner-token')
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
    throw new Error('JOURNAL_OWNER_TOKEN is too short: use at least 16 characters (or unset it to have one generated).')
  const digest = tokenDigest(secret)
  if (!(await getTokenByDigest(db, digest))) {
    await putToken(db, {
      id: `local-${digest.slice(0, 8)}`,
      person,
      label: 'local owner token',
      digest,
      createdAt: new Date().toISOString(),
    })
  }
  return secret
}
