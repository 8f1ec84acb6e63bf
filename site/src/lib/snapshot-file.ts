import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseAnySnapshot, type OrganisationSnapshot, type PublicSnapshot } from '@core/publishing/index.js'

/**
 * Where the build finds the public snapshot: `JOURNAL_SNAPSHOT`, or the file `npm run build`
 * exports to (`.journal/public-snapshot.json` at the project root). The snapshot is the site's
 * only input; nothing here reads the store.
 */
export function snapshotFile(): string {
  if (process.env.JOURNAL_SNAPSHOT) return resolve(process.env.JOURNAL_SNAPSHOT)
  // Built from the project root (`astro build --root site`) or from inside site/.
  const here = resolve('.journal/public-snapshot.json')
  return existsSync(here) ? here : resolve('../.journal/public-snapshot.json')
}

type AnySnapshot = PublicSnapshot | OrganisationSnapshot
let cached: { path: string; text: string; snapshot: AnySnapshot } | undefined

/**
 * The snapshot's exact text (published as `/data/journal.json`) and its parsed form, read once per
 * build: a journal's, or an organisation's when the build makes the organisation's own pages.
 */
export function readSnapshot(): { text: string; snapshot: AnySnapshot } {
  const path = snapshotFile()
  if (cached?.path !== path) {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      throw new Error(
        `There is no public snapshot at ${path}. ` +
          'Run `npm run build` (it exports one from the journal first), or set JOURNAL_SNAPSHOT to a snapshot file.',
      )
    }
    cached = { path, text, snapshot: parseAnySnapshot(text) }
  }
  return cached
}
