import type { Post, Revision } from '../core/model/index.js'
import type { Db } from './db.js'
import type { WriteMeta } from './entry-store.js'
import { keys, timelinePosition } from './keys.js'
import { newestOnTimeline, type Page, type PageRequest } from './paging.js'
import { TABLE } from './table.js'
import { getData, listRevisions, writeVersioned } from './versioned-item.js'

/** Posts are ordered by publication; drafts sort after everything published, by last change. */
function timelineKeys(post: Post): Record<string, string> {
  return {
    [TABLE.gsi1.partitionKey]: keys.timeline(post.person, 'POSTS'),
    [TABLE.gsi1.sortKey]: timelinePosition.post(post),
  }
}

// a post is created with its first revision; a taken slug fails with AlreadyExistsError
export async function createPost(db: Db, post: Post, meta: WriteMeta): Promise<void> {
  await writeVersioned(db, {
    itemKey: keys.post(post.person, post.slug),
    type: 'post',
    itemId: post.slug,
    person: post.person,
    indexKeys: timelineKeys(post),
    after: post,
    action: 'create',
    ...meta,
  })
}

// a post is replaced only if unchanged since `before` was read; a revision is written with it
export async function updatePost(
  db: Db,
  before: Post,
  after: Post,
  meta: WriteMeta & { action?: 'update' | 'withdraw' },
): Promise<void> {
  await writeVersioned(db, {
    itemKey: keys.post(after.person, after.slug),
    type: 'post',
    itemId: after.slug,
    person: after.person,
    indexKeys: timelineKeys(after),
    before,
    after,
    action: meta.action ?? 'update',
    by: meta.by,
    reason: meta.reason,
  })
}

// one post by slug
export async function getPost(db: Db, person: string, slug: string): Promise<Post | undefined> {
  return getData<Post>(db, keys.post(person, slug), true)
}

// posts of a person by publication date, newest first, paged
export async function listPosts(db: Db, person: string, page: PageRequest<Post>): Promise<Page<Post>> {
  return newestOnTimeline<Post>(db, keys.timeline(person, 'POSTS'), page)
}

// the revisions of one post, oldest first
export async function listPostRevisions(db: Db, person: string, slug: string): Promise<Revision<Post>[]> {
  return listRevisions<Post>(db, keys.post(person, slug).pk)
}
