import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const MIN_LENGTH = 32

/** The key itself if it is long enough; the error names where it came from, never the key. */
export function checkedSessionSecret(secret: string, source: string): string {
  if (secret.length < MIN_LENGTH)
    throw new Error(
      `${source} is too short: use at least ${MIN_LENGTH} random characters (e.g. \`openssl rand -hex 32\`).`,
    )
  return secret
}

/**
 * The session key locally: `JOURNAL_SESSION_SECRET` when set, otherwise one generated on first
 * start and kept in `.journal/session-secret` (readable by the owner only), so a restart keeps
 * the servant signed in. On AWS the admin reads it from Secrets Manager (lambda/session-secret.ts).
 */
export function localSessionSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.JOURNAL_SESSION_SECRET) return checkedSessionSecret(env.JOURNAL_SESSION_SECRET, 'JOURNAL_SESSION_SECRET')
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) return checkedSessionSecret(readFileSync(file, 'utf8').trim(), file)
  const secret = randomBytes(32).toString('hex')
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return secret
}
