import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseAnySnapshot, type OrganisationSnapshot, type PublicSnapshot } from '@core/publishing/index.js'

/**
 * Where the build finds the public snapshot: `JOURNAL_SNAPSHOT`, or the file `npm run build`
 * exports to (`.journal/public-snapshot.json` at the project root). The snapshot is the site's
 * only input; nothing here reads the store. (A build of several parts lists theirs: site-part.ts.)
 */
export function snapshotFile(): string {
  if (process.env.JOURNAL_SNAPSHOT) return resolve(process.env.JOURNAL_SNAPSHOT)
  // Built from the project root (`astro build --root site`) or from inside site/. Astro alone makes
  // no calendars, CSV or `/data/journal.json`: the site builder does (`npm run build`, buildSite).
  const here = resolve('.journal/public-snapshot.json')
  return existsSync(here) ? here : resolve('../.journal/public-snapshot.json')
}

type AnySnapshot = PublicSnapshot | OrganisationSnapshot
const read = new Map<string, AnySnapshot>()

/**
 * A snapshot, parsed, read once per build: a journal's, or an organisation's for the
 * organisation's own pages. (The site builder publishes its text as `/data/journal.json`.)
 */
export function readSnapshot(path: string): AnySnapshot {
  let found = read.get(path)
  if (!found) {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch {
      throw new Error(
        `There is no public snapshot at ${path}. ` +
          'Run `npm run build` (it exports one from the journal first), or set JOURNAL_SNAPSHOT to a snapshot file.',
      )
    }
    found = parseAnySnapshot(text)
    read.set(path, found)
  }
  return found
}
