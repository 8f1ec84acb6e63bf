import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locale } from '../core/model/index.js'

/**
 * One page of every kind the site has, found in a built demo site: the fixed pages by their
 * path, the others (an entry, a digest, an organisation…) as the first link of that kind on the
 * page that lists them, so the list stays right when the demo journal changes. Used by
 * `npm run screenshots`, the Lighthouse test and the bench.
 */
export interface PageKind {
  /** A file-name-safe name: `home`, `week`, `report-figure`. */
  kind: string
  /** The path in the Dutch site; `pagePath` gives the English one. */
  path: string
}

/** The demo's busiest stretch: a week and month with many public appointments, the report's year. */
const FIXED: readonly PageKind[] = [
  { kind: 'home', path: '/' },
  { kind: 'agenda', path: '/agenda/' },
  { kind: 'year', path: '/agenda/2015/' },
  { kind: 'month', path: '/agenda/2015/03/' },
  { kind: 'week', path: '/agenda/2015/w12/' },
  { kind: 'digests', path: '/digest/' },
  { kind: 'posts', path: '/posts/' },
  { kind: 'organisations', path: '/organisations/' },
  { kind: 'themes', path: '/themes/' },
  { kind: 'search', path: '/search/' },
  { kind: 'data', path: '/data/' },
  { kind: 'about', path: '/about/' },
  { kind: 'privacy', path: '/privacy/' },
  { kind: 'accessibility', path: '/accessibility/' },
]

/** Pages found as the first link matching `pattern` on the page at `on`. */
const LINKED: readonly { kind: string; on: string; pattern: RegExp }[] = [
  { kind: 'entry', on: '/agenda/2015/w12/', pattern: /href="(\/agenda\/entry\/[^"/]+\/)"/ },
  { kind: 'digest', on: '/digest/', pattern: /href="(\/digest\/\d{4}-w\d{2}\/)"/ },
  { kind: 'annual-report', on: '/posts/', pattern: /href="(\/posts\/jaarverslag[^"/]*\/)"/ },
  { kind: 'organisation', on: '/organisations/', pattern: /href="(\/organisations\/[^"/]+\/)"/ },
  { kind: 'theme', on: '/themes/', pattern: /href="(\/themes\/[^"/]+\/)"/ },
]

/** Pages other work may add (the Follow page): shown when the build has them. */
const OPTIONAL: readonly PageKind[] = [
  { kind: 'follow', path: '/volgen/' },
  { kind: 'follow', path: '/follow/' },
]

const htmlOf = (dist: string, path: string) => join(dist, path, path.endsWith('/') ? 'index.html' : '')

function firstLink(dist: string, on: string, pattern: RegExp, kind: string): string {
  const found = pattern.exec(readFileSync(htmlOf(dist, on), 'utf8'))?.[1]
  if (!found) throw new Error(`No ${kind} page is linked from ${on} in ${dist}: the demo site lacks one.`)
  return found
}

/** Every page kind of the built demo site in `dist`, in reading order; throws when one is missing. */
export function demoPageKinds(dist: string): PageKind[] {
  for (const { kind, path } of FIXED)
    if (!existsSync(htmlOf(dist, path))) throw new Error(`The ${kind} page ${path} is missing from ${dist}.`)
  const linked = LINKED.map(({ kind, on, pattern }) => ({ kind, path: firstLink(dist, on, pattern, kind) }))
  const report = linked.find((p) => p.kind === 'annual-report')!.path
  const figure = firstLink(dist, report, new RegExp(`href="(${report}[^"/]+/)"`), 'report figure')
  const optional = OPTIONAL.filter(({ path }) => existsSync(htmlOf(dist, path)))
  const byKind = new Map([...FIXED, ...linked, { kind: 'report-figure', path: figure }].map((p) => [p.kind, p]))
  const order = ['home', 'agenda', 'year', 'month', 'week', 'entry', 'digests', 'digest', 'posts', 'annual-report']
  const rest = [...byKind.keys()].filter((k) => !order.includes(k))
  return [
    ...[...order, ...rest].map((k) => byKind.get(k)!),
    ...optional.filter((p, i) => optional.findIndex((q) => q.kind === p.kind) === i),
    { kind: 'not-found', path: '/404.html' },
  ]
}

/**
 * A page's path in `locale`: English pages live under `/en/`. The 404 page is one file for both;
 * in English it is asked for as a missing English address, as a reader would meet it.
 */
export function pagePath(page: PageKind, locale: Locale): string {
  if (locale === 'nl') return page.path
  return page.kind === 'not-found' ? '/en/no-such-page/' : `/en${page.path}`
}
