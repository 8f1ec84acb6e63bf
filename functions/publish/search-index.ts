import { readFileSync } from 'node:fs'
import * as pagefind from 'pagefind'

/**
 * Indexes a built site with Pagefind, into `/pagefind/`. Only what a reader searches for is
 * indexed: entries, posts and digests (pages that mark their content with `data-pagefind-body`).
 * Content is written in one language and both interfaces show the same text, so one index, of
 * the default-language pages, serves both (search.js maps results to /en/).
 *
 * It runs after the Astro build has exited rather than inside it: both hold a large heap for a
 * big journal, and one after the other they stay within the 1 GB budget.
 */
export async function indexSearch(site: string, snapshotFile: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: contentLanguage(snapshotFile) })
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
    const added = await index.addDirectory({ path: site, glob: '{agenda/entry,posts,digest}/**/*.html' })
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` })
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
    return { pages: added.page_count }
  } finally {
    await pagefind.close()
  }
}

/** The journal's language, from the snapshot the site was built from (its words are stemmed by it). */
function contentLanguage(snapshotFile: string): string {
  try {
    return (JSON.parse(readFileSync(snapshotFile, 'utf8')) as { locale?: string }).locale ?? 'nl'
  } catch {
    return 'nl'
  }
}
