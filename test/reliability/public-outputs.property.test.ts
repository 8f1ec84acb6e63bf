import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import {
  toAgendaCsv,
  toAtom,
  toJsonFeed,
  toRss,
  agendaFeed,
  digestFeed,
  buildPublicSnapshot,
  journalItemsFrom,
  serializeSnapshot,
} from '../../functions/core/publishing/index.js'
import { toPublicDigest, type Digest } from '../../functions/core/digest/index.js'
import { type Entry, DEFAULT_SETTINGS } from '../../functions/core/model/index.js'
import { toICalendar } from '../../functions/core/calendar/index.js'
import { toPublicEntry } from '../../functions/core/privacy/index.js'
import { listChangedSince } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi } from '../support/test-db.js'

/**
 * Property tests over random sequences of what a servant does (create, edit, re-type a
 * counterpart, restrict, make private, withdraw, embargo, edit notes, publish the digest), with
 * time passing between steps. After every step:
 * - public metadata (version, updatedAt, createdAt) moves exactly when the public view moves;
 * and at the end of every sequence:
 * - every public output (API reads, the snapshot, feeds, iCalendar, CSV) says what the one public
 *   projection of the current state says;
 * - nothing the servant ever wrote into an entry that is private, restricted or embargoed at the
 *   end, no name typed `private-person` at the end and no internal note appears in any of them.
 */

const WEEK = { week: '2015-W14', from: '2015-03-30', to: '2015-04-05' }
const SITE = 'https://agenda.example.org'

type Step =
  | { op: 'create'; visibility: 'public' | 'restricted' | 'private'; day: number; people: boolean }
  | { op: 'title' | 'notes' | 'withdraw' | 'embargo' | 'digest' | 'wait'; at: number }
  | { op: 'retype'; at: number; which: number; toPrivate: boolean }
  | { op: 'visibility'; at: number; visibility: 'public' | 'restricted' | 'private' }

const visibility = fc.constantFrom('public' as const, 'restricted' as const, 'private' as const)
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      visibility,
      day: fc.integer({ min: 0, max: 6 }),
      people: fc.boolean(),
    }),
    weight: 3,
  },
  fc.record({
    op: fc.constantFrom(
      'title' as const,
      'notes' as const,
      'withdraw' as const,
      'embargo' as const,
      'digest' as const,
      'wait' as const,
    ),
    at: fc.nat(),
  }),
  {
    arbitrary: fc.record({
      op: fc.constant('retype' as const),
      at: fc.nat(),
      which: fc.nat({ max: 1 }),
      toPrivate: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('visibility' as const), at: fc.nat(), visibility }), weight: 2 },
)

/** Everything one entry was ever given, so a secret it once held can be looked for everywhere. */
interface Written {
  id: string
  titles: string[]
  names: string[]
  notes: string[]
}

async function journal() {
  let clock = new Date('2015-04-06T06:00:00Z')
  const api = await testApi({ now: () => clock })
  const written: Written[] = []
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000)
  }
  const raw = async (id: string): Promise<Entry> => {
    const { history: _h, ...entry } = await (await api.get(`/api/entries/${id}`, api.auth)).json()
    return entry as Entry
  }
  const change = async (id: string, patch: Record<string, unknown>) => {
    const current = await raw(id)
    const res = await api.send('PATCH', `/api/entries/${id}`, patch, { 'If-Match': `"${current.version}"` })
    expect([200, 400, 409]).toContain(res.status) // e.g. an edit a withdrawn entry refuses: nothing changes then
  }

  /** One step's write, at the moment the clock shows (`tick` moves it on first). */
  async function write(s: Step) {
    if (s.op === 'create') {
      const n = written.length
      const names = s.people ? [`Vogel${n}a Canarisz`, `Vogel${n}b Canarisz`] : []
      const [title, notes] = [`Titel${n}v0 geheim`, `Notitie${n}v0`]
      const res = await api.send(
        'POST',
        '/api/entries',
        entryInput({
          start: `2015-0${s.day < 2 ? `3-3${s.day}` : `4-0${s.day - 1}`}T10:00`,
          end: undefined,
          visibility: s.visibility,
          title,
          location: `Plaats${n}x`,
          notes,
          counterparts: names.map((name) => ({ name, type: 'overig' })),
        }),
      )
      expect(res.status).toBe(201)
      written.push({ id: (await res.json()).id, titles: [title], names, notes: [notes] })
      return
    }
    if (s.op === 'wait') return tick(30)
    if (s.op === 'digest') {
      expect([200, 201]).toContain(
        (await api.send('POST', `/api/digests/${WEEK.week}`, { status: 'published' })).status,
      )
      return
    }
    const target = written[s.at % Math.max(written.length, 1)]
    if (!target) return
    const entry = await raw(target.id)
    if (s.op === 'title') {
      const title = `Titel${written.indexOf(target)}v${target.titles.length} geheim`
      target.titles.push(title)
      return change(target.id, { title })
    }
    if (s.op === 'notes') {
      const notes = `Notitie${written.indexOf(target)}v${target.notes.length}`
      target.notes.push(notes)
      return change(target.id, { notes })
    }
    if (s.op === 'retype') {
      const counterparts = entry.counterparts.map((c, i) =>
        i === s.which ? { name: c.name, type: s.toPrivate ? 'private-person' : 'overig' } : c,
      )
      return change(target.id, { counterparts })
    }
    if (s.op === 'visibility') return change(target.id, { visibility: s.visibility })
    if (s.op === 'embargo')
      return change(target.id, { publishAfter: new Date(clock.getTime() + 3 * 60_000).toISOString() })
    if (entry.withdrawn) return
    expect(
      (
        await api.send(
          'DELETE',
          `/api/entries/${target.id}`,
          { reason: 'onjuist' },
          { 'If-Match': `"${entry.version}"` },
        )
      ).status,
    ).toBe(200)
  }

  /** The public read of every entry, with bookkeeping split off from what the public sees. */
  async function publicReads() {
    const reads = new Map<string, { status: number; body: Record<string, unknown> }>()
    for (const { id } of written) {
      const res = await api.get(`/api/entries/${id}`)
      reads.set(id, { status: res.status, body: await res.json() })
    }
    return reads
  }

  return { api, written, tick, write, raw, publicReads, now: () => clock }
}

const seen = ({ version: _v, updatedAt: _u, createdAt: _c, history: _h, ...view }: Record<string, unknown>) =>
  JSON.stringify(view)

type PublicReads = Map<string, { status: number; body: Record<string, unknown> }>

/** Metadata moves with the public view only: the same view keeps its version and dates, another has a newer version. */
function sameMetadataUnlessSeenChanged(before: PublicReads, after: PublicReads, cause: string) {
  for (const [id, now] of after) {
    const was = before.get(id)
    if (was?.status !== 200 || now.status !== 200) continue
    if (seen(was.body) === seen(now.body)) {
      expect(now.body, `metadata of ${id} moved after ${cause} without a public change`).toMatchObject({
        version: was.body.version,
        updatedAt: was.body.updatedAt,
        createdAt: was.body.createdAt,
      })
    } else {
      expect(now.body.version as number, `public change of ${id} after ${cause} without a new version`).toBeGreaterThan(
        was.body.version as number,
      )
    }
  }
}

describe('every public output under random sequences of edits', () => {
  it('agrees with the one public projection, moves metadata only with the public view, and leaks nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const j = await journal()
        let last = await j.publicReads()
        for (const s of steps) {
          // Time passing alone (an embargo ending) and the write are two changes: each is checked.
          j.tick()
          const before = await j.publicReads()
          sameMetadataUnlessSeenChanged(last, before, 'time passing')
          await j.write(s)
          last = await j.publicReads()
          sameMetadataUnlessSeenChanged(before, last, s.op)
        }
        await checkOutputs(j)
      }),
      { numRuns: 25 },
    )
  }, 300_000)
})

async function checkOutputs(j: Awaited<ReturnType<typeof journal>>) {
  const now = j.now()
  const entries = await Promise.all(j.written.map(({ id }) => j.raw(id)))
  const projected = new Map(
    entries.flatMap((e) => {
      const view = toPublicEntry(e, { now })
      return view ? [[e.id, view] as const] : []
    }),
  )

  // API reads: each entry, the listing and the digest say what the projection says.
  const reads = await j.publicReads()
  for (const { id } of j.written) {
    const read = reads.get(id)!
    expect(read.status).toBe(projected.has(id) ? 200 : 404)
    if (projected.has(id))
      expect({ ...read.body, history: undefined }).toEqual({ ...projected.get(id), history: undefined })
  }
  const listing = await j.api.get(`/api/entries?from=${WEEK.from}&to=${WEEK.to}&order=asc&limit=100`)
  const listed = (await listing.json()).items as { id: string; person: string }[]
  // The organisation-wide listing names each entry's servant beside the projection.
  expect(listed.every((e) => e.person === PERSON)).toBe(true)
  expect(new Map(listed.map(({ person: _person, ...e }) => [e.id, e]))).toEqual(projected)
  const digestRead = await j.api.get(`/api/digests/${WEEK.week}`)
  const storedDigest = await j.api.get(`/api/digests/${WEEK.week}`, j.api.auth)
  const expectedDigest =
    storedDigest.status === 200
      ? toPublicDigest((await storedDigest.json()) as Digest, entries, { now, ...DEFAULT_SETTINGS })
      : null
  expect(digestRead.status).toBe(expectedDigest ? 200 : 404)
  const digestText = await digestRead.text()
  if (expectedDigest) expect(JSON.parse(digestText)).toEqual(expectedDigest)

  // The snapshot the site is built from, and what the site makes of it.
  const snapshot = buildPublicSnapshot(journalItemsFrom(await listChangedSince(j.api.db, PERSON)), { now })
  expect(new Map(snapshot.entries.map(({ history: _h, ...e }) => [e.id, e]))).toEqual(projected)
  expect(snapshot.digests).toEqual(expectedDigest ? [expectedDigest] : [])
  const calendar = toICalendar(snapshot.entries, {
    name: 'Agenda',
    entryUrl: ({ id }) => `${SITE}/agenda/entry/${id}/`,
    locale: 'nl',
    timezone: snapshot.timezone,
  })
  const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent')
  expect(
    new Map(
      events.map((e) => [
        String(e.getFirstPropertyValue('uid')).split('@')[0],
        Number(e.getFirstPropertyValue('sequence')),
      ]),
    ),
  ).toEqual(new Map([...projected.values()].map((e) => [e.id, e.version])))
  const csv = toAgendaCsv(snapshot.entries, { person: 'Anna', site: SITE, locale: 'nl', timezone: snapshot.timezone })
  expect(
    new Set(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((row) => row.split(';').at(-1)),
    ),
  ).toEqual(new Set(projected.keys()))
  const feeds = [agendaFeed(snapshot, SITE), digestFeed(snapshot, SITE)].flatMap((feed) => [
    toRss(feed),
    toAtom(feed),
    toJsonFeed(feed),
  ])

  const outputs = [
    ...[...reads.values()].map((r) => JSON.stringify(r.body)),
    JSON.stringify(listed),
    digestText,
    serializeSnapshot(snapshot),
    calendar,
    csv,
    ...feeds,
  ].join('\n')
  for (const secret of secretsAtTheEnd(j.written, entries, now))
    expect(outputs, `"${secret}" reached a public output`).not.toContain(secret)
}

/** What must not be public at the end: all ever written in hidden entries, private individuals' names, notes. */
function secretsAtTheEnd(written: Written[], entries: Entry[], now: Date): string[] {
  return written.flatMap((w, n) => {
    const entry = entries[n]!
    const view = toPublicEntry(entry, { now })
    const hidden = !view || view.visibility === 'restricted'
    const privateNames = entry.counterparts.filter((c) => c.type === 'private-person').map((c) => c.name)
    return [...w.notes, ...(hidden ? [...w.titles, ...w.names, `Plaats${n}x`] : privateNames)]
  })
}
