/**
 * How each kind of file of the built site (`site/dist`) is stored and cached. One list serves the
 * upload (content type and Cache-Control per pattern, infra/publish/upload-site.ts) and CloudFront
 * (which path patterns get the short feed cache, which the long asset cache), so the two cannot drift apart.
 */

/** Feeds, calendars and open data: clients poll them, so a change must show within minutes. */
export const FEED_CACHE_CONTROL = 'public, max-age=300'
/** Pages: short in browsers; CloudFront is invalidated after every publish anyway. */
export const PAGE_CACHE_CONTROL = 'public, max-age=300, must-revalidate'
/** Astro's content-hashed assets never change under the same name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

export interface SiteFileRule {
  /** Patterns relative to site/dist, where `*` matches any characters, `/` too (infra/publish/upload-site.ts). */
  readonly patterns: readonly string[]
  /** Sent as Content-Type; left out, the AWS CLI guesses from the extension (the build image's mime.types). */
  readonly contentType?: string
  readonly cacheControl: string
}

/**
 * Astro's content-hashed assets: the site's own, and those of each servant's section on an
 * organisation's site, which Astro builds with the base `/<person>/`.
 */
const ASSET_FOLDERS = ['_astro/*', '*/_astro/*'] as const

/** The first rule a file matches applies; a file matching none is uploaded with PAGE_CACHE_CONTROL. */
export const SITE_FILE_RULES: readonly SiteFileRule[] = [
  { patterns: ASSET_FOLDERS, cacheControl: IMMUTABLE_CACHE_CONTROL },
  { patterns: ['*.ics'], contentType: 'text/calendar; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.atom'], contentType: 'application/atom+xml; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.xml'], contentType: 'application/xml; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.json'], contentType: 'application/json; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.csv'], contentType: 'text/csv; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.html'], contentType: 'text/html; charset=utf-8', cacheControl: PAGE_CACHE_CONTROL },
  { patterns: ['*.wasm'], contentType: 'application/wasm', cacheControl: PAGE_CACHE_CONTROL },
]

/** Feeds, calendars and open data by kind, wherever they are: at the root or in a servant's section. */
const FEED_EXTENSIONS = ['atom', 'ics', 'xml', 'csv'] as const
/** JSON feeds and data by name: other JSON (Pagefind's index) belongs with the pages it indexes. */
const JSON_FEED_FILES = ['agenda.json', 'digest.json', 'posts.json', 'data/journal.json'] as const

/**
 * CloudFront path patterns served with the short feed cache policy and CORS. A `*` also matches
 * `/`, so `*.ics` covers `/themes/…` and every section; a name needs two patterns, the root's
 * (`/agenda.json`) and a section's (`/<person>/agenda.json`). Not `/data/*`: that is also the
 * open-data page, `/data/` (an HTML page like the others).
 */
export const FEED_PATH_PATTERNS: readonly string[] = [
  ...FEED_EXTENSIONS.map((extension) => `*.${extension}`),
  ...JSON_FEED_FILES.flatMap((name) => [`/${name}`, `/*/${name}`]),
]

/**
 * CloudFront path patterns of the content-hashed assets: the upload's, the root's with its leading
 * `/`. CloudFront reads the section's with a leading `/` too, so it needs a folder before `_astro`.
 * The distribution lists them before the feed patterns: the first match applies, and `*.xml` would
 * otherwise also take an asset of that name.
 */
export const IMMUTABLE_PATH_PATTERNS: readonly string[] = ASSET_FOLDERS.map((pattern) =>
  pattern.startsWith('*') ? pattern : `/${pattern}`,
)
