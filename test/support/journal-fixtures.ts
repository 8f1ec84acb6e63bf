import { AMSTERDAM_JOURNAL } from './journal-defaults.js'
import { addDays } from '../../functions/core/time/index.js'
import {
  applyEntryPatch,
  normalizeEntryInput,
  type Entry,
  newEntry,
  newPost,
  revisedEntry,
  revisedPost,
  withdrawnEntry,
  normalizePostContent,
  postContent,
  type Post,
  profileFromInput,
  type Profile,
  type ProfileInput,
  type Revision,
} from '../../functions/core/model/index.js'
import type { Digest, DigestStatus } from '../../functions/core/digest/index.js'
import { entryPath, type JournalItems } from '../../functions/core/publishing/index.js'
import {
  createEntry,
  createPost,
  putDigest,
  putProfile,
  updateEntry,
  updatePost,
  type Db,
} from '../../functions/store/index.js'

/**
 * Builds a journal the way the API would (same core functions, same revisions), in memory, and
 * can write it to a store. Times are explicit so that every build of a fixture is identical.
 */
export class JournalBuilder {
  readonly entries = new Map<string, Entry>()
  readonly posts = new Map<string, Post>()
  readonly revisions: Revision[] = []
  readonly digests: Digest[] = []
  profile?: Profile
  private sequence = 0

  constructor(
    readonly person = 'test-person',
    readonly by = 'tok-test',
  ) {}

  withProfile(input: Partial<ProfileInput> = {}, at = '2015-01-01T08:00:00Z'): this {
    this.profile = {
      person: this.person,
      updatedAt: at,
      version: 1,
      ...profileFromInput({
        name: 'Anna de Vries',
        role: 'CIO',
        organisation: 'Ministerie van Voorbeeldzaken',
        bio: 'Ik houd een **open agenda** bij.',
        ...input,
      }),
    }
    return this
  }

  /** Adds an entry from API-style input; `id` defaults to a stable, sortable one. */
  entry(
    input: Record<string, unknown>,
    at = '2015-03-01T09:00:00Z',
    id = `01E${String(++this.sequence).padStart(23, '0')}`,
  ): Entry {
    const entry = newEntry(
      normalizeEntryInput({ ...entryDefaults, ...input }, AMSTERDAM_JOURNAL),
      this.person,
      new Date(at),
      id,
    )
    this.entries.set(id, entry)
    this.revisions.push({
      itemType: 'entry',
      itemId: id,
      person: this.person,
      version: 1,
      at: entry.updatedAt,
      by: this.by,
      action: 'create',
      after: entry,
    })
    return entry
  }

  changeEntry(id: string, patch: Record<string, unknown>, at: string, reason?: string): Entry {
    const before = this.entries.get(id)!
    return this.keepEntry(before, revisedEntry(before, applyEntryPatch(before, patch), new Date(at)), 'update', reason)
  }

  withdrawEntry(id: string, reason: string, at: string): Entry {
    const before = this.entries.get(id)!
    return this.keepEntry(before, withdrawnEntry(before, reason, new Date(at)), 'withdraw', reason)
  }

  private keepEntry(before: Entry, after: Entry, action: Revision['action'], reason?: string): Entry {
    this.entries.set(after.id, after)
    this.revisions.push({
      itemType: 'entry',
      itemId: after.id,
      person: this.person,
      version: after.version,
      at: after.updatedAt,
      by: this.by,
      action,
      ...(reason ? { reason } : {}),
      before,
      after,
    })
    return after
  }

  post(slug: string, input: Record<string, unknown>, at = '2015-06-30T10:00:00Z'): Post {
    const post = newPost(
      slug,
      normalizePostContent({ kind: 'note', status: 'published', publishedAt: at, ...input }, new Date(at)),
      this.person,
      new Date(at),
    )
    this.posts.set(slug, post)
    this.revisions.push({
      itemType: 'post',
      itemId: slug,
      person: this.person,
      version: 1,
      at: post.updatedAt,
      by: this.by,
      action: 'create',
      after: post,
    })
    return post
  }

  changePost(slug: string, patch: Record<string, unknown>, at: string, reason?: string): Post {
    const before = this.posts.get(slug)!
    const after = revisedPost(
      before,
      normalizePostContent({ ...postContent(before), ...patch }, new Date(at)),
      new Date(at),
    )
    this.posts.set(slug, after)
    this.revisions.push({
      itemType: 'post',
      itemId: slug,
      person: this.person,
      version: after.version,
      at: after.updatedAt,
      by: this.by,
      action: 'update',
      ...(reason ? { reason } : {}),
      before,
      after,
    })
    return after
  }

  /** A stored digest whose lines were written earlier: the public projection renders them again. */
  digest(
    week: string,
    status: DigestStatus,
    intro: string,
    items: { entryId: string; line: string }[],
    at = '2015-03-23T06:00:00Z',
  ): this {
    this.digests.push({
      person: this.person,
      week,
      status,
      intro,
      moreCount: 0,
      withheldCount: 0,
      generatedAt: at,
      updatedAt: at,
      version: 1,
      items: items.map(({ entryId, line }) => ({
        entryId,
        line,
        date: this.entries.get(entryId)?.start.slice(0, 10) ?? '',
        kind: 'meeting',
        path: entryPath(entryId),
      })),
      ...(status === 'published' ? { publishedAt: at } : {}),
    })
    return this
  }

  items(): JournalItems {
    return {
      ...(this.profile ? { profile: this.profile } : {}),
      entries: [...this.entries.values()],
      posts: [...this.posts.values()],
      revisions: [...this.revisions],
      digests: [...this.digests],
    }
  }

  /** Replays every change, in order, through the store, then stores the digests: the same journal, in DynamoDB. */
  async saveTo(db: Db): Promise<void> {
    if (this.profile) await putProfile(db, this.profile, 0)
    for (const r of this.revisions) {
      const meta = { by: r.by, ...(r.reason ? { reason: r.reason } : {}) }
      if (r.itemType === 'entry') {
        if (r.before)
          await updateEntry(db, r.before as Entry, r.after as Entry, {
            ...meta,
            action: r.action as 'update' | 'withdraw',
          })
        else await createEntry(db, r.after as Entry, meta)
      } else if (r.before)
        await updatePost(db, r.before as Post, r.after as Post, { ...meta, action: r.action as 'update' | 'withdraw' })
      else await createPost(db, r.after as Post, meta)
    }
    for (const digest of this.digests) await putDigest(db, digest, 0)
  }
}

const entryDefaults = { kind: 'meeting', visibility: 'public', status: 'held' }

/** Strings that must never reach a public output; each fixture below hides one somewhere private. */
export const CANARIES = {
  privateTitle: 'CanaryPrivateTitle7',
  privateSummary: 'CanaryPrivateSummary7',
  privateOrg: 'CanaryPrivateOrg7',
  restrictedTitle: 'CanaryRestrictedTitle7',
  restrictedOrg: 'CanaryRestrictedOrg7',
  restrictedPlace: 'CanaryRestrictedPlace7',
  restrictedTheme: 'CanaryRestrictedTheme7',
  restrictedSummary: 'CanaryRestrictedSummary7',
  embargoTitle: 'CanaryEmbargoTitle7',
  embargoOrg: 'CanaryEmbargoOrg7',
  privatePerson: 'CanaryPrivatePerson7',
  retypedPerson: 'CanaryRetypedPerson7',
  notes: 'CanaryInternalNotes7',
  sourceUid: 'CanarySourceUid7',
  wasPublicTitle: 'CanaryWasPublicTitle7',
  withdrawnPlace: 'CanaryWithdrawnPlace7',
  withdrawnOrg: 'CanaryWithdrawnOrg7',
  draftPost: 'CanaryDraftPost7',
  futurePost: 'CanaryFuturePost7',
  token: 'CanaryTokenId7',
  privateReason: 'CanaryPrivateReason7',
  person: 'CanaryPersonId7',
} as const

/** The moment the canary journal is published: the embargo below has not yet passed. */
export const CANARY_NOW = new Date('2015-03-18T12:00:00Z')

/**
 * A small journal with every kind of secret the privacy rules (DESIGN.md section 4) protect,
 * next to ordinary public entries, a post and a digest.
 */
export function canaryJournal(person: string = CANARIES.person): JournalBuilder {
  const c = CANARIES
  const j = new JournalBuilder(person, c.token).withProfile()
  const advice = j.entry(
    {
      start: '2015-03-16T10:00',
      end: '2015-03-16T11:30',
      title: 'Adviesgesprek zelfsturing',
      kind: 'advice',
      themes: ['zelfsturing'],
      location: 'Enschede',
      counterparts: [
        { name: 'Gemeente Enschede', type: 'gemeente' },
        { name: c.privatePerson, type: 'private-person' },
        { name: c.retypedPerson, type: 'overig' },
      ],
      summary: 'Over *zelfsturende teams*.',
      notes: c.notes,
      sourceUid: c.sourceUid,
    },
    '2015-03-10T09:00:00Z',
  )
  j.entry(
    {
      start: '2015-03-16T14:00',
      title: c.privateTitle,
      visibility: 'private',
      summary: c.privateSummary,
      counterparts: [{ name: c.privateOrg, type: 'bedrijf' }],
    },
    '2015-03-10T09:05:00Z',
  )
  const restricted = j.entry(
    {
      start: '2015-03-17T09:00',
      end: '2015-03-17T10:00',
      title: c.restrictedTitle,
      visibility: 'restricted',
      location: c.restrictedPlace,
      themes: [c.restrictedTheme],
      summary: c.restrictedSummary,
      counterparts: [{ name: c.restrictedOrg, type: 'ministerie' }],
    },
    '2015-03-10T09:10:00Z',
  )
  j.changeEntry(restricted.id, { start: '2015-03-17T09:30' }, '2015-03-11T09:00:00Z', 'agenda schoof op')
  j.entry(
    {
      start: '2015-03-18T13:00',
      title: c.embargoTitle,
      publishAfter: '2015-04-01T00:00:00Z',
      counterparts: [{ name: c.embargoOrg, type: 'bedrijf' }],
    },
    '2015-03-10T09:15:00Z',
  )
  const wasPublic = j.entry(
    { start: '2015-03-19T10:00', title: c.wasPublicTitle, kind: 'visit', themes: ['water'] },
    '2015-03-10T09:20:00Z',
  )
  j.changeEntry(wasPublic.id, { visibility: 'restricted' }, '2015-03-12T09:00:00Z')
  const withdrawn = j.entry(
    {
      start: '2015-03-20T15:00',
      title: 'Bezoek aan de waterzuivering',
      location: c.withdrawnPlace,
      counterparts: [{ name: c.withdrawnOrg, type: 'bedrijf' }],
    },
    '2015-03-10T09:25:00Z',
  )
  j.withdrawEntry(withdrawn.id, 'ten onrechte gepubliceerd', '2015-03-13T09:00:00Z')
  const hidden = j.entry(
    { start: '2015-03-21T10:00', title: 'Werkoverleg', visibility: 'private' },
    '2015-03-10T09:30:00Z',
  )
  j.changeEntry(hidden.id, { title: 'Werkoverleg (verzet)' }, '2015-03-12T10:00:00Z', c.privateReason)
  const moved = j.entry(
    {
      start: '2015-03-12T10:00',
      title: 'Overleg met de provincie',
      status: 'planned',
      themes: ['water'],
      counterparts: [{ name: 'Provincie Overijssel', type: 'provincie' }],
    },
    '2015-03-01T09:00:00Z',
  )
  j.changeEntry(
    moved.id,
    { start: '2015-03-19T14:00', status: 'moved', statusNote: 'verplaatst naar 19 maart' },
    '2015-03-11T10:00:00Z',
    'op verzoek van de provincie',
  )
  j.entry(
    {
      start: '2015-03-23T10:00',
      title: 'Lezing over open overheid',
      kind: 'lecture',
      status: 'cancelled',
      statusNote: 'zaal niet beschikbaar',
      themes: ['open overheid'],
    },
    '2015-03-14T09:00:00Z',
  )
  j.post(
    'jaarverslag-2014',
    {
      title: 'Jaarverslag 2014',
      kind: 'annual-report',
      period: { from: '2014-01-01', to: '2014-12-31' },
      body: '# Terugblik\n\nEen jaar **open agenda**.',
    },
    '2015-02-01T10:00:00Z',
  )
  j.post('concept', { title: c.draftPost, body: c.draftPost, status: 'draft' }, '2015-03-01T10:00:00Z')
  // Published while the advice named a person as if an organisation; the servant corrected that afterwards.
  j.digest(
    '2015-W12',
    'published',
    'Een week over water.',
    [
      {
        entryId: advice.id,
        line: `ma 16 mrt · advies · Gemeente Enschede, particulier en ${c.retypedPerson} · zelfsturing`,
      },
      { entryId: restricted.id, line: c.restrictedTitle },
    ],
    '2015-03-16T06:00:00Z',
  )
  j.changeEntry(
    advice.id,
    {
      counterparts: [
        { name: 'Gemeente Enschede', type: 'gemeente' },
        { name: c.privatePerson, type: 'private-person' },
        { name: c.retypedPerson, type: 'private-person' },
      ],
    },
    '2015-03-17T08:00:00Z',
  )
  j.digest('2015-W13', 'draft', c.draftPost, [])
  j.post(
    'later',
    { title: c.futurePost, body: c.futurePost, publishedAt: '2015-05-01T10:00:00Z' },
    '2015-03-01T10:00:00Z',
  )
  return j
}

/**
 * A full week on top of the canary journal: `perDay` public appointments on each weekday of the
 * week of 2015-03-30, with long titles and several organisations, as a busy servant would have.
 */
export function busyJournal(perDay = 6): JournalBuilder {
  const j = canaryJournal()
  const orgs = [
    { name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties', type: 'ministerie' },
    { name: 'Vereniging van Nederlandse Gemeenten', type: 'maatschappelijke-organisatie' },
    { name: 'Gemeente Amsterdam', type: 'gemeente' },
    { name: 'Rijksdienst voor Ondernemend Nederland', type: 'uitvoeringsorganisatie' },
    { name: 'Universiteit Twente', type: 'kennisinstelling' },
  ] as const
  const kinds = ['meeting', 'lecture', 'advice', 'visit', 'interview', 'board'] as const
  for (let day = 0; day < 5; day++) {
    for (let n = 0; n < perDay; n++) {
      const hour = String(8 + n * 2).padStart(2, '0')
      j.entry(
        {
          start: `${addDays('2015-03-30', day)}T${hour}:00`,
          end: `${addDays('2015-03-30', day)}T${hour}:45`,
          title: `Overleg over de uitvoering van het programma digitale overheid, deel ${day * perDay + n + 1}`,
          kind: kinds[n % kinds.length],
          location: 'Den Haag',
          themes: ['digitale overheid', 'open data'].slice(0, 1 + (n % 2)),
          counterparts: [orgs[n % orgs.length]!, orgs[(n + 2) % orgs.length]!],
          summary: 'Een gesprek over **voortgang** en de volgende stappen.',
        },
        '2015-03-20T10:00:00Z',
      )
    }
  }
  return j
}

/** When the busy journal is published: in its busy week, so the home page shows that week. */
export const BUSY_NOW = new Date('2015-04-01T12:00:00Z')
