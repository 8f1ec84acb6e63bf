import { isoWeeksBetween, parseWeek, previousIsoWeek } from '../../../functions/core/time/index.js'
import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS as AMSTERDAM,
  applyEntryPatch,
  normalizeEntryInput,
  newEntry,
  revisedEntry,
  withdrawnEntry,
} from '../../../functions/core/model/index.js'
import {
  parseDigestMode,
  reviseDigest,
  toPublicDigest,
  type Digest,
  selectDigest,
  type DigestSelection,
} from '../../../functions/core/digest/index.js'

const item = (n: number) => ({
  entryId: `E${n}`,
  date: '2015-03-16',
  kind: 'advice' as const,
  line: `ma 16 mrt · advies · Gemeente ${n}`,
  path: `/agenda/entry/E${n}/`,
})
const selection = (items = [item(1), item(2)], moreCount = 0, withheldCount = 1): DigestSelection => ({
  week: '2015-W12',
  items,
  moreCount,
  withheldCount,
})
const first = new Date('2015-03-23T06:00:00Z')
const later = new Date('2015-03-24T09:00:00Z')
const revise = (existing: Digest | undefined, s: DigestSelection, request = {}, now = later) =>
  reviseDigest({ existing, selection: s, request, defaultStatus: 'published', person: 'p', now })
const created = () => revise(undefined, selection(), {}, first).digest!

describe('reviseDigest: regenerating a digest', () => {
  it('creates a digest with the default status, an empty intro and version 1', () => {
    expect(revise(undefined, selection(), {}, first)).toEqual({
      week: '2015-W12',
      outcome: 'created',
      digest: {
        person: 'p',
        week: '2015-W12',
        items: [item(1), item(2)],
        moreCount: 0,
        withheldCount: 1,
        intro: '',
        status: 'published',
        generatedAt: first.toISOString(),
        publishedAt: first.toISOString(),
        updatedAt: first.toISOString(),
        version: 1,
      },
    })
  })

  it('is idempotent: the same selection again changes nothing, not even the version', () => {
    const digest = created()
    expect(revise(digest, selection())).toEqual({ week: '2015-W12', outcome: 'unchanged', digest })
  })

  it("keeps the servant's intro and status when the items change", () => {
    const edited = revise(created(), selection(), { intro: 'Een drukke week.', status: 'draft' }).digest!
    const regenerated = revise(edited, selection([item(1), item(3)], 1), {}, new Date('2015-03-25T09:00:00Z'))
    expect(regenerated).toMatchObject({
      outcome: 'updated',
      digest: {
        intro: 'Een drukke week.',
        status: 'draft',
        moreCount: 1,
        version: 3,
        generatedAt: '2015-03-25T09:00:00.000Z',
      },
    })
    expect(regenerated.digest).not.toHaveProperty('publishedAt')
  })

  it.each([
    [
      'a new intro',
      { intro: 'Nieuw' },
      { intro: 'Nieuw', generatedAt: first.toISOString(), publishedAt: first.toISOString() },
    ],
    ['unpublishing', { status: 'draft' }, { status: 'draft', generatedAt: first.toISOString() }],
  ])('bumps the version for %s but keeps when the items were generated', (_what, request, expected) => {
    expect(revise(created(), selection(), request)).toMatchObject({
      outcome: 'updated',
      digest: { version: 2, updatedAt: later.toISOString(), ...expected },
    })
  })

  it.each([
    [
      'removes an existing digest',
      true,
      'removed',
      '2015-W12 no longer has public entries, so its digest was removed.',
    ],
    ['creates nothing', false, 'empty', '2015-W12 has no public entries, so it gets no digest.'],
  ])('for a week without public entries %s', (_what, exists, outcome, detail) => {
    expect(revise(exists ? created() : undefined, selection([], 0, 3))).toEqual({
      week: '2015-W12',
      outcome,
      digest: null,
      detail,
    })
  })
})

describe('toPublicDigest: a stored digest as the public may see it now', () => {
  const entries = [
    newEntry(
      normalizeEntryInput(
        {
          start: '2015-03-16T10:00',
          title: 'Advies',
          kind: 'advice',
          visibility: 'public',
          counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
          themes: ['zelfsturing'],
        },
        AMSTERDAM_JOURNAL,
      ),
      'p',
      first,
      'E1',
    ),
    newEntry(
      normalizeEntryInput(
        {
          start: '2015-03-18T10:00',
          title: 'Lezing',
          kind: 'lecture',
          visibility: 'public',
          counterparts: [{ name: 'CANARY-Jansen', type: 'bedrijf' }],
        },
        AMSTERDAM_JOURNAL,
      ),
      'p',
      first,
      'E2',
    ),
  ]
  const digest = revise(undefined, selectDigest(entries, '2015-W12', first, AMSTERDAM), {}, first).digest!
  const change = (patch: Record<string, unknown>) =>
    revisedEntry(entries[1]!, applyEntryPatch(entries[1]!, patch), later)
  const lines = (shown: ReturnType<typeof toPublicDigest>) => shown?.items.map((i) => i.line)

  it('shows a published digest without the owner key, a draft not at all', () => {
    expect(toPublicDigest(digest, entries, { now: later, ...AMSTERDAM })).not.toHaveProperty('person')
    expect(lines(toPublicDigest(digest, entries, { now: later, ...AMSTERDAM }))).toEqual([
      'ma 16 mrt · advies · Gemeente Enschede · zelfsturing',
      'wo 18 mrt · lezing · CANARY-Jansen',
    ])
    expect(toPublicDigest({ ...digest, status: 'draft' }, entries, { now: later, ...AMSTERDAM })).toBeNull()
  })

  it.each([
    ['made private', change({ visibility: 'private' })],
    ['made restricted', change({ visibility: 'restricted' })],
    ['withdrawn', withdrawnEntry(entries[1]!, 'onjuist', later)],
    ['moved to the next week', change({ start: '2015-03-24T10:00' })],
    ['gone from the store', undefined],
  ])('drops an item whose entry was %s since the digest was generated', (_what, changed) => {
    const shown = toPublicDigest(digest, changed ? [entries[0]!, changed] : [entries[0]!], { now: later, ...AMSTERDAM })
    expect(lines(shown)).toEqual(['ma 16 mrt · advies · Gemeente Enschede · zelfsturing'])
    expect(JSON.stringify(shown)).not.toMatch(/CANARY/)
  })

  it('renders a line again when a counterpart has since been marked a private individual', () => {
    const shown = toPublicDigest(
      digest,
      [entries[0]!, change({ counterparts: [{ name: 'CANARY-Jansen', type: 'private-person' }] })],
      { now: later, ...AMSTERDAM },
    )
    expect(lines(shown)).toContain('wo 18 mrt · lezing · particulier')
    expect(JSON.stringify(shown)).not.toMatch(/CANARY/)
  })

  it('shows nothing when no item is left', () => {
    expect(toPublicDigest(digest, [], { now: later, ...AMSTERDAM })).toBeNull()
  })
})

describe('the week the Monday job digests', () => {
  it.each([
    ['Monday 07:00 CET', '2015-03-23T06:00:00Z', '2015-W12'],
    ['Monday 00:30 CET, still Sunday in UTC', '2015-03-22T23:30:00Z', '2015-W12'],
    ['Sunday 23:59 CET: that week has not ended', '2015-03-22T22:59:00Z', '2015-W11'],
    ['Monday 07:00 CEST, the day after the spring DST change', '2015-03-30T05:00:00Z', '2015-W13'],
    ['Monday 07:00 CET after the autumn DST change', '2015-10-26T06:00:00Z', '2015-W43'],
    ['the first Monday of 2016', '2016-01-04T06:00:00Z', '2015-W53'],
    ['the first Monday of 2021', '2021-01-04T06:00:00Z', '2020-W53'],
    ['Monday 7 January 2019', '2019-01-07T06:00:00Z', '2019-W01'],
  ])('on %s is %s', (_when, now, week) => {
    expect(previousIsoWeek(new Date(now), AMSTERDAM.timeZone)).toBe(week)
  })

  it.each([
    ['2015-W52', '2016-W02', ['2015-W52', '2015-W53', '2016-W01', '2016-W02']],
    ['2015-W12', '2015-W12', ['2015-W12']],
    ['2015-W13', '2015-W12', []],
  ])('lists the weeks from %s to %s', (from, to, weeks) => {
    expect(isoWeeksBetween(from, to)).toEqual(weeks)
  })

  it.each([
    ['2015-w12', '2015-W12'],
    ['2020-W53', '2020-W53'],
  ])('reads the week %s as %s', (input, week) => {
    expect(parseWeek(input)).toBe(week)
  })

  it.each([
    [undefined, 'publish'],
    ['', 'publish'],
    ['publish', 'publish'],
    ['draft', 'draft'],
  ] as const)('reads JOURNAL_DIGEST_MODE=%s as %s', (value, mode) => {
    expect(parseDigestMode(value)).toBe(mode)
  })

  it('refuses an unknown JOURNAL_DIGEST_MODE instead of guessing', () => {
    expect(() => parseDigestMode('publsh')).toThrow(/publish" or "draft/)
  })
})
