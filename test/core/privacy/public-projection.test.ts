import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { describe, expect, it } from 'vitest'
import {
  normalizeEntryInput,
  type Entry,
  newEntry,
  revisedEntry,
  withdrawnEntry,
  type Revision,
} from '../../../functions/core/model/index.js'
import {
  ENTRY_FIELD_DECISIONS,
  POST_FIELD_DECISIONS,
  PROFILE_FIELD_DECISIONS,
  publicEntryHistory,
  toPublicEntry,
  toPublicPost,
  toPublicProfile,
} from '../../../functions/core/privacy/index.js'

const now = new Date('2015-06-01T12:00:00Z')
const entry = (overrides: Record<string, unknown> = {}): Entry =>
  newEntry(
    normalizeEntryInput(
      {
        start: '2015-03-16T10:00',
        title: 'Adviesgesprek',
        kind: 'advice',
        visibility: 'public',
        summary: 'Over zelfsturing',
        counterparts: [
          { name: 'Gemeente Almere', type: 'gemeente' },
          { name: 'Jan Jansen', type: 'private-person' },
        ],
        location: 'Almere',
        themes: ['zelfsturing'],
        notes: 'intern',
        ...overrides,
      },
      AMSTERDAM_JOURNAL,
    ),
    'p',
    new Date('2015-03-17T08:00:00Z'),
    'E1',
  )

describe('public projection', () => {
  it('hides a private entry completely', () => {
    expect(toPublicEntry(entry({ visibility: 'private' }), { now })).toBeNull()
  })

  it.each([
    ['restricted', { visibility: 'restricted' }],
    ['embargoed', { publishAfter: '2015-07-01T00:00:00Z' }],
  ])('shows a %s entry only as a slot', (_name, overrides) => {
    const view = toPublicEntry(entry(overrides), { now })!
    expect(view).toMatchObject({
      visibility: 'restricted',
      title: 'Besloten afspraak',
      counterparts: [],
      themes: [],
      kind: 'advice',
      start: '2015-03-16T10:00:00+01:00',
    })
    expect(JSON.stringify(view)).not.toMatch(/Adviesgesprek|Almere|zelfsturing|Jan Jansen/)
  })

  it('publishes an embargoed entry once the embargo has passed', () => {
    expect(toPublicEntry(entry({ publishAfter: '2015-05-01T00:00:00Z' }), { now })!.title).toBe('Adviesgesprek')
  })

  it.each([
    ['nl', 'particulier'],
    ['en', 'private individual'],
  ] as const)('names a private person "%s" → %s', (locale, label) => {
    const view = toPublicEntry(entry(), { now, locale })!
    expect(view.counterparts).toEqual([
      { name: 'Gemeente Almere', type: 'gemeente' },
      { name: label, type: 'private-person' },
    ])
  })

  it('never publishes internal fields', () => {
    const view = toPublicEntry(entry({ sourceUid: 'uid-1' }), { now })!
    expect(Object.keys(view)).not.toContain('notes')
    expect(Object.keys(view)).not.toContain('sourceUid')
    expect(Object.keys(view)).not.toContain('person')
  })

  it('leaves out every field decided as internal, and every detail of a slot, whatever it holds', () => {
    const canary = 'CANARY-7f3a'
    const stored = {
      ...entry(),
      person: canary,
      publishAfter: '2015-05-01T00:00:00Z',
      notes: canary,
      sourceUid: canary,
      publicMeta: { version: 1 },
    }
    const internal = Object.entries(ENTRY_FIELD_DECISIONS)
      .filter(([, decision]) => decision === 'never')
      .map(([field]) => field)
    expect(internal.sort()).toEqual(['notes', 'person', 'publicMeta', 'publishAfter', 'sourceUid'])
    const view = toPublicEntry(stored, { now })!
    expect(view.title).toBe('Adviesgesprek') // a positive control: the entry is public
    for (const field of internal) expect(Object.keys(view)).not.toContain(field)
    expect(JSON.stringify(view)).not.toContain(canary)
    const slot = toPublicEntry(
      { ...stored, visibility: 'restricted', location: canary, summary: canary, statusNote: canary },
      { now },
    )!
    expect(JSON.stringify(slot)).not.toContain(canary)
    expect(slot).toMatchObject({ counterparts: [], themes: [], links: [] })
  })

  it('shows only published posts whose moment has come', () => {
    const post = {
      slug: 's',
      person: 'p',
      title: 'T',
      kind: 'note' as const,
      body: 'b',
      createdAt: '',
      updatedAt: '',
      version: 1,
    }
    expect(toPublicPost({ ...post, status: 'draft' }, { now })).toBeNull()
    expect(toPublicPost({ ...post, status: 'published', publishedAt: '2015-07-01T00:00:00Z' }, { now })).toBeNull()
    expect(toPublicPost({ ...post, status: 'published', publishedAt: '2015-05-01T00:00:00Z' }, { now })).toMatchObject({
      slug: 's',
    })
  })

  it('leaves the internal fields of posts and the profile out, and the body of a withdrawn post', () => {
    const canary = 'CANARY-b41e'
    const never = (decisions: Record<string, string>) =>
      Object.keys(decisions)
        .filter((field) => decisions[field] === 'never')
        .sort()
    expect([never(POST_FIELD_DECISIONS), never(PROFILE_FIELD_DECISIONS)]).toEqual([
      ['person', 'publicMeta'],
      ['person', 'version'],
    ])
    const post = {
      slug: 's',
      person: canary,
      title: 'T',
      kind: 'note' as const,
      body: 'b',
      status: 'published' as const,
      publishedAt: '2015-05-01T00:00:00Z',
      createdAt: '',
      updatedAt: '',
      version: 1,
    }
    expect(JSON.stringify(toPublicPost(post, { now }))).not.toContain(canary)
    expect(
      toPublicPost({ ...post, body: canary, withdrawn: { at: '2015-05-02T00:00:00Z', reason: 'fout' } }, { now }),
    ).toMatchObject({ body: '', withdrawn: { reason: 'fout' } })
    const profile = toPublicProfile({
      person: canary,
      name: 'Anna',
      role: 'CIO',
      organisation: 'BZK',
      links: [],
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
      updatedAt: '',
      version: 7,
    })
    expect(JSON.stringify(profile)).not.toContain(canary)
    expect(Object.keys(profile)).not.toContain('version')
  })
})

describe('public history', () => {
  const created = entry({ visibility: 'private' })
  const published = revisedEntry(
    created,
    {
      ...normalizeEntryInput(
        { start: '2015-03-16T10:00', title: 'Adviesgesprek', kind: 'advice', visibility: 'public' },
        AMSTERDAM_JOURNAL,
      ),
    },
    now,
  )
  const moved = revisedEntry(
    published,
    {
      ...normalizeEntryInput(
        { start: '2015-03-16T14:00', title: 'Adviesgesprek', kind: 'advice', visibility: 'public' },
        AMSTERDAM_JOURNAL,
      ),
    },
    now,
  )
  const rev = (version: number, before: Entry | undefined, after: Entry): Revision<Entry> => ({
    itemType: 'entry',
    itemId: 'E1',
    person: 'p',
    version,
    at: after.updatedAt,
    by: 't',
    action: before ? 'update' : 'create',
    before,
    after,
  })
  const revisions = [rev(1, undefined, created), rev(2, created, published), rev(3, published, moved)]

  it('starts the public history when the entry became public, numbered as the public saw it, with what changed', () => {
    const history = publicEntryHistory(moved, revisions, { now })
    expect(history.map((r) => r.version)).toEqual([1, 2])
    expect(history[1]!.changes).toEqual([
      { field: 'start', from: '2015-03-16T10:00:00+01:00', to: '2015-03-16T14:00:00+01:00' },
    ])
  })

  it('shows only slot fields in the history of a withdrawn entry', () => {
    const gone = withdrawnEntry(moved, 'fout', now)
    const history = publicEntryHistory(gone, [...revisions, rev(4, moved, gone)], { now })
    for (const revision of history) {
      for (const change of revision.changes)
        expect(['start', 'end', 'allDay', 'timezone', 'kind', 'status', 'withdrawn']).toContain(change.field)
    }
  })
})
