import { execFileSync } from 'node:child_process'
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FEED_CACHE_CONTROL, PAGE_CACHE_CONTROL, SITE_FILE_RULES, type SiteFileRule } from '../site/site-files.js'
import { parseListing } from './mark-unchanged.js'

/**
 * The order a publish writes the bucket in, so that no file online ever points at one not yet
 * there: styles, scripts and images first; then Pagefind's index, and only then each index's
 * `pagefind-entry.json` that names its new files; then the pages that load them; feeds and
 * data last, as they link to the pages.
 */
export const UPLOAD_ORDER = ['assets', 'search index', 'search entry', 'pages', 'feeds'] as const
export type UploadPhase = (typeof UPLOAD_ORDER)[number]

export type PublishStep =
  | { kind: 'upload'; phase: UploadPhase; keys: string[]; contentType?: string; cacheControl: string }
  /** Invalidate the whole distribution and wait until the edge serves the new files. */
  | { kind: 'invalidate' }
  /** What the new build no longer has: removed only once no cached page can still ask for it. */
  | { kind: 'delete'; keys: string[] }

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  )
const RULES = SITE_FILE_RULES.map((rule) => ({ rule, patterns: rule.patterns.map(glob) }))

/** The content type and Cache-Control of a file of site/dist (its key in the bucket). */
export function ruleFor(key: string): SiteFileRule {
  return (
    RULES.find(({ patterns }) => patterns.some((p) => p.test(key)))?.rule ?? {
      patterns: [],
      cacheControl: PAGE_CACHE_CONTROL,
    }
  )
}

function phaseOf(key: string, rule: SiteFileRule): UploadPhase {
  if (/(^|\/)pagefind\/pagefind-entry\.json$/.test(key)) return 'search entry'
  if (/(^|\/)pagefind\//.test(key)) return 'search index'
  if (key.endsWith('.html')) return 'pages'
  return rule.cacheControl === FEED_CACHE_CONTROL ? 'feeds' : 'assets'
}

/**
 * The steps of a publish: one upload per phase and kind of file (UPLOAD_ORDER), the
 * invalidation, then the deletion of what is online (`onlineKeys`) but no longer in the site.
 */
export function publishPlan(siteKeys: readonly string[], onlineKeys: readonly string[]): PublishStep[] {
  const uploads = new Map<string, PublishStep & { kind: 'upload' }>()
  for (const key of [...siteKeys].sort()) {
    const rule = ruleFor(key)
    const phase = phaseOf(key, rule)
    const group = JSON.stringify([phase, rule.contentType, rule.cacheControl])
    if (!uploads.has(group))
      uploads.set(group, {
        kind: 'upload',
        phase,
        keys: [],
        contentType: rule.contentType,
        cacheControl: rule.cacheControl,
      })
    uploads.get(group)!.keys.push(key)
  }
  const ordered = [...uploads.values()].sort((a, b) => UPLOAD_ORDER.indexOf(a.phase) - UPLOAD_ORDER.indexOf(b.phase))
  const onSite = new Set(siteKeys)
  const gone = onlineKeys.filter((key) => !onSite.has(key))
  return [...ordered, { kind: 'invalidate' }, ...(gone.length > 0 ? [{ kind: 'delete' as const, keys: gone }] : [])]
}

export interface PublishTarget {
  /** The built site, e.g. site/dist. */
  dir: string
  /** Where each upload's files are gathered for `aws s3 sync` (hard links: the times mark-unchanged set stay). */
  stagingDir: string
  bucket: string
  /** The part's folder in the bucket: '' for the root, `<person>/` for a servant's section. */
  prefix?: string
  distributionId: string
  /** Runs `aws` with these arguments and answers its output; throws when it fails. */
  aws: (args: string[]) => string
  log?: (line: string) => void
}

/**
 * Carries out the steps in order. When the invalidation does not complete in time it deletes
 * nothing: the next publish finds the same files in its listing and deletes them.
 */
export function runPublish(steps: readonly PublishStep[], target: PublishTarget): void {
  const { aws, bucket, distributionId, prefix = '', log = console.log } = target
  // A section's build invalidates its own paths only; the root's, everything (one wildcard path either way).
  const paths = prefix ? [`/${prefix}*`, `/${prefix.replace(/\/$/, '')}`] : ['/*']
  let invalidated = false
  for (const step of steps) {
    if (step.kind === 'upload') {
      const staged = stage(target.dir, step.keys, join(target.stagingDir, step.phase.replace(/ /g, '-')))
      const type = step.contentType ? ['--content-type', step.contentType] : []
      aws([
        's3',
        'sync',
        staged,
        `s3://${bucket}${prefix ? `/${prefix}` : ''}`,
        '--no-progress',
        ...type,
        '--cache-control',
        step.cacheControl,
      ])
      rmSync(staged, { recursive: true, force: true })
    } else if (step.kind === 'invalidate') {
      const id = aws([
        'cloudfront',
        'create-invalidation',
        '--distribution-id',
        distributionId,
        '--paths',
        ...paths,
        '--query',
        'Invalidation.Id',
        '--output',
        'text',
      ]).trim()
      try {
        aws(['cloudfront', 'wait', 'invalidation-completed', '--distribution-id', distributionId, '--id', id])
        invalidated = true
      } catch {
        log(`Invalidation ${id} did not complete in time: old files stay online until the next publish deletes them.`)
      }
    } else if (invalidated) {
      for (let i = 0; i < step.keys.length; i += 1000) {
        const objects = step.keys.slice(i, i + 1000).map((key) => ({ Key: `${prefix}${key}` }))
        aws([
          's3api',
          'delete-objects',
          '--bucket',
          bucket,
          '--delete',
          JSON.stringify({ Objects: objects, Quiet: true }),
        ])
      }
      log(`Deleted ${step.keys.length} old files the new site no longer has.`)
    }
  }
  rmSync(target.stagingDir, { recursive: true, force: true })
}

/** Links the files into a folder of their own, at the same relative paths. */
function stage(dir: string, keys: readonly string[], into: string): string {
  rmSync(into, { recursive: true, force: true })
  for (const key of keys) {
    const from = join(dir, key)
    const to = join(into, key)
    mkdirSync(dirname(to), { recursive: true })
    try {
      linkSync(from, to)
    } catch {
      copyFileSync(from, to)
      const { atime, mtime } = statSync(from)
      utimesSync(to, atime, mtime)
    }
  }
  return into
}

/** Every file of the built site, as its key in the bucket. */
export function siteKeys(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
}

// npx tsx infra/publish/upload-site.ts site/dist <listing of the part (list-online.ts)>   (SITE_PREFIX: its folder)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'site/dist', listing] = process.argv.slice(2)
  const online = listing ? [...parseListing(readFileSync(listing, 'utf8') || 'null').keys()] : []
  const env = (name: string): string => {
    if (!process.env[name]) throw new Error(`${name} is not set: the build project sets it (publish-stack.ts)`)
    return process.env[name]
  }
  runPublish(publishPlan(siteKeys(dir), online), {
    dir,
    stagingDir: '.journal/upload',
    bucket: env('SITE_BUCKET'),
    prefix: process.env.SITE_PREFIX ?? '',
    distributionId: env('DISTRIBUTION_ID'),
    aws: (args) => {
      const output = execFileSync('aws', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      process.stdout.write(output)
      return output
    },
  })
}
