import { defineCollection, z } from 'astro:content'
import { glob } from 'astro/loaders'

/**
 * Everything the site shows comes from the public snapshot (the journal) or from the
 * hand-written pages in `content/pages/` (about, privacy, accessibility statement), the one
 * collection. The snapshot is not a collection: `lib/journal.ts` reads each part's snapshot file
 * itself (see there why).
 */
export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: '../content/pages' }),
    schema: z.object({ title: z.string(), description: z.string().optional(), titleEn: z.string().optional() }),
  }),
}
