/**
 * How each kind of file of the built site (`site/dist`) is stored and cached. One list serves the
 * upload (content type and Cache-Control per pattern, in the CodeBuild buildspec) and CloudFront
 * (which path patterns get the short feed cache), so the two cannot drift apart.
 */

/** Feeds, calendars and open data: clients poll them, so a change must show within minutes. */
export const FEED_CACHE_CONTROL = 'public, max-age=300'
/** Pages: short in browsers; CloudFront is invalidated after every publish anyway. */
export const PAGE_CACHE_CONTROL = 'public, max-age=300, must-revalidate'
/** Astro's content-hashed assets never change under the same name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

export interface SiteFileRule {
  /** s3 sync `--include` patterns, relative to site/dist. */
  readonly patterns: readonly string[]
  /** Sent as Content-Type; left out, the AWS CLI guesses from the extension. */
  readonly contentType?: string
  readonly cacheControl: string
}

/** Typed files first; everything not matched here is uploaded with PAGE_CACHE_CONTROL. */
export const SITE_FILE_RULES: readonly SiteFileRule[] = [
  { patterns: ['_astro/*'], cacheControl: IMMUTABLE_CACHE_CONTROL },
  { patterns: ['*.ics'], contentType: 'text/calendar; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.xml'], contentType: 'application/xml; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.json'], contentType: 'application/json; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.csv'], contentType: 'text/csv; charset=utf-8', cacheControl: FEED_CACHE_CONTROL },
  { patterns: ['*.html'], contentType: 'text/html; charset=utf-8', cacheControl: PAGE_CACHE_CONTROL },
  { patterns: ['*.wasm'], contentType: 'application/wasm', cacheControl: PAGE_CACHE_CONTROL },
]

/** CloudFront path patterns served with the short feed cache policy. */
export const FEED_PATH_PATTERNS = ['/feed*', '*.ics', '*.xml', '/data/*'] as const

/** CloudFront path pattern of the content-hashed assets. */
export const IMMUTABLE_PATH_PATTERN = '/_astro/*'
