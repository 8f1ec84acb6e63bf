import { defineCollection, z } from 'astro:content'
import { glob } from 'astro/loaders'
import { snapshotLoader } from './lib/snapshot-loader.js'

/**
 * Everything the site shows comes from the public snapshot (the journal) or from the
 * hand-written pages in `content/pages/` (about, privacy, accessibility statement).
 * The snapshot's entries are not a collection: Astro bundles its whole data store into the
 * server build as one JavaScript module, which for 10,000 entries cost 2.4 s of build time and
 * 300–480 MB of memory; `lib/journal.ts` reads them from the same snapshot file instead.
 */
export const collections = {
  journal: defineCollection({ loader: snapshotLoader('journal') }),
  posts: defineCollection({ loader: snapshotLoader('posts') }),
  digests: defineCollection({ loader: snapshotLoader('digests') }),
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: '../content/pages' }),
    schema: z.object({ title: z.string(), description: z.string().optional(), titleEn: z.string().optional() }),
  }),
}
