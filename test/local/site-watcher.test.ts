import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSiteWatcher, type SiteBuildResult } from '../../functions/local/site-watcher.js'
import { changeLogFingerprint } from '../../functions/publish/index.js'

/**
 * The site watcher's promise, checked over random interleavings of writes, polls, slow builds and
 * failing builds: every acknowledged change is on the site within two builds after it. The store,
 * the clock and the builder are fakes driven step by step; nothing waits for real time.
 */

const QUIET_MS = 3_000
const SETTLE_MS = 300
const MONDAY = Date.parse('2015-03-16T10:00:00Z')

/** A change log as the store keeps it: each item at the position of its last write (timestamp#key@version). */
class FakeStore {
  readonly versions = new Map<string, number>()
  readonly positions = new Map<string, string>()
  /** Writes an item stamped `stampedAt`, which may be earlier than stamps already in the log (a late commit). */
  write(key: string, stampedAt: number): { key: string; version: number } {
    const version = (this.versions.get(key) ?? 0) + 1
    this.versions.set(key, version)
    this.positions.set(key, `${new Date(stampedAt).toISOString()}#${key}@${version}`)
    return { key, version }
  }
  fingerprint(): string {
    return changeLogFingerprint([...this.positions.values()])
  }
}

/** A build the test finishes when it likes: its export reads the store at a moment the test picks. */
interface PendingBuild {
  exported?: Map<string, number>
  fingerprint?: string
  finish(ok: boolean): void
}

function harness() {
  const store = new FakeStore()
  let now = MONDAY
  const pending: PendingBuild[] = []
  /** What each successful build put on the site, in the order they finished. */
  const sites: Map<string, number>[] = []
  /** The build's export reads the store as it is now. */
  const exportInto = (build: PendingBuild): Map<string, number> => {
    build.fingerprint = store.fingerprint()
    return (build.exported = new Map(store.versions))
  }
  const watcher = createSiteWatcher(
    {
      currentFingerprint: async () => store.fingerprint(),
      build: () =>
        new Promise<SiteBuildResult>((resolve, reject) => {
          const build: PendingBuild = {
            finish(ok) {
              const exported = build.exported ?? exportInto(build)
              if (!ok) return reject(new Error('the build failed'))
              sites.push(exported)
              resolve({ fingerprint: build.fingerprint!, entries: exported.size })
            },
          }
          pending.push(build)
        }),
      now: () => now,
      log: () => {},
    },
    { quietMs: QUIET_MS, settleMs: SETTLE_MS, maxRetryMs: 20_000 },
  )
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r))
  }
  return {
    store,
    watcher,
    pending,
    sites,
    now: () => now,
    async tick(ms: number) {
      now += ms
      await watcher.check()
      await settle()
    },
    /** The running build's export reads the store now (the build itself goes on). */
    exportNow() {
      const build = pending.at(-1)
      if (build && !build.exported) exportInto(build)
    },
    async finish(ok: boolean) {
      pending.pop()?.finish(ok)
      await settle()
    },
  }
}

type Step =
  /** A write; `reported` when it came through the API, which tells the watcher. */
  | { kind: 'write'; key: string; lateByMs: number; reported: boolean }
  | { kind: 'tick'; ms: number }
  | { kind: 'export' }
  | { kind: 'finish'; ok: boolean }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    key: fc.constantFrom('entry-1', 'entry-2', 'entry-3', 'post-1', 'digest-2015-W12'),
    lateByMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120_000 })),
    reported: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 100, max: 30_000 }) }),
  fc.record({ kind: fc.constant('export' as const) }),
  fc.record({ kind: fc.constant('finish' as const), ok: fc.boolean() }),
)

/** Builds that finished successfully after a change, up to and including the first that shows it. */
function buildsUntilShown(
  sites: Map<string, number>[],
  after: number,
  change: { key: string; version: number },
): number {
  const index = sites.slice(after).findIndex((site) => (site.get(change.key) ?? 0) >= change.version)
  return index === -1 ? Number.POSITIVE_INFINITY : index + 1
}

describe('the local site watcher', () => {
  it('publishes every acknowledged write within two builds, whatever the order, slow builds or failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const h = harness()
        void h.watcher.buildNow()
        const acknowledged: { key: string; version: number; buildsBefore: number }[] = []
        for (const s of steps) {
          if (s.kind === 'write') {
            acknowledged.push({ ...h.store.write(s.key, h.now() - s.lateByMs), buildsBefore: h.sites.length })
            if (s.reported) h.watcher.noteChange()
          }
          if (s.kind === 'tick') await h.tick(s.ms)
          if (s.kind === 'export') h.exportNow()
          if (s.kind === 'finish') await h.finish(s.ok)
        }
        // Then the machine is left alone: builds succeed, time passes, until the watcher starts no more.
        for (let round = 0; round < 20; round++) {
          while (h.pending.length > 0) await h.finish(true)
          await h.tick(30_000)
          if (h.pending.length === 0) await h.tick(30_000)
          if (h.pending.length === 0) break
        }
        expect(h.pending).toEqual([])
        for (const change of acknowledged) {
          expect(buildsUntilShown(h.sites, change.buildsBefore, change), JSON.stringify(change)).toBeLessThanOrEqual(2)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('rebuilds for a change landing after an export with an earlier timestamp than the newest exported', async () => {
    const h = harness()
    h.store.write('entry-1', h.now())
    void h.watcher.buildNow()
    h.store.write('entry-5', h.now() + 900) // the newest write the export sees …
    h.exportNow()
    const post = h.store.write('post-1', h.now() + 200) // … and a post stamped before it, committed after the export
    await h.finish(true)
    await h.tick(2_000)
    await h.tick(QUIET_MS)
    expect(h.pending).toHaveLength(1)
    await h.finish(true)
    expect(h.sites.at(-1)!.get(post.key)).toBe(post.version)
  })

  it('builds a write the API reported once it settles, without waiting for the quiet period', async () => {
    const h = harness()
    void h.watcher.buildNow()
    await h.finish(true)
    await h.tick(60_000)
    const write = h.store.write('entry-1', h.now())
    h.watcher.noteChange()
    await h.tick(SETTLE_MS - 100)
    expect(h.pending).toHaveLength(0)
    await h.tick(100)
    expect(h.pending).toHaveLength(1)
    await h.finish(true)
    expect(h.sites[1]!.get(write.key)).toBe(write.version)
  })

  it('lets a burst of reported writes settle into one build', async () => {
    const h = harness()
    void h.watcher.buildNow()
    await h.finish(true)
    for (const key of ['entry-1', 'entry-2', 'entry-3', 'post-1']) {
      h.store.write(key, h.now())
      h.watcher.noteChange()
      await h.tick(SETTLE_MS - 100)
    }
    expect(h.pending).toHaveLength(0)
    await h.tick(100)
    await h.finish(true)
    for (let i = 0; i < 10; i++) await h.tick(60_000)
    expect(h.sites).toHaveLength(2)
    expect([...h.sites[1]!.keys()].sort()).toEqual(['entry-1', 'entry-2', 'entry-3', 'post-1'])
  })

  it('does not build again for a reported write that the running build already exported', async () => {
    const h = harness()
    void h.watcher.buildNow()
    h.store.write('entry-1', h.now())
    h.watcher.noteChange()
    h.exportNow()
    await h.tick(SETTLE_MS)
    await h.finish(true)
    for (let i = 0; i < 10; i++) await h.tick(60_000)
    expect(h.sites).toHaveLength(1)
    expect(h.pending).toHaveLength(0)
  })

  it('looks again at once for a write reported while a look was under way', async () => {
    let now = MONDAY
    let fingerprint = 'before'
    const looks: (() => void)[] = []
    let builds = 0
    const watcher = createSiteWatcher(
      {
        currentFingerprint: () => new Promise<string>((resolve) => looks.push(() => resolve(fingerprint))),
        build: async () => {
          builds++
          return { fingerprint, entries: 0 }
        },
        now: () => now,
        log: () => {},
      },
      { quietMs: QUIET_MS, settleMs: SETTLE_MS },
    )
    await watcher.buildNow()
    now += 60_000
    const look = watcher.check() // a look of the poll, still reading …
    fingerprint = 'after' // … when a write lands and the API reports it
    watcher.noteChange()
    now += SETTLE_MS
    await watcher.check() // the settled write's cue comes while that look is under way
    looks.shift()!()
    await look
    expect(looks).toHaveLength(1)
    looks.shift()!()
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r))
    expect(builds).toBe(2)
  })

  it('lets a slow build finish, then builds once more for what changed meanwhile', async () => {
    const h = harness()
    void h.watcher.buildNow()
    h.exportNow()
    const during = h.store.write('entry-2', h.now())
    for (let i = 0; i < 10; i++) await h.tick(60_000) // the build takes ten minutes
    expect(h.pending).toHaveLength(1)
    await h.finish(true)
    expect(h.sites[0]!.has(during.key)).toBe(false)
    await h.tick(2_000)
    await h.tick(QUIET_MS)
    await h.finish(true)
    expect(h.sites[1]!.get(during.key)).toBe(during.version)
  })

  it('tries a failed build again, waiting longer each time but never more than the maximum', async () => {
    const h = harness()
    void h.watcher.buildNow()
    const waits: number[] = []
    for (let failure = 0; failure < 5; failure++) {
      await h.finish(false)
      const failedAt = h.now()
      while (h.pending.length === 0) await h.tick(500)
      waits.push(h.now() - failedAt)
    }
    expect(waits).toEqual([6_000, 12_000, 20_000, 20_000, 20_000])
  })

  it('does not rebuild while nothing changes, and rebuilds when a new day begins', async () => {
    const h = harness()
    void h.watcher.buildNow()
    await h.finish(true)
    for (let i = 0; i < 100; i++) await h.tick(60_000)
    expect(h.sites).toHaveLength(1)
    expect(h.pending).toHaveLength(0)
    for (let i = 0; i < 24 * 60; i++) await h.tick(60_000)
    expect(h.pending).toHaveLength(1)
  })

  it('starts no build once stopped, even for a change it has already noticed', async () => {
    const h = harness()
    void h.watcher.buildNow()
    await h.finish(true)
    h.store.write('entry-1', h.now())
    await h.tick(2_000)
    const stopped = h.watcher.stop()
    await h.tick(QUIET_MS)
    await stopped
    expect(h.pending).toHaveLength(0)
  })
})
