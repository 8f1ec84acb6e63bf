import { describe, expect, it } from 'vitest'
import { siteSyncCommands } from '../../infra/publish/buildspec.js'
import { FEED_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '../../infra/site/site-files.js'

/** One `aws s3 sync` as the AWS CLI reads it: filters in order (the last match wins), --delete, headers. */
function parseSync(command: string) {
  const args = [...command.matchAll(/--([a-z-]+)(?: '([^']*)')?/g)].map((m) => ({ flag: m[1]!, value: m[2] }))
  const filters = args.filter((a) => a.flag === 'exclude' || a.flag === 'include')
  const value = (flag: string) => args.find((a) => a.flag === flag)?.value
  // The CLI prefixes each pattern with the source directory and matches the whole path with
  // fnmatch, where * also matches "/".
  const matches = (pattern: string, file: string) =>
    new RegExp(
      `^${`site/dist/${pattern}`
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    ).test(file)
  return {
    uploads: (file: string) =>
      filters.reduce((included, f) => (matches(f.value!, file) ? f.flag === 'include' : included), true),
    deletes: args.some((a) => a.flag === 'delete'),
    contentType: value('content-type'),
    cacheControl: value('cache-control'),
  }
}

const passes = siteSyncCommands().map(parseSync)
const uploadsOf = (file: string) => passes.filter((p) => !p.deletes && p.uploads(file))

describe('uploading site/dist', () => {
  it.each([
    ['agenda.ics', 'text/calendar; charset=utf-8', FEED_CACHE_CONTROL],
    ['week/2015-W12/agenda.ics', 'text/calendar; charset=utf-8', FEED_CACHE_CONTROL],
    ['rss.xml', 'application/xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['sitemap-index.xml', 'application/xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['feed.json', 'application/json; charset=utf-8', FEED_CACHE_CONTROL],
    ['data/entries.json', 'application/json; charset=utf-8', FEED_CACHE_CONTROL],
    ['data/entries.csv', 'text/csv; charset=utf-8', FEED_CACHE_CONTROL],
    ['index.html', 'text/html; charset=utf-8', PAGE_CACHE_CONTROL],
    ['week/2015-W12/index.html', 'text/html; charset=utf-8', PAGE_CACHE_CONTROL],
    ['pagefind/wasm.unknown.pagefind', undefined, PAGE_CACHE_CONTROL],
    ['pagefind/pagefind.wasm', 'application/wasm', PAGE_CACHE_CONTROL],
    ['_astro/index.B2x9.css', undefined, IMMUTABLE_CACHE_CONTROL],
    ['_astro/manifest.json', undefined, IMMUTABLE_CACHE_CONTROL],
    ['favicon.svg', undefined, PAGE_CACHE_CONTROL],
  ])('writes %s once, as %s with Cache-Control %s', (file, contentType, cacheControl) => {
    const uploads = uploadsOf(`site/dist/${file}`)
    expect(uploads).toHaveLength(1)
    expect(uploads[0]).toMatchObject({ contentType, cacheControl })
  })

  it('deletes what the new build no longer has only in the last pass, after every upload', () => {
    expect(passes.map((p) => p.deletes)).toEqual([...passes.slice(1).map(() => false), true])
    expect(passes.at(-1)!.uploads('site/dist/anything.html')).toBe(true)
  })
})
