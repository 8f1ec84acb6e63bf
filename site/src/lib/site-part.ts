import { AsyncLocalStorage } from 'node:async_hooks'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { LOCALE_ROUTES, localeRoute } from './i18n.js'
import { snapshotFile } from './snapshot-file.js'

/**
 * One part of the site a build makes: a journal (the whole site, or one servant's section of an
 * organisation's site) or the organisation's own pages, each from its own public snapshot.
 *
 * A build usually makes one part, under Astro's `base`. The local publisher also builds a
 * servant's section and the organisation's pages a change touched in one build (one Astro start
 * and one compile instead of two): `JOURNAL_SITE_PARTS` names a file listing the parts, Astro's
 * base is then the root, and each part's pages are routed under its own base.
 */
export interface SitePart {
  /** The path the part is served under: '' at the root, '/wouter' for a servant's section. */
  base: string
  snapshotFile: string
  /** The agenda pages to build, when only those a change touched are (see `Journal.builds`). */
  pagesFile?: string
}

/** Astro's base ('' at the root): where every part of this build lies. */
const ASTRO_BASE = import.meta.env.BASE_URL.replace(/\/+$/, '')

await inputsWritten()
export const SITE_PARTS: readonly SitePart[] = partsOfThisBuild()

/**
 * The publisher starts Astro before it has exported what the build reads (starting and compiling
 * take ~5 s, the export of a change ~1 s; see functions/publish/build-site.ts), and says on this
 * process's standard input when the parts file and the snapshots are written. Nothing reads them
 * before this module, which every page and endpoint imports through the journal.
 */
async function inputsWritten(): Promise<void> {
  if (process.env.JOURNAL_SITE_INPUTS_LATER !== '1') return
  for await (const chunk of process.stdin) if (String(chunk).includes('\n')) return
  throw new Error('The site builder stopped before it had written what the build reads.')
}

function partsOfThisBuild(): SitePart[] {
  const listed = process.env.JOURNAL_SITE_PARTS
  if (!listed) {
    const pagesFile = process.env.JOURNAL_SITE_PAGES
    return [{ base: ASTRO_BASE, snapshotFile: snapshotFile(), ...(pagesFile && { pagesFile }) }]
  }
  const parts = JSON.parse(readFileSync(listed, 'utf8')) as SitePart[]
  for (const part of parts) {
    if (part.base !== ASTRO_BASE && !part.base.startsWith(`${ASTRO_BASE}/`))
      throw new Error(`The part at ${part.base} lies outside the build's base ${ASTRO_BASE || '/'}.`)
  }
  return parts.map((part) => ({ ...part, snapshotFile: resolve(part.snapshotFile) }))
}

const rendering = new AsyncLocalStorage<SitePart>()

/**
 * The part the page being rendered belongs to (set by the middleware for each page, and by
 * `eachPart` for the routes' `getStaticPaths`). A build of one part needs no context.
 */
export function currentPart(): SitePart {
  const part = rendering.getStore() ?? (SITE_PARTS.length === 1 ? SITE_PARTS[0] : undefined)
  if (!part) throw new Error('A page was rendered outside the parts of this build.')
  return part
}

/**
 * Runs `work` within `part`. A build of one part runs it as it is: it needs no context, and an
 * AsyncLocalStorage once used makes Node track every promise of every page after it (1.4 s of the
 * 19 s a 10,000-entry site spent rendering, issue 16).
 */
export const inPart = <T>(part: SitePart, work: () => T): T =>
  SITE_PARTS.length === 1 ? work() : rendering.run(part, work)

/** The part a page's path lies in: the one with the longest base the path starts with. */
function partAt(pathname: string): SitePart {
  const within = SITE_PARTS.filter((p) => pathname === p.base || pathname.startsWith(`${p.base}/`))
  const part = within.sort((a, b) => b.base.length - a.base.length)[0]
  if (!part) throw new Error(`The page ${pathname} lies in no part of this build.`)
  return part
}

type StaticPath = { params: Record<string, string | undefined>; props?: object }

/**
 * A route's `getStaticPaths` over every part of the build: `paths` runs for each part in turn
 * (its `loadJournal()` is that part's journal), and the route's leading rest parameter `param`
 * (`[...lang]`, `[...part]`) gets the part's path in front: `en` → `wouter/en`. Each path carries
 * its part in its props (`sitePart`), which the middleware renders the page in: a page is never
 * given a part by its address, which another part's route could share.
 */
export async function eachPart<P extends StaticPath>(param: string, paths: () => P[] | Promise<P[]>): Promise<P[]> {
  const all: P[] = []
  for (const part of SITE_PARTS) {
    const prefix = part.base.slice(ASTRO_BASE.length).replace(/^\//, '')
    for (const path of await inPart(part, paths)) {
      const value = [prefix, path.params[param]].filter(Boolean).join('/') || undefined
      all.push({ ...path, params: { ...path.params, [param]: value }, props: { ...path.props, sitePart: part } })
    }
  }
  return all
}

/**
 * The part a page renders in: the one its route put in its props, or for a page without routes of
 * its own (the 404 page) the one at the build's base.
 */
export function partOfPage(props: Record<string, unknown>, pathname: string): SitePart {
  const part = props.sitePart as SitePart | undefined
  if (part && pathname !== part.base && !pathname.startsWith(`${part.base}/`))
    throw new Error(`The page ${pathname} was rendered from a route of the part at ${part.base || '/'}.`)
  return part ?? partAt(pathname)
}

/**
 * A section's page links the stylesheets Astro wrote under the build's base; a section built on its
 * own links them under its own base (where it is also served at a servant's own host name). So a
 * part below the build's base gets its pages' links moved (`/wouter/_astro/…`; the builder puts a
 * copy of the styles there); a part at the base has nothing to move.
 */
export function ownStylesheets(part: SitePart): ((html: string) => string) | undefined {
  if (part.base === ASTRO_BASE) return undefined
  const [built, own] = [`href="${ASTRO_BASE}/_astro/`, `href="${part.base}/_astro/`]
  return (html) => html.replaceAll(built, own)
}

/** `getStaticPaths` of a file each part has once (feeds, sitemaps): `[...part]/agenda.xml`. */
export const oncePerPart = () => eachPart('part', () => [{ params: { part: undefined } }])

/** `getStaticPaths` of a page that exists once per language in each part of the build: `{ locale }`. */
export const oneEachLanguage = () => eachPart('lang', () => LOCALE_ROUTES.map(localeRoute))
