import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import type { Entry, EntryContent } from './entry.js'
import type { Post, PostContent } from './post.js'
import {
  effectivePublicMeta,
  entryRevealedAt,
  postRevealedAt,
  toPublicEntry,
  toPublicPost,
} from '../privacy/public-projection.js'
import { BOOKKEEPING_FIELDS, type PublicMeta } from './revision.js'

/**
 * How items come into being and change: identity and bookkeeping in one place, so the API,
 * the importer and the demo loader all stamp items the same way.
 */

/**
 * A new entry's id: a ULID, its time then 16 random characters. `ulid`'s own generator asks the
 * system for one random byte per character, 16 calls per id (~2 % of the API's CPU on a create,
 * issue 16); here one call gives the 16 bytes, each character still drawn from its own byte.
 */
function newEntryId(time: number): string {
  const bytes = randomBytes(16)
  let next = 0
  return ulid(time, () => bytes[next++]! / 256)
}

export function newEntry(content: EntryContent, person: string, now: Date, id = newEntryId(now.getTime())): Entry {
  const at = now.toISOString()
  return stampEntry(undefined, { id, person, ...content, createdAt: at, updatedAt: at, version: 1 }, now)
}

export function revisedEntry(entry: Entry, content: EntryContent, now: Date): Entry {
  const { id, person, withdrawn, createdAt, version } = entry
  return stampEntry(
    entry,
    {
      id,
      person,
      ...content,
      ...(withdrawn ? { withdrawn } : {}),
      createdAt,
      updatedAt: now.toISOString(),
      version: version + 1,
    },
    now,
  )
}

/** Withdrawing keeps the entry and says when and why; the public page shows both. */
export function withdrawnEntry(entry: Entry, reason: string, now: Date): Entry {
  return stampEntry(
    entry,
    {
      ...entry,
      withdrawn: { at: now.toISOString(), reason },
      updatedAt: now.toISOString(),
      version: entry.version + 1,
    },
    now,
  )
}

export function newPost(slug: string, content: PostContent, person: string, now: Date): Post {
  const at = now.toISOString()
  return stampPost(undefined, { slug, person, ...content, createdAt: at, updatedAt: at, version: 1 }, now)
}

export function revisedPost(post: Post, content: PostContent, now: Date): Post {
  const { slug, person, withdrawn, createdAt, version } = post
  return stampPost(
    post,
    {
      slug,
      person,
      ...content,
      ...(withdrawn ? { withdrawn } : {}),
      createdAt,
      updatedAt: now.toISOString(),
      version: version + 1,
    },
    now,
  )
}

export function withdrawnPost(post: Post, reason: string, now: Date): Post {
  return stampPost(
    post,
    { ...post, withdrawn: { at: now.toISOString(), reason }, updatedAt: now.toISOString(), version: post.version + 1 },
    now,
  )
}

const stampEntry = (before: Entry | undefined, after: Entry, now: Date) =>
  withPublicMeta(before, after, now, (e) => toPublicEntry(e, { now }), entryRevealedAt)
const stampPost = (before: Post | undefined, after: Post, now: Date) =>
  withPublicMeta(before, after, now, (p) => toPublicPost(p, { now }), postRevealedAt)

type Stampable = { version: number; createdAt: string; updatedAt: string; publicMeta?: PublicMeta }
const publicContent = (view: object | null) =>
  view ? JSON.stringify(view, (key, value: unknown) => (BOOKKEEPING_FIELDS.has(key) ? undefined : value)) : null

/**
 * `after` with its public bookkeeping brought up to date: one more public version, dated now,
 * when this write changed what the public sees (the item appeared, or its visible content
 * differs); as it was otherwise. An item going out of sight keeps what the public saw last.
 */
function withPublicMeta<T extends Stampable>(
  before: T | undefined,
  after: T,
  now: Date,
  project: (item: T) => object | null,
  revealedAt: (item: T) => string | undefined,
): T {
  const seen: PublicMeta = before ? effectivePublicMeta(before, revealedAt(before), now) : { version: 0 }
  const shownAfter = publicContent(project(after))
  if (shownAfter === null || shownAfter === publicContent(before ? project(before) : null))
    return { ...after, publicMeta: seen }
  const at = now.toISOString()
  return { ...after, publicMeta: { version: seen.version + 1, createdAt: seen.createdAt ?? at, updatedAt: at } }
}
