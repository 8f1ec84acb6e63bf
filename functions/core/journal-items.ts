import { ulid } from 'ulid'
import type { Entry, EntryContent } from './entry.js'
import type { Post, PostContent } from './post.js'

/**
 * How items come into being and change: identity and bookkeeping in one place, so the API,
 * the importer and the demo loader all stamp items the same way.
 */

export function newEntry(content: EntryContent, person: string, now: Date, id: string = ulid(now.getTime())): Entry {
  const at = now.toISOString()
  return { id, person, ...content, createdAt: at, updatedAt: at, version: 1 }
}

export function revisedEntry(entry: Entry, content: EntryContent, now: Date): Entry {
  return { id: entry.id, person: entry.person, ...content, ...(entry.withdrawn ? { withdrawn: entry.withdrawn } : {}), createdAt: entry.createdAt, updatedAt: now.toISOString(), version: entry.version + 1 }
}

/** Withdrawing keeps the entry and says when and why; the public page shows both. */
export function withdrawnEntry(entry: Entry, reason: string, now: Date): Entry {
  return { ...entry, withdrawn: { at: now.toISOString(), reason }, updatedAt: now.toISOString(), version: entry.version + 1 }
}

export function newPost(slug: string, content: PostContent, person: string, now: Date): Post {
  const at = now.toISOString()
  return { slug, person, ...content, createdAt: at, updatedAt: at, version: 1 }
}

export function revisedPost(post: Post, content: PostContent, now: Date): Post {
  return { slug: post.slug, person: post.person, ...content, ...(post.withdrawn ? { withdrawn: post.withdrawn } : {}), createdAt: post.createdAt, updatedAt: now.toISOString(), version: post.version + 1 }
}

export function withdrawnPost(post: Post, reason: string, now: Date): Post {
  return { ...post, withdrawn: { at: now.toISOString(), reason }, updatedAt: now.toISOString(), version: post.version + 1 }
}
