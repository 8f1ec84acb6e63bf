import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type PublishStep, publishPlan, ruleFor, runPublish } from '../../infra/publish/upload-site.js'
import { FEED_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '../../infra/site/site-files.js'

/** What an organisation's build writes: its own pages and a servant's section, each with a search index. */
const SITE = [
  'index.html',
  'week/2015-W12/index.html',
  'en/index.html',
  '_astro/index.B2x9.css',
  '_astro/manifest.json',
  'theme.css',
  'search.js',
  'favicon.svg',
  'robots.txt',
  'sitemap.xml',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.wasm',
  'pagefind/wasm.unknown.pagefind',
  'pagefind/index/nl_1a2b.pf_index',
  'pagefind/fragment/nl_3c4d.pf_fragment',
  'en/pagefind/pagefind-entry.json',
  'en/pagefind/pagefind.en_5e6f.pf_meta',
  'jansen/index.html',
  'jansen/_astro/index.C3y4.css',
  'jansen/agenda.atom',
  'jansen/agenda.ics',
  'jansen/agenda.json',
  'jansen/agenda.xml',
  'jansen/themes/woningbouw.ics',
  'jansen/data/agenda.csv',
  'jansen/data/journal.json',
  'jansen/pagefind/pagefind-entry.json',
  'jansen/pagefind/fragment/nl_7a8b.pf_fragment',
  'agenda.atom',
  'agenda.ics',
]

const plan = publishPlan(SITE, ['index.html', 'old-page/index.html', '_astro/index.A1x1.css'])
const uploadOf = (key: string) => {
  const steps = plan.filter((s): s is PublishStep & { kind: 'upload' } => s.kind === 'upload' && s.keys.includes(key))
  expect(steps, key).toHaveLength(1)
  return steps[0]!
}
const position = (key: string) => plan.indexOf(uploadOf(key))

describe('publishing site/dist: what each file is sent as', () => {
  it.each([
    ['agenda.atom', 'application/atom+xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/agenda.atom', 'application/atom+xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['agenda.ics', 'text/calendar; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/themes/woningbouw.ics', 'text/calendar; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/agenda.xml', 'application/xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['sitemap.xml', 'application/xml; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/agenda.json', 'application/json; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/data/journal.json', 'application/json; charset=utf-8', FEED_CACHE_CONTROL],
    ['jansen/data/agenda.csv', 'text/csv; charset=utf-8', FEED_CACHE_CONTROL],
    ['index.html', 'text/html; charset=utf-8', PAGE_CACHE_CONTROL],
    ['week/2015-W12/index.html', 'text/html; charset=utf-8', PAGE_CACHE_CONTROL],
    ['pagefind/wasm.unknown.pagefind', undefined, PAGE_CACHE_CONTROL],
    ['pagefind/pagefind.wasm', 'application/wasm', PAGE_CACHE_CONTROL],
    ['_astro/index.B2x9.css', undefined, IMMUTABLE_CACHE_CONTROL],
    ['_astro/manifest.json', undefined, IMMUTABLE_CACHE_CONTROL],
    ['jansen/_astro/index.C3y4.css', undefined, IMMUTABLE_CACHE_CONTROL],
    ['favicon.svg', undefined, PAGE_CACHE_CONTROL],
  ])('uploads %s once, as %s with Cache-Control %s', (key, contentType, cacheControl) => {
    expect(uploadOf(key)).toMatchObject({ contentType, cacheControl })
  })

  it.each(['wouter/_astro/x.css', 'wouter/_astro/chunk.A1b2.json', 'wouter/en/_astro/x.js'])(
    "sends a section's hashed asset %s as immutable, like the root's, not as a feed",
    (key) => {
      expect(ruleFor(key).cacheControl).toBe(IMMUTABLE_CACHE_CONTROL)
    },
  )

  it('uploads every file of the site', () => {
    const uploaded = plan.flatMap((s) => (s.kind === 'upload' ? s.keys : []))
    expect(uploaded.sort()).toEqual([...SITE].sort())
  })
})

describe('publishing site/dist: the order that keeps search and styles working throughout', () => {
  it("uploads each search index's files before its pagefind-entry.json, and that before the pages", () => {
    for (const [index, entry] of [
      ['pagefind/fragment/nl_3c4d.pf_fragment', 'pagefind/pagefind-entry.json'],
      ['pagefind/index/nl_1a2b.pf_index', 'pagefind/pagefind-entry.json'],
      ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json'],
      ['pagefind/pagefind.wasm', 'pagefind/pagefind-entry.json'],
      ['en/pagefind/pagefind.en_5e6f.pf_meta', 'en/pagefind/pagefind-entry.json'],
      ['jansen/pagefind/fragment/nl_7a8b.pf_fragment', 'jansen/pagefind/pagefind-entry.json'],
    ] as const) {
      expect(position(index), index).toBeLessThan(position(entry))
      for (const page of ['index.html', 'en/index.html', 'jansen/index.html'])
        expect(position(entry), page).toBeLessThan(position(page))
    }
  })

  it('uploads styles and scripts before the pages, and feeds (which link to pages) after them', () => {
    for (const asset of ['_astro/index.B2x9.css', 'jansen/_astro/index.C3y4.css', 'theme.css', 'search.js'])
      expect(position(asset), asset).toBeLessThan(position('index.html'))
    for (const feed of ['agenda.atom', 'jansen/agenda.json', 'jansen/data/agenda.csv'])
      expect(position(feed), feed).toBeGreaterThan(position('jansen/index.html'))
  })

  it('invalidates after the last upload, and deletes only what the site no longer has, last', () => {
    expect(plan.at(-2)).toEqual({ kind: 'invalidate' })
    expect(plan.at(-1)).toEqual({ kind: 'delete', keys: ['old-page/index.html', '_astro/index.A1x1.css'] })
    expect(plan.slice(0, -2).every((s) => s.kind === 'upload')).toBe(true)
    expect(publishPlan(['index.html'], ['index.html']).at(-1)).toEqual({ kind: 'invalidate' })
  })
})

describe('publishing site/dist: the commands', () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** Runs a publish of SITE against a recording `aws`; `wait` is what the invalidation waiter does. */
  function publish(wait: () => string = () => '', prefix = '') {
    dir = mkdtempSync(join(tmpdir(), 'journal-upload-'))
    const dist = join(dir, 'dist')
    for (const key of SITE) {
      mkdirSync(dirname(join(dist, key)), { recursive: true })
      writeFileSync(join(dist, key), key)
    }
    utimesSync(join(dist, 'theme.css'), 0, 0) // as mark-unchanged.ts leaves a file already online
    const calls: { args: string[]; files?: string[]; themeMtime?: number }[] = []
    const log: string[] = []
    const aws = (args: string[]) => {
      if (args[1] === 'sync') {
        const files = readdirSync(args[2]!, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name).slice(args[2]!.length + 1))
        const theme = files.includes('theme.css') ? statSync(join(args[2]!, 'theme.css')).mtimeMs : undefined
        calls.push({ args, files, themeMtime: theme })
        return ''
      }
      calls.push({ args })
      if (args[1] === 'create-invalidation') return 'I2J0I21PCUYOIK\n'
      if (args[1] === 'wait') return wait()
      return ''
    }
    const steps = publishPlan(SITE, ['index.html', 'old-page/index.html'])
    runPublish(steps, {
      dir: dist,
      stagingDir: join(dir, 'staging'),
      bucket: 'site-bucket',
      prefix,
      distributionId: 'E2EXAMPLE',
      aws,
      log: (line) => log.push(line),
    })
    return { calls, log }
  }
  const option = (args: string[], name: string) => args[args.indexOf(name) + 1]

  it('syncs each group from a folder of its own files, then invalidates, waits, and deletes the old files', () => {
    const { calls } = publish()
    const kinds = calls.map((c) => c.args.slice(0, 2).join(' '))
    const syncs = kinds.filter((k) => k === 's3 sync').length
    expect(syncs).toBeGreaterThan(3)
    expect(kinds).toEqual([
      ...Array(syncs).fill('s3 sync'),
      'cloudfront create-invalidation',
      'cloudfront wait',
      's3api delete-objects',
    ])
    const syncOf = (key: string) => calls.findIndex((c) => c.files?.includes(key))
    expect(syncOf('pagefind/fragment/nl_3c4d.pf_fragment')).toBeLessThan(syncOf('pagefind/pagefind-entry.json'))
    expect(syncOf('pagefind/pagefind-entry.json')).toBeLessThan(syncOf('index.html'))
    const atom = calls[syncOf('jansen/agenda.atom')]!
    expect(atom.args.slice(2, 4)).toEqual([expect.stringContaining('staging'), 's3://site-bucket'])
    expect(option(atom.args, '--content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(option(calls[syncOf('agenda.ics')]!.args, '--content-type')).toBe('text/calendar; charset=utf-8')
    expect(calls.find((c) => c.themeMtime !== undefined)!.themeMtime).toBe(0)
    expect(option(calls.at(-3)!.args, '--paths')).toBe('/*')
    expect(calls.at(-2)!.args).toEqual([
      'cloudfront',
      'wait',
      'invalidation-completed',
      '--distribution-id',
      'E2EXAMPLE',
      '--id',
      'I2J0I21PCUYOIK',
    ])
    expect(JSON.parse(option(calls.at(-1)!.args, '--delete')!)).toEqual({
      Objects: [{ Key: 'old-page/index.html' }],
      Quiet: true,
    })
  })

  it("publishes a servant's section into its folder: uploads, invalidates and deletes there only", () => {
    const { calls } = publish(() => '', 'bram/')
    const syncs = calls.filter((c) => c.args[1] === 'sync')
    expect(new Set(syncs.map((c) => c.args[3]))).toEqual(new Set(['s3://site-bucket/bram/']))
    const invalidation = calls.find((c) => c.args[1] === 'create-invalidation')!.args
    expect(invalidation.slice(invalidation.indexOf('--paths') + 1, invalidation.indexOf('--query'))).toEqual([
      '/bram/*',
      '/bram',
    ])
    expect(JSON.parse(option(calls.at(-1)!.args, '--delete')!)).toEqual({
      Objects: [{ Key: 'bram/old-page/index.html' }],
      Quiet: true,
    })
  })

  it('deletes nothing while the invalidation has not completed, and says the next publish will', () => {
    const { calls, log } = publish(() => {
      throw new Error('Waiter InvalidationCompleted failed: Max attempts exceeded')
    })
    expect(calls.map((c) => c.args[1])).not.toContain('delete-objects')
    expect(log.join('\n')).toMatch(/old files stay online until the next publish deletes them/)
  })
})
