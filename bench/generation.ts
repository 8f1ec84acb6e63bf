import { isoWeekOf } from '../functions/core/time/index.js'
import { learnOrganisations, localStartDate } from '../functions/core/privacy/index.js'
import { type Entry, DEFAULT_SETTINGS } from '../functions/core/model/index.js'
import { reportStats } from '../functions/core/report/index.js'
import { selectDigest } from '../functions/core/digest/index.js'
import { syntheticEntries } from './synthetic-journal.js'

/** Every week's digest of a journal, as the digest job computes them (known organisations carried along). */
function allDigests(entries: Entry[], now: Date): number {
  const byWeek = new Map<string, Entry[]>()
  for (const entry of entries) {
    const week = isoWeekOf(localStartDate(entry, DEFAULT_SETTINGS.timeZone))
    byWeek.set(week, [...(byWeek.get(week) ?? []), entry])
  }
  const known = new Set<string>()
  let items = 0
  for (const week of [...byWeek.keys()].sort()) {
    const weekEntries = byWeek.get(week)!
    items += selectDigest(weekEntries, week, now, { ...DEFAULT_SETTINGS, knownBefore: known }).items.length
    learnOrganisations(weekEntries, now, known)
  }
  return items
}

/** The fastest of several runs: the first warms the JIT and the date memo, noise only ever adds time. */
function time(run: () => unknown, repeats = 7): number {
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return Math.min(...times)
}

/** Digest and annual-report generation on a 10-year, 10,000-entry journal against half of it (linear growth). */
export function generationFigures(): { digestMs: [number, number]; reportMs: [number, number] } {
  const now = new Date('2030-01-01T00:00:00Z')
  const full = syntheticEntries(10_000)
  const half = full.slice(0, 5_000)
  const lastYear = (entries: Entry[]) => {
    const end = localStartDate(entries.at(-1)!, DEFAULT_SETTINGS.timeZone)
    return { from: `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`, to: end }
  }
  return {
    digestMs: [time(() => allDigests(half, now)), time(() => allDigests(full, now))],
    reportMs: [
      time(() => reportStats(half, lastYear(half), now, DEFAULT_SETTINGS)),
      time(() => reportStats(full, lastYear(full), now, DEFAULT_SETTINGS)),
    ],
  }
}
