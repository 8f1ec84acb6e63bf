import type { PublicOrganisation, PublicServant } from '../privacy/organisation-projection.js'
import type { ReportPeriod } from '../report/report-stats.js'
import { entryStartInstant } from '../model/entry.js'
import { compareText } from '../model/slug.js'
import type { Locale } from '../model/vocabulary.js'
import type { PublicSnapshot, SnapshotEntry } from './public-snapshot.js'

/**
 * The organisation's public snapshot: its servants, a glance at each one's year, and every
 * servant's public entries on one timeline. It is made from the servants' public snapshots and
 * nothing else, so it can hold nothing their sections do not already show; the organisation's
 * pages (home, agenda across servants, organisations met) are built from it.
 */
export const ORGANISATION_SNAPSHOT_FORMAT = 'open-agenda-journal/organisation-snapshot'
export const ORGANISATION_SNAPSHOT_VERSION = 1

/** A servant's accounting year in four figures, for their card on the organisation's home page. */
export interface ServantGlance {
  period: ReportPeriod
  appointments: number
  organisations: number
  /** Share of appointments naming both a subject and a counterpart; null without appointments. */
  subjectAndCounterpart: number | null
  /** Median days from an appointment to its publication; null without appointments. */
  medianPublicationDays: number | null
}

export type OrganisationServant = PublicServant & {
  /** The servant's own line under their name (`role, organisation`), from their profile. */
  organisation?: string
  glance?: ServantGlance
}

/** An entry on the organisation's timeline: a servant's public entry, without its history, naming the servant. */
export type OrganisationEntry = Omit<SnapshotEntry, 'history'> & { person: string }

export interface OrganisationSnapshot {
  format: typeof ORGANISATION_SNAPSHOT_FORMAT
  version: typeof ORGANISATION_SNAPSHOT_VERSION
  generatedAt: string
  /** The organisation's language and zone: those of most of its servants (see `commonSetting`). */
  locale: Locale
  timezone: string
  organisation: PublicOrganisation
  /** Active servants first, then those who left; each group by name. */
  servants: OrganisationServant[]
  /** Every servant's public entries, oldest first, by start instant, then id. */
  entries: OrganisationEntry[]
}

export interface ServantJournal {
  servant: PublicServant
  snapshot: PublicSnapshot
}

/** Builds the organisation's snapshot from its servants' public snapshots, taken at `now`. */
export function buildOrganisationSnapshot(
  organisation: PublicOrganisation,
  journals: readonly ServantJournal[],
  { now }: { now: Date },
): OrganisationSnapshot {
  const servants = journals
    .map(({ servant, snapshot }): OrganisationServant => {
      const stats = snapshot.accountingYear
      const line = snapshot.profile ? snapshot.profile.organisation : undefined
      return {
        ...servant,
        ...(line ? { organisation: line } : {}),
        ...(stats && {
          glance: {
            period: stats.period,
            appointments: stats.total.count,
            organisations: stats.organisations.count,
            subjectAndCounterpart: stats.subjectAndCounterpart.share,
            medianPublicationDays: stats.publicationDelay.medianDays,
          },
        }),
      }
    })
    .sort((a, b) => compareText(a.status, b.status) || compareText(a.name, b.name) || compareText(a.person, b.person))
  const entries = journals
    .flatMap(({ servant, snapshot }) => timelineEntries(snapshot, servant.person))
    .sort((a, b) => a.at - b.at || compareText(a.entry.id, b.entry.id))
    .map(({ entry }) => entry)
  return {
    format: ORGANISATION_SNAPSHOT_FORMAT,
    version: ORGANISATION_SNAPSHOT_VERSION,
    generatedAt: now.toISOString(),
    locale: commonSetting(
      journals.map((j) => j.snapshot.locale),
      'nl',
    ),
    timezone: commonSetting(
      journals.map((j) => j.snapshot.timezone),
      'Europe/Amsterdam',
    ),
    organisation,
    servants,
    entries,
  }
}

/**
 * A servant's entries as the organisation's timeline holds them, with their start instants. Made
 * once per snapshot: a publisher that keeps the snapshots of the servants a change did not touch
 * (49 of 50) passes them again, and gets the very same entries (which `changedAgendaPages` then
 * knows unchanged without comparing their fields). A snapshot is not changed once made.
 */
function timelineEntries(snapshot: PublicSnapshot, person: string): TimedEntry[] {
  const made = timed.get(snapshot)
  if (made?.person === person) return made.entries
  const entries = snapshot.entries.map(({ history: _history, ...fields }) => {
    const entry = { ...fields, person }
    return { entry, at: entryStartInstant(entry).getTime() }
  })
  timed.set(snapshot, { person, entries })
  return entries
}

interface TimedEntry {
  entry: OrganisationEntry
  at: number
}
const timed = new WeakMap<PublicSnapshot, { person: string; entries: TimedEntry[] }>()

/** The value most servants share (the first of equals, in servant order), or `fallback` without servants. */
function commonSetting<T extends string>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: T = fallback
  let most = 0
  for (const [value, count] of counts) if (count > most) [best, most] = [value, count]
  return best
}
