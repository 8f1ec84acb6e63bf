import {
  addDays,
  isoWeekOf,
  localDaysToInstants,
  isoWeeksBetween,
  previousIsoWeek,
  weekRangeOrThrow,
} from '../core/time/index.js'
import { learnOrganisations, localStartDate } from '../core/privacy/index.js'
import {
  digestScheduledAt,
  reviseDigest,
  type Digest,
  type DigestMode,
  type DigestOutcome,
  type DigestRequest,
  type DigestStatus,
  selectDigest,
} from '../core/digest/index.js'
import type { Entry, JournalSettings } from '../core/model/index.js'
import {
  deleteDigest,
  getDigest,
  getJournalSettings,
  listAllEntries,
  listDigests,
  listEntries,
  putDigest,
  VersionConflictError,
  type Db,
} from '../store/index.js'

/**
 * Generating a week's digest as one unit of work: read the entries, select (core), compare with
 * the stored digest, write only what changed. The API, the scheduled Lambda and `npm start` all
 * call these, so "run twice, get one digest" holds everywhere. The decisions themselves are pure
 * (`selectDigest`, `reviseDigest` in core); this file only reads and writes around them.
 */

export interface GenerateOptions {
  now: Date
  /** Status of a digest that does not exist yet; an existing one keeps its own. */
  defaultStatus: DigestStatus
  request?: DigestRequest
  /** Entries already read: all up to the end of the week, or only the week's with `knownBefore`. */
  entries?: Entry[]
  /** Organisations named before the entries given (see `selectDigest`). */
  knownBefore?: ReadonlySet<string>
  /** The journal's zone (its weeks) and language (its lines), read from the profile once per job. */
  settings: JournalSettings
  /** The stored digest if already read (null: none), to spare a read per week; a conflict rereads it. */
  existing?: Digest | null
  /**
   * Set by the schedule, its catch-up and back-fills: a digest they publish is dated at the
   * week's scheduled moment.
   */
  onSchedule?: boolean
}

const weekEnd = (week: string, timeZone: string) => {
  const { from, to } = weekRangeOrThrow(week)
  return localDaysToInstants(from, to, timeZone).end
}

/** (Re)generates the digest of `week`. A concurrent generation of the same week is retried, then agrees. */
export async function generateDigest(
  db: Db,
  person: string,
  week: string,
  options: GenerateOptions,
): Promise<DigestOutcome> {
  const { timeZone, locale } = options.settings
  const entries = options.entries ?? (await listAllEntries(db, person, { end: weekEnd(week, timeZone) }))
  const selection = selectDigest(entries, week, options.now, { timeZone, locale, knownBefore: options.knownBefore })
  for (let attempt = 1; ; attempt++) {
    const existing =
      attempt === 1 && options.existing !== undefined
        ? (options.existing ?? undefined)
        : await getDigest(db, person, week)
    const scheduledAt = options.onSchedule ? digestScheduledAt(week, timeZone) : undefined
    const result = reviseDigest({
      existing,
      selection,
      request: options.request ?? {},
      defaultStatus: options.defaultStatus,
      person,
      now: options.now,
      scheduledAt,
    })
    try {
      if (result.digest && result.outcome !== 'unchanged') await putDigest(db, result.digest, existing?.version ?? 0)
      if (result.outcome === 'removed') await deleteDigest(db, person, week, existing!.version)
      return result
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt === 3) throw error
    }
  }
}

/** One run over many weeks: its moment, how new digests start, and the journal's zone and language. */
export interface DigestRun {
  now: Date
  mode: DigestMode
  settings: JournalSettings
}

const statusFor = (mode: DigestMode): DigestStatus => (mode === 'publish' ? 'published' : 'draft')

export interface WeeklyRun {
  db: Db
  person: string
  now: Date
  mode: DigestMode
}

/** Weeks the job looks over each run, so a run lost to an outage is made good by the next one. */
export const CATCH_UP_WEEKS = 4

/**
 * The scheduled job: the digest of the ISO week that ended before `now` (run on Monday 07:00,
 * that is last week), plus the three weeks before it, so a week whose run failed (database down,
 * retries exhausted) still gets its digest the next Monday. Running it again changes nothing, and
 * it never overrides a status the servant chose: `mode` only decides how a new digest starts.
 * Weeks and lines follow the journal's profile (zone and language). Returns the outcome for last week.
 */
export async function runWeeklyDigest({ db, person, now, mode }: WeeklyRun): Promise<DigestOutcome> {
  const settings = await getJournalSettings(db, person)
  const lastWeek = previousIsoWeek(now, settings.timeZone)
  const firstWeek = isoWeekOf(addDays(weekRangeOrThrow(lastWeek).from, -7 * (CATCH_UP_WEEKS - 1)))
  const outcomes = await generateDigestsBetween(db, person, firstWeek, lastWeek, { now, mode, settings })
  return outcomes.at(-1)!
}

/**
 * Digests for every week from `fromWeek` to `toWeek` (inclusive), from one read of the entries and
 * one of the stored digests. Each entry is projected once: the organisations of past weeks are
 * carried along as `knownBefore`, so years of weeks take a moment, not minutes.
 */
export async function generateDigestsBetween(
  db: Db,
  person: string,
  fromWeek: string,
  toWeek: string,
  run: DigestRun,
): Promise<DigestOutcome[]> {
  const { now, mode, settings } = run
  const byWeek = new Map<string, Entry[]>()
  for (const entry of await listAllEntries(db, person, { end: weekEnd(toWeek, settings.timeZone) })) {
    const week = isoWeekOf(localStartDate(entry, settings.timeZone))
    byWeek.set(week, byWeek.get(week) ?? [])
    byWeek.get(week)!.push(entry)
  }
  const stored = await storedDigests(db, person)
  const known = new Set<string>()
  for (const [week, entries] of byWeek) if (week < fromWeek) learnOrganisations(entries, now, known)
  const outcomes: DigestOutcome[] = []
  for (const week of isoWeeksBetween(fromWeek, toWeek)) {
    const entries = byWeek.get(week) ?? []
    outcomes.push(
      await generateDigest(db, person, week, {
        now,
        defaultStatus: statusFor(mode),
        settings,
        entries,
        knownBefore: known,
        existing: stored.get(week) ?? null,
        onSchedule: true,
      }),
    )
    learnOrganisations(entries, now, known)
  }
  return outcomes
}

async function storedDigests(db: Db, person: string): Promise<Map<string, Digest>> {
  const byWeek = new Map<string, Digest>()
  let cursor: string | undefined
  do {
    const page = await listDigests(db, person, { limit: 500, cursor })
    for (const digest of page.items) byWeek.set(digest.week, digest)
    cursor = page.cursor
  } while (cursor)
  return byWeek
}

/** Digests for all weeks that ended before `now`, from the week of the first entry on (`npm start`, demo journal). */
export async function generatePastDigests(
  db: Db,
  person: string,
  now: Date,
  mode: DigestMode,
): Promise<DigestOutcome[]> {
  const [first] = (await listEntries(db, person, { order: 'asc', limit: 1 })).items
  if (!first) return []
  const settings = await getJournalSettings(db, person)
  const lastWeek = previousIsoWeek(now, settings.timeZone)
  const firstWeek = isoWeekOf(localStartDate(first, settings.timeZone))
  return firstWeek <= lastWeek ? generateDigestsBetween(db, person, firstWeek, lastWeek, { now, mode, settings }) : []
}
