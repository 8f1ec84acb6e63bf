import { readFileSync } from 'node:fs'
import * as pagefind from 'pagefind'
import { ORGANISATION_SNAPSHOT_FORMAT } from '../core/publishing/index.js'

/**
 * Indexes a built site with Pagefind. Only what a reader searches for is indexed: entries, posts
 * and digests (pages that mark their content with `data-pagefind-body`).
 *
 * Each interface language gets its own index: `/pagefind/` of the Dutch pages and `/en/pagefind/`
 * of the English ones, which the English search page loads. So the English search shows English
 * filters and values (kind "advice", not "advies") and links straight to /en/ pages. Both are
 * stemmed in the journal's own language, because the words people search for (titles, summaries,
 * organisations) are written in it whatever the interface.
 *
 * It runs after the Astro build has exited rather than inside it: both hold a large heap for a
 * big journal, and one after the other they stay within the 1 GB budget; so do the two indexes.
 */
export function indexSearch(site: string, snapshotFile: string): Promise<{ pages: number; seconds: number }> {
  const run = indexing.then(async () => {
    // The time spent indexing, not the turn waited for.
    const started = performance.now()
    const { pages } = await indexBothLanguages(site, snapshotFile)
    return { pages, seconds: (performance.now() - started) / 1000 }
  })
  indexing = run.catch(() => {})
  return run
}

/**
 * Pagefind's Node API drives one backend per process, which `close` ends for every caller: the
 * parts of an organisation's site that build side by side take turns at indexing.
 */
let indexing: Promise<unknown> = Promise.resolve()

async function indexBothLanguages(site: string, snapshotFile: string): Promise<{ pages: number }> {
  const { language, organisation } = whatIsSearched(snapshotFile)
  // An organisation's own pages hold no entry, post or digest: its search page merges the
  // sections' indexes (site/src/pages/[...lang]/search.astro), so an index of its pages is empty.
  if (organisation) return { pages: 0 }
  const dutch = await indexPages(site, '{agenda/entry,posts,digest}/**/*.html', `${site}/pagefind`, language)
  const english = await indexPages(site, 'en/{agenda/entry,posts,digest}/**/*.html', `${site}/en/pagefind`, language)
  return { pages: dutch + english }
}

async function indexPages(site: string, glob: string, outputPath: string, language: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language })
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
    const added = await index.addDirectory({ path: site, glob })
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    return added.page_count
  } finally {
    await pagefind.close()
  }
}

/**
 * From the snapshot the site was built from: the journal's language (its words are stemmed by
 * it), and whether it is an organisation's (it names the servants).
 */
function whatIsSearched(snapshotFile: string): { language: string; organisation: boolean } {
  try {
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { locale?: string; format?: string }
    return { language: snapshot.locale ?? 'nl', organisation: snapshot.format === ORGANISATION_SNAPSHOT_FORMAT }
  } catch {
    return { language: 'nl', organisation: false }
  }
}
