// @ts-check
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as pagefind from 'pagefind'

/**
 * Indexes the built site with Pagefind after every build, into `/pagefind/`. Only what a reader
 * searches for is indexed: entries, posts and digests (pages that mark their content with
 * `data-pagefind-body`). Content is written in one language and both interfaces show the same
 * text, so one index, of the default-language pages, serves both (search.js maps results to /en/).
 * @returns {import('astro').AstroIntegration}
 */
export function searchIndex() {
  return {
    name: 'journal-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        const { index, errors } = await pagefind.createIndex({ forceLanguage: contentLanguage() })
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
        const added = await index.addDirectory({ path: site, glob: '{agenda/entry,posts,digest}/**/*.html' })
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`)
        const written = await index.writeFiles({ outputPath: `${site}/pagefind` })
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
        await pagefind.close()
        logger.info(`indexed ${added.page_count} pages for search`)
      },
    },
  }
}

/** The journal's language, from the snapshot the site was built from (its words are stemmed by it). */
function contentLanguage() {
  try {
    return JSON.parse(readFileSync(process.env.JOURNAL_SNAPSHOT ?? '', 'utf8')).locale ?? 'nl'
  } catch {
    return 'nl'
  }
}
