import type { Counterpart, Entry } from './entry.js'
import { KIND_LABELS } from '../words/labels.js'

/**
 * Help for writing entries that mean something. A 2023 review found only 12% of ministers'
 * agenda entries named both a subject and a counterpart; the admin and the CLI nudge toward both
 * with these, and suggest what the servant named before.
 */

const VAGUE_TITLES = new Set(
  [
    ...Object.values(KIND_LABELS.nl),
    ...Object.values(KIND_LABELS.en),
    'afspraak',
    'overleg',
    'gesprek',
    'bespreking',
    'bijeenkomst',
    'afstemming',
    'bijpraten',
    'kennismaking',
    'lunch',
    'diner',
    'call',
    'belafspraak',
    'meeting',
    'appointment',
    'catch-up',
    'catch up',
    'sync',
    'update',
    'teams',
    'teams-overleg',
    'skype',
    'videocall',
    'werkoverleg',
    'vergadering',
  ].map((t) => t.toLowerCase()),
)

export type Essential = 'subject' | 'counterpart'

/**
 * What an entry still lacks to be meaningful: a subject (a title of one word, or a bare word
 * such as "Overleg") and a counterpart. Empty when both are there.
 *
 * @example missingEssentials({ title: 'Overleg', counterparts: [] }) → ['subject', 'counterpart']
 */
export function missingEssentials(input: { title?: string; counterparts?: readonly unknown[] }): Essential[] {
  const title = (input.title ?? '')
    .trim()
    .toLowerCase()
    .replace(/[.!:]+$/, '')
  const vague = title.split(/\s+/).filter(Boolean).length < 2 || VAGUE_TITLES.has(title)
  return [
    ...(vague ? ['subject' as const] : []),
    ...((input.counterparts ?? []).length === 0 ? ['counterpart' as const] : []),
  ]
}

export interface CounterpartSuggestion extends Counterpart {
  count: number
}

/** Organisations named in `entries`, most named first, each with the type it was given most recently. */
export function counterpartSuggestions(entries: readonly Entry[], max = 200): CounterpartSuggestion[] {
  const byName = new Map<string, CounterpartSuggestion & { latest: string }>()
  for (const entry of entries) {
    for (const c of entry.counterparts) {
      const key = c.name.toLocaleLowerCase('nl')
      const known = byName.get(key)
      if (!known) byName.set(key, { ...c, count: 1, latest: entry.updatedAt })
      else {
        known.count++
        if (entry.updatedAt > known.latest) Object.assign(known, { type: c.type, latest: entry.updatedAt })
      }
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl'))
    .slice(0, max)
    .map(({ latest: _latest, ...s }) => s)
}

/** Themes used in `entries`, most used first. */
export function themeSuggestions(entries: readonly Entry[], max = 20): string[] {
  const counts = new Map<string, number>()
  for (const entry of entries) for (const theme of entry.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl'))
    .slice(0, max)
    .map(([theme]) => theme)
}
