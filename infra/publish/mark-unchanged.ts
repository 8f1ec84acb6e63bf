import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Makes the upload send only what changed. A build writes every file anew, so `aws s3 sync` would
 * upload the whole site each time (each PUT billed, each a new object version). `sync` skips a file
 * whose size matches and whose local time is not newer than the object's; this gives every file
 * whose MD5 equals the ETag of the object already online (single-part uploads, under 8 MB) the
 * oldest possible time, so it is skipped, and leaves changed and new files to be uploaded.
 */
export function markUnchanged(dir: string, etags: ReadonlyMap<string, string>): { unchanged: number; changed: number } {
  let unchanged = 0
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  for (const file of files) {
    const path = join(file.parentPath, file.name)
    const key = path
      .slice(dir.length + 1)
      .split('\\')
      .join('/')
    const md5 = createHash('md5').update(readFileSync(path)).digest('hex')
    if (etags.get(key) === md5) {
      utimesSync(path, 0, 0)
      unchanged++
    }
  }
  return { unchanged, changed: files.length - unchanged }
}

/**
 * The bucket listing of `aws s3api list-objects-v2 --query 'Contents[].[Key,ETag]' --output json`
 * (null when empty).
 */
export function parseListing(json: string): Map<string, string> {
  const rows = (JSON.parse(json) ?? []) as [string, string][]
  return new Map(rows.map(([key, etag]) => [key, etag.replace(/"/g, '')]))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'site/dist'
  const { unchanged, changed } = markUnchanged(dir, parseListing(readFileSync(0, 'utf8') || 'null'))
  console.log(`${changed} new or changed files to upload, ${unchanged} unchanged files left as they are online`)
}
