import type { AgendaIndex, SnapshotEntry } from '@core/publishing/index.js'
import { addDays, isoWeekOf, isoWeekRange } from '@core/time/index.js'

/**
 * Which weeks the home page shows. "This week" is never an empty hero: a week without public
 * appointments (a holiday, the first days of January) gives way to the latest week that has them,
 * and the coming week is shown only when something is planned in it.
 */
export interface HomeWeeks {
  /** The week shown first: this week, or the latest earlier week with public appointments. */
  week: string
  isThisWeek: boolean
  entries: SnapshotEntry[]
  /** The week after this one, and its public appointments (possibly none). */
  nextWeek: string
  nextEntries: SnapshotEntry[]
}

const isPublic = (e: SnapshotEntry) => e.visibility === 'public' && !e.withdrawn

export function homeWeeks(agenda: AgendaIndex<SnapshotEntry>, thisWeek: string): HomeWeeks {
  const latest =
    agenda.inWeek(thisWeek).some(isPublic) || agenda.weeks.length === 0
      ? thisWeek
      : ([...agenda.weeks].reverse().find((w) => w < thisWeek && agenda.inWeek(w).some(isPublic)) ?? thisWeek)
  const nextWeek = isoWeekOf(addDays(isoWeekRange(thisWeek)!.to, 1))
  return {
    week: latest,
    isThisWeek: latest === thisWeek,
    entries: agenda.inWeek(latest),
    nextWeek,
    nextEntries: agenda.inWeek(nextWeek).filter(isPublic),
  }
}
