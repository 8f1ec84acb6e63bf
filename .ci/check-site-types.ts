/**
 * `astro check` for the site: the type check of its `.astro` files and of the TypeScript they use
 * (`npm run typecheck` runs it after `tsc --noEmit`).
 *
 * Astro checks the content collections' types after syncing them, and its sync runs the loaders,
 * which read the public snapshot. Types do not depend on what a journal holds, so the check gets
 * the snapshot of an empty journal in a temporary folder: it works on a fresh checkout, with no
 * journal and no network (Astro's telemetry is switched off for the run).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPublicSnapshot, serializeSnapshot } from '../functions/core/publishing/index.js'

const EMPTY_JOURNAL = { entries: [], posts: [], revisions: [], digests: [] }

const dir = mkdtempSync(join(tmpdir(), 'oaj-astro-check-'))
try {
  const snapshotFile = join(dir, 'public-snapshot.json')
  writeFileSync(snapshotFile, serializeSnapshot(buildPublicSnapshot(EMPTY_JOURNAL, { now: new Date(0) })))
  const check = spawnSync('npx', ['astro', 'check', '--root', 'site'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      JOURNAL_SNAPSHOT: snapshotFile,
      JOURNAL_SITE_CACHE_DIR: join(dir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  })
  process.exitCode = check.status ?? 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
