import {
  buildOrganisationSnapshot,
  serializeSnapshot,
  type OrganisationSnapshot,
  type PublicSnapshot,
} from '../core/publishing/index.js'
import type { PublicOrganisation } from '../core/privacy/index.js'
import {
  getPublishState,
  listPublishStates,
  publishedChangeOf,
  putPublishState,
  type Db,
  type PartBuild,
  type PublishState,
} from '../store/index.js'
import { mapAtMost } from '../shared/index.js'
import { readPublicSnapshot } from './export-snapshot.js'
import {
  ORGANISATION_PART,
  sectionOrThrow,
  servantJournal,
  siteLayout,
  type SiteLayout,
} from './organisation-export.js'

/**
 * Publishing in AWS, one part of the site at a time. A part is a servant's section (`/<person>/`)
 * or the pages at the site's root (ORGANISATION_PART): the organisation's own pages, or the one
 * journal of a deployment with a single servant. Each part is published by its own build of the
 * one CodeBuild project; builds of one part never overlap (the queue's message group is the
 * part), builds of different parts run side by side up to the platform's cap.
 *
 * This module decides; the Lambda (functions/lambda/publish.ts) wires it to SQS, S3 and
 * CodeBuild. The export happens here, with the function's read access to the table: the build
 * that runs `npm ci` and Astro gets only the part's public snapshot (issue 15, fix 3).
 */

/** Where the snapshots a build starts from are kept (a private bucket: public data, not yet online). */
export interface SnapshotBucket {
  put(key: string, body: string): Promise<void>
  /** The object's text, or undefined when there is none. */
  get(key: string): Promise<string | undefined>
}

/** What one build of a part is given: its snapshot and where its pages go. */
export interface PartBuildRequest {
  part: string
  /** The snapshot's key in the snapshot bucket. */
  snapshotKey: string
  /** The path the part is served under: `/` for the root, `/<person>` for a section. */
  base: string
  /** Its folder in the site bucket: '' for the root, `<person>/` for a section. */
  prefix: string
  /** The build's heap (JOURNAL_SITE_BUILD_HEAP_MB) and machine, by the entries it renders (`buildSizeFor`). */
  size: BuildSize
}

export interface BuildSize {
  heapMb: number
  /** CodeBuild's arm1.small has 4 GB, arm1.large 16 GB. */
  compute: 'small' | 'large'
}

/**
 * What a build of `entries` entries needs: measured, an Astro build of this site keeps about
 * 48 kB per entry live (719 MB for 15,000; see docs/decisions.md), plus room to collect. A section
 * or a small organisation fits the default 768 MB heap on the small machine; an organisation's
 * root pages with more entries get a larger heap, and past 3 GB the large machine.
 */
export function buildSizeFor(entries: number): BuildSize {
  const heapMb = Math.max(768, Math.ceil((entries * 0.05 + 256) / 256) * 256)
  if (heapMb > MAX_HEAP_MB)
    throw new Error(
      `The site part holds ${entries} entries, more than one build can render (${MAX_HEAP_MB} MB of heap, ` +
        `about ${Math.floor((MAX_HEAP_MB - 256) / 0.05)} entries): nothing was published.`,
    )
  return { heapMb, compute: heapMb > 3_072 ? 'large' : 'small' }
}

/** What the large machine's 16 GB leave a build's heap. */
const MAX_HEAP_MB = 14_336

export type BuildStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED'

/** The build project's calls; an interface so the decisions are tested without AWS. */
export interface PartBuilds {
  /** Starts a build; null when an account or project limit refuses one for now (retry later). */
  start(request: PartBuildRequest): Promise<string | null>
  status(buildId: string): Promise<BuildStatus>
}

/** Asks for parts to be published: one message each, grouped by part. */
export interface PublishQueue {
  send(parts: readonly string[]): Promise<void>
}

export interface Waiting {
  /** Epoch milliseconds after which the publisher stops waiting and lets the message come back. */
  until: number
  pollMs: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface PartPublisherDeps {
  db: Db
  /** The deployment's own journal (JOURNAL_PERSON), on the site whenever it holds anything. */
  person: string
  snapshots: SnapshotBucket
  builds: PartBuilds
  queue: PublishQueue
  wait: Waiting
}

/** The part's build could not start or end before the invocation runs out: its message will come back. */
export class PublishDeferredError extends Error {
  override name = 'PublishDeferredError'
}

/** A build of the part ended without going online; the message comes back and, in the end, alarms. */
export class PartBuildFailedError extends Error {
  override name = 'PartBuildFailedError'
}

export const snapshotKeyOf = (part: string) =>
  part === ORGANISATION_PART ? 'organisation.json' : `people/${part}.json`

/**
 * The parts a batch of changed items (their partition keys) bears on, in the layout the store
 * calls for now. A change to one servant's journal: their section and the root pages (which
 * list it), the root only after the section (see `publishPart`). A change to the organisation or
 * a servant's record: every part. On a one-journal site there is only the root.
 *
 * A section no build has tried yet is asked for with any change: the deployment's own journal
 * (no servant record) turns a one-servant site into an organisation's with its first entry, and
 * the servant whose journal was the root then needs a section, though nothing of theirs changed.
 */
export async function partsToPublish(db: Db, person: string, changedKeys: readonly string[]): Promise<string[]> {
  const changes = changedKeys.map(publishedChangeOf).filter((change) => change !== undefined)
  if (changes.length === 0) return []
  const layout = await siteLayout(db, person)
  if (layout.kind === 'journal') return [ORGANISATION_PART]
  const journalChanges = changes.filter((change) => change !== 'everything')
  if (journalChanges.length < changes.length) return [...layout.people, ORGANISATION_PART]
  const people = new Set(journalChanges.map((change) => change.person))
  const tried = new Set((await listPublishStates(db)).map((state) => state.part))
  return layout.people.filter((p) => people.has(p) || !tried.has(p))
}

export type PartOutcome =
  | { outcome: 'published'; part: string; buildId: string; exportedAt: string }
  /** A build that started after the request already went online: nothing to do. */
  | { outcome: 'already-published'; part: string; exportedAt: string }
  /** The part is not on the site in its present layout (a section of a one-journal site). */
  | { outcome: 'not-on-site'; part: string }

/**
 * Publishes one part for a request made at `requestedAt` (the message's send time, after the
 * change was acknowledged): finishes a build an earlier invocation left running, skips when a
 * build whose export began after the request went online, else exports the part's snapshot,
 * starts its build and waits for it to go online. A section's success asks for the root pages,
 * which list its entries; they are built from the sections' latest snapshots.
 */
export async function publishPart(deps: PartPublisherDeps, part: string, requestedAt: number): Promise<PartOutcome> {
  const { db } = deps
  let state = await getPublishState(db, part)
  if (state.building) {
    const status = await waitForBuild(deps, state.building.buildId)
    if (status === 'SUCCEEDED') await afterPublished(deps, part)
    state = await ended(db, state, state.building, status)
  }
  const published = state.published
  if (published && requestedAt < Date.parse(published.exportedAt) - CLOCK_MARGIN_MS)
    return { outcome: 'already-published', part, exportedAt: published.exportedAt }

  const layout = await siteLayout(db, deps.person)
  const root = part === ORGANISATION_PART
  if (!root && (layout.kind === 'journal' || !layout.people.includes(part))) return { outcome: 'not-on-site', part }
  const now = new Date((deps.wait.now ?? Date.now)())
  const { snapshot, nextChangeAt } = await exportPart(deps, layout, part, now)
  const snapshotKey = snapshotKeyOf(part)
  const size = buildSizeFor(snapshot.entries.length)
  await deps.snapshots.put(snapshotKey, serializeSnapshot(snapshot))
  const request = { part, snapshotKey, base: root ? '/' : `/${part}`, prefix: root ? '' : `${part}/`, size }
  const buildId = await startBuild(deps, request)
  const build: PartBuild = { buildId, exportedAt: now.toISOString(), ...(nextChangeAt ? { nextChangeAt } : {}) }
  await putPublishState(db, { ...state, building: build })
  const status = await waitForBuild(deps, buildId)
  // The root's request goes out before the success is recorded: were the send to fail after it, the
  // request's retry would find the part published and the root would never follow.
  if (status === 'SUCCEEDED') await afterPublished(deps, part)
  await ended(db, state, build, status)
  if (status !== 'SUCCEEDED')
    throw new PartBuildFailedError(`The build ${buildId} of "${part}" failed: its log in CodeBuild says why.`)
  return { outcome: 'published', part, buildId, exportedAt: build.exportedAt }
}

/** Records how a build ended: online (which clears an earlier failure), or failed (not retried by the check). */
async function ended(db: Db, state: PublishState, build: PartBuild, status: 'SUCCEEDED' | 'FAILED') {
  const { building, failed, ...rest } = state
  const next: PublishState = status === 'SUCCEEDED' ? { ...rest, published: build } : { ...rest, failed: build }
  await putPublishState(db, next)
  return next
}

/**
 * How much earlier than a build's export a request must have been sent to be sure that build saw
 * it: SQS stamps the request, the publisher's clock the export; the two may differ a little.
 */
const CLOCK_MARGIN_MS = 5_000

/** A section online: the root pages, which list its entries, follow. */
async function afterPublished(deps: PartPublisherDeps, part: string): Promise<void> {
  if (part !== ORGANISATION_PART) await deps.queue.send([ORGANISATION_PART])
}

/**
 * The snapshot of a part: a section's is its servant's journal; the root's is the one journal of
 * a one-journal site, or the organisation's, made from the sections' snapshots as last exported
 * (a section never exported yet is exported now), so the root pages never read 500 journals.
 */
async function exportPart(
  deps: PartPublisherDeps,
  layout: SiteLayout,
  part: string,
  now: Date,
): Promise<{ snapshot: PublicSnapshot | OrganisationSnapshot; nextChangeAt?: string }> {
  const { db } = deps
  if (layout.kind === 'journal') return readPublicSnapshot(db, layout.person, now)
  // As the local publisher: a slug that could name the root's pages (or a folder outside the site)
  // stops every part before anything is written, and says whom to rename.
  for (const person of layout.people) sectionOrThrow(person)
  if (part !== ORGANISATION_PART) return readPublicSnapshot(db, part, now, layout.organisation)
  const journals = await mapAtMost(layout.people, SNAPSHOT_READS_AT_ONCE, async (person) =>
    servantJournal(person, layout.servants.get(person), await sectionSnapshot(deps, layout.organisation, person, now)),
  )
  return { snapshot: buildOrganisationSnapshot(layout.organisation, journals, { now }) }
}

/**
 * Sections' snapshots read from the bucket at once: the root of an organisation of 500 waits
 * about as long as 63 reads one after another, not 500, and S3 sees no burst.
 */
const SNAPSHOT_READS_AT_ONCE = 8

/** A section's snapshot as last exported, or, for a section never exported, exported now. */
async function sectionSnapshot(
  deps: PartPublisherDeps,
  organisation: PublicOrganisation,
  person: string,
  now: Date,
): Promise<PublicSnapshot> {
  const key = snapshotKeyOf(person)
  const stored = await deps.snapshots.get(key)
  if (stored !== undefined) return JSON.parse(stored) as PublicSnapshot
  const { snapshot } = await readPublicSnapshot(deps.db, person, now, organisation)
  await deps.snapshots.put(key, serializeSnapshot(snapshot))
  return snapshot
}

const QUOTA_BACKOFF_MS = { first: 5_000, max: 60_000 }

/**
 * Starts the build; when a limit refuses it (the account's concurrent builds or its queue), waits
 * and tries again, doubling the wait, until the invocation's time is up.
 */
async function startBuild(deps: PartPublisherDeps, request: PartBuildRequest): Promise<string> {
  const { now = Date.now, sleep = pause } = deps.wait
  for (let backoff = QUOTA_BACKOFF_MS.first; ; backoff = Math.min(backoff * 2, QUOTA_BACKOFF_MS.max)) {
    const id = await deps.builds.start(request)
    if (id) return id
    if (now() + backoff > deps.wait.until)
      throw new PublishDeferredError(
        `CodeBuild refused the build of "${request.part}" for now (a concurrent-build limit of the account): ` +
          'the request will be retried',
      )
    await sleep(backoff)
  }
}

async function waitForBuild(deps: PartPublisherDeps, buildId: string): Promise<'SUCCEEDED' | 'FAILED'> {
  const { now = Date.now, sleep = pause, until, pollMs } = deps.wait
  for (;;) {
    const status = await deps.builds.status(buildId)
    if (status !== 'IN_PROGRESS') return status
    if (now() + pollMs > until)
      throw new PublishDeferredError(`The build ${buildId} is still running: the request will look at it again`)
    await sleep(pollMs)
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The parts whose last published snapshot has gone stale by itself (an embargo ended, a post came
 * out) and that no build has tried since: the scheduled check asks for them. A part whose build
 * keeps failing is not asked for again and again: its failures alarm.
 */
export async function partsGoneStale(db: Db, now: Date): Promise<string[]> {
  return (await listPublishStates(db))
    .filter(({ published, building, failed }) => {
      const due = published?.nextChangeAt ? Date.parse(published.nextChangeAt) : Number.NaN
      const triedSince = failed !== undefined && Date.parse(failed.exportedAt) >= due
      return due <= now.getTime() && !building && !triedSince
    })
    .map((state) => state.part)
}
