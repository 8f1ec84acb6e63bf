/**
 * No line over 120 characters, except in data: `npm run lint` runs this after Biome, whose
 * formatter wraps code but cannot wrap a long string, comment, regular expression, CSS or the
 * template part of an `.astro` file. Prints every offending line and fails when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const MAX = 120
const ROOT = join(import.meta.dirname, '..')
const CHECKED = ['functions', 'test', 'bench', 'infra', 'site/src', '.ci', 'vitest.config.ts']
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'cdk.out', '.astro'])

/** Files whose long lines are data, not code or prose someone wrote: each with its reason. */
const DATA: { prefix: string; reason: string }[] = [
  { prefix: 'test/fixtures/', reason: 'calendar files exactly as Outlook, Google and Apple export them' },
  { prefix: 'bench/results/', reason: "npm run bench's own tables as JSON (git-ignored): lint after a bench run" },
]

function skipped(folder: string): boolean {
  const parts = relative(ROOT, folder).split('/')
  return parts.some((part) => SKIPPED_FOLDERS.has(part))
}

function filesUnder(path: string): string[] {
  const entries = readdirSync(join(ROOT, path), { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && !skipped(e.parentPath))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
}

const files = CHECKED.flatMap((path) => (path.endsWith('.ts') ? [path] : filesUnder(path)))
  .filter((file) => !DATA.some((data) => file.startsWith(data.prefix)))
  .sort()
const long: string[] = []
for (const file of files) {
  const bytes = readFileSync(join(ROOT, file))
  if (bytes.includes(0)) continue // binary
  const lines = bytes.toString('utf8').split(/\r?\n/)
  lines.forEach((line, i) => {
    // Characters as a reader counts them (code points), not UTF-16 units.
    const length = [...line].length
    if (length > MAX) long.push(`${file}:${i + 1}: ${length} characters`)
  })
}
if (long.length > 0) {
  console.error(long.join('\n'))
  console.error(`\n${long.length} lines over ${MAX} characters in ${CHECKED.join(', ')}.`)
  console.error('Wrap them, or list a data file in .ci/long-lines.ts with the reason it is data.')
  process.exitCode = 1
}
