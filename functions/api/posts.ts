import { Hono } from 'hono'
import {
  newPost,
  revisedPost,
  withdrawnPost,
  normalizePostContent,
  postContent,
  postCreateSchema,
  postPatchSchema,
  postReplaceSchema,
  type Post,
  parseWith,
} from '../core/model/index.js'
import { publicPostHistory, toPublicPost } from '../core/privacy/index.js'
import { postItems } from '../journal/index.js'
import { createPost, getPost, listPostRevisions, listPosts } from '../store/index.js'
import type { AppEnv } from './context.js'
import { idempotentCreate } from './idempotency.js'
import { bearerToken, etag, jsonBody, publicEtag, requireOwner } from './middleware.js'
import { postSlugParam } from './path-params.js'
import { problem } from './problem.js'
import { pageQuerySchema } from './query.js'
import { ownerHeaders, publicHeaders } from './views.js'
import { reviseItem, withdrawItem, type VersionedResource } from './versioned-writes.js'

const notFound = (slug: string) => problem(404, `There is no post ${slug}.`)
const postResource: VersionedResource<Post> = { noun: 'post', items: postItems }

/** Posts (annual reports and notes): public reads of what is published, owner writes. */
export const posts = new Hono<AppEnv>()
  .use('/:slug', postSlugParam)
  .get('/', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    const person = c.get('person')
    const q = parseWith(pageQuerySchema, c.req.query())
    const at = now()
    const page = await listPosts(db, person, {
      limit: Number(q.limit ?? 20),
      cursor: q.cursor,
      accept: (p) => owner !== undefined || toPublicPost(p, { now: at }) !== null,
    })
    const items = owner ? page.items : page.items.map((p) => toPublicPost(p, { now: at })!)
    return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200, owner ? ownerHeaders : publicHeaders)
  })
  .get('/:slug', async (c) => {
    const { db, now } = c.get('deps')
    const owner = await bearerToken(c)
    const person = c.get('person')
    const slug = c.req.param('slug')
    const post = await getPost(db, person, slug)
    const revisions = post ? await listPostRevisions(db, person, slug) : []
    if (post && owner)
      return c.json({ ...post, history: revisions }, 200, { ...ownerHeaders, ETag: etag(post.version) })
    const view = post && toPublicPost(post, { now: now() })
    if (!post || !view) throw notFound(slug)
    const body = { ...view, history: publicPostHistory(post, revisions, { now: now() }) }
    return c.json(body, 200, { ...publicHeaders, ETag: publicEtag(body) })
  })
  .post('/', requireOwner, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    const { slug } = parseWith(postCreateSchema, c.get('body'))
    const content = normalizePostContent(c.get('body'), now(), postCreateSchema)
    return idempotentCreate(c, 'POST /api/posts', async (recordFor) => {
      const post = newPost(slug, content, person, now())
      const response = { status: 201, headers: { ETag: etag(1), Location: `/api/posts/${slug}` }, body: post }
      await createPost(db, post, { by: c.get('token').id, alsoPut: recordFor(response) })
      return response
    })
  })
  .on(['PUT', 'PATCH'], '/:slug', requireOwner, jsonBody, (c) =>
    reviseItem(c, postResource, c.req.param('slug'), (before, now) => {
      const input =
        c.req.method === 'PUT'
          ? c.get('body')
          : { ...postContent(before), ...parseWith(postPatchSchema, c.get('body')) }
      return revisedPost(before, normalizePostContent(input, now, postReplaceSchema), now)
    }),
  )
  .delete('/:slug', requireOwner, jsonBody, (c) => withdrawItem(c, postResource, c.req.param('slug'), withdrawnPost))
