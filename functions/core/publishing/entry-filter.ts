import type { PublicEntry } from '../privacy/public-projection.js'

export interface EntryFilter {
  theme?: string
  counterpart?: string
  kind?: string
}

const same = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0

/**
 * Whether a (public) entry matches the reader's filters: theme and counterpart by name,
 * ignoring case and accents; kind exactly. Used by the API and the site alike.
 */
export function matchesEntryFilter(
  entry: Pick<PublicEntry, 'themes' | 'counterparts' | 'kind'>,
  filter: EntryFilter,
): boolean {
  return (
    (!filter.kind || entry.kind === filter.kind) &&
    (!filter.theme || entry.themes.some((t) => same(t, filter.theme!))) &&
    (!filter.counterpart || entry.counterparts.some((c) => same(c.name, filter.counterpart!)))
  )
}
