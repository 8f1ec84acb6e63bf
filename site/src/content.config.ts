import { defineCollection, z } from 'astro:content'
import { glob } from 'astro/loaders'
import { snapshotLoader } from './lib/snapshot-loader.js'

/**
 * Everything the site shows comes from the public snapshot (the journal) or from the
 * hand-written pages in `content/pages/` (about, privacy, accessibility statement).
 */
export const collections = {
  journal: defineCollection({ loader: snapshotLoader('journal') }),
  entries: defineCollection({ loader: snapshotLoader('entries') }),
  posts: defineCollection({ loader: snapshotLoader('posts') }),
  digests: defineCollection({ loader: snapshotLoader('digests') }),
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: '../content/pages' }),
    schema: z.object({ title: z.string(), description: z.string().optional(), titleEn: z.string().optional() }),
  }),
}
