import type { Loader } from 'astro/loaders'
import type { OrganisationSnapshot, PublicSnapshot } from '@core/publishing/index.js'
import { readSnapshot } from './snapshot-file.js'

type Part = 'journal' | 'posts' | 'digests'

/**
 * The items of one collection, each with its id. `journal` holds the one-off facts: profile,
 * moment, zone (or the organisation and its servants). The organisation's pages have no posts
 * or digests of their own: each servant's are in their section.
 */
function itemsOf(snapshot: PublicSnapshot | OrganisationSnapshot, part: Part): Item[] {
  const { entries: _entries, ...facts } = snapshot
  if (part === 'journal') {
    const { posts: _posts, digests: _digests, ...journal } = { posts: [], digests: [], ...facts }
    return [{ id: 'journal', data: journal }]
  }
  if (!('posts' in snapshot)) return []
  if (part === 'posts') return snapshot.posts.map((p) => ({ id: p.slug, data: p }))
  return snapshot.digests.map((d) => ({ id: d.week, data: d }))
}

type Item = { id: string; data: object }

/**
 * A content loader over the public snapshot. The snapshot was validated when it was made (it
 * holds projections only), so items go into the store as they are, in snapshot order.
 */
export function snapshotLoader(part: Part): Loader {
  return {
    name: `journal-snapshot-${part}`,
    load: async ({ store, logger }) => {
      const items = itemsOf(readSnapshot().snapshot, part)
      store.clear()
      for (const item of items) store.set(item as { id: string; data: Record<string, unknown> })
      logger.info(`${items.length} ${part} from the public snapshot`)
    },
  }
}
