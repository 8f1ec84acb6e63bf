import type { Loader } from 'astro/loaders'
import type { PublicSnapshot } from '@core/publishing/index.js'
import { readSnapshot } from './snapshot-file.js'

type Part = 'journal' | 'posts' | 'digests'

/** The items of one collection, each with its id. `journal` holds the one-off facts: profile, moment, zone. */
function itemsOf(snapshot: PublicSnapshot, part: Part): { id: string; data: Record<string, unknown> }[] {
  switch (part) {
    case 'journal': {
      const { entries: _e, posts: _p, digests: _d, ...journal } = snapshot
      return [{ id: 'journal', data: journal as unknown as Record<string, unknown> }]
    }
    case 'posts':
      return snapshot.posts.map((p) => ({ id: p.slug, data: p as unknown as Record<string, unknown> }))
    case 'digests':
      return snapshot.digests.map((d) => ({ id: d.week, data: d as unknown as Record<string, unknown> }))
  }
}

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
      for (const item of items) store.set(item)
      logger.info(`${items.length} ${part} from the public snapshot`)
    },
  }
}
