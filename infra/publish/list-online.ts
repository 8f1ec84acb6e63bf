import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { ORGANISATION_SNAPSHOT_FORMAT } from '../../functions/core/publishing/index.js'

/**
 * What is online of the part this build publishes, as `[key, ETag]` rows with keys relative to the
 * part's folder (what mark-unchanged.ts and upload-site.ts read): a servant's section is its
 * prefix (`SITE_PREFIX`, e.g. `wouter/`); the root part is everything outside the sections, so
 * the root's upload never deletes a section. The sections are the servants the organisation's
 * snapshot names; a one-journal site has none.
 */
export function listOnline(
  prefix: string,
  sections: ReadonlySet<string>,
  list: (prefix: string, delimiter: boolean) => { files: [string, string][]; folders: string[] },
): [string, string][] {
  if (prefix) return list(prefix, false).files.map(([key, etag]) => [key.slice(prefix.length), etag])
  const top = list('', true)
  const rows = [...top.files]
  for (const folder of top.folders)
    if (!sections.has(folder.replace(/\/$/, ''))) rows.push(...list(folder, false).files)
  return rows
}

/** The sections an organisation's snapshot names (none for a journal's snapshot). */
export function sectionsOf(snapshotJson: string): Set<string> {
  const snapshot = JSON.parse(snapshotJson) as { format?: string; servants?: { person: string }[] }
  return new Set(snapshot.format === ORGANISATION_SNAPSHOT_FORMAT ? (snapshot.servants ?? []).map((s) => s.person) : [])
}

// npx tsx infra/publish/list-online.ts <snapshot file> > listing.json   (SITE_BUCKET, SITE_PREFIX)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bucket = process.env.SITE_BUCKET
  if (!bucket) throw new Error('SITE_BUCKET is not set: the build project sets it (publish-stack.ts)')
  const aws = (prefix: string, delimiter: boolean) => {
    const query = '{files: Contents[].[Key,ETag], folders: CommonPrefixes[].Prefix}'
    const args = ['s3api', 'list-objects-v2', '--bucket', bucket, '--prefix', prefix, '--query', query]
    const out = execFileSync('aws', [...args, ...(delimiter ? ['--delimiter', '/'] : []), '--output', 'json'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    })
    const { files, folders } = JSON.parse(out) as { files: [string, string][] | null; folders: string[] | null }
    return { files: files ?? [], folders: folders ?? [] }
  }
  const sections = sectionsOf(readFileSync(process.argv[2] ?? '.journal/public-snapshot.json', 'utf8'))
  process.stdout.write(JSON.stringify(listOnline(process.env.SITE_PREFIX ?? '', sections, aws)))
}
