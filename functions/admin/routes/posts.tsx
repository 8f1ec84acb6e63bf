import { Hono } from 'hono'
import { raw } from 'hono/html'
import {
  newPost,
  revisedPost,
  normalizePostContent,
  postCreateSchema,
  postReplaceSchema,
  type Post,
  type PostContent,
  parseWith,
  ValidationError,
  POST_KINDS,
  POST_STATUSES,
} from '../../core/model/index.js'
import { formatInstant, renderMarkdown } from '../../core/words/index.js'
import { changeVersioned, postItems } from '../../journal/index.js'
import { AlreadyExistsError, createPost, getPost, listPostRevisions, listPosts } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { adminPath } from '../paths.js'
import { formValues, formVersion, plainFormErrors, type FormValues } from '../forms.js'
import { ConflictTable, History } from '../views/entry-views.js'
import {
  CsrfField,
  ErrorSummary,
  PeriodFields,
  RadioGroup,
  Select,
  TextArea,
  TextField,
  type FieldErrors,
} from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, journalZone, seeOther, type AdminContext } from './shared.js'

interface PostState {
  values: FormValues
  errors?: FieldErrors
  preview?: boolean
  status?: number
  conflictWith?: object
}

const postValues = (post: Post): FormValues => ({
  title: post.title,
  kind: post.kind,
  periodFrom: post.period?.from ?? '',
  periodTo: post.period?.to ?? '',
  body: post.body,
  status: post.status,
  version: String(post.version),
})

function postInput(values: FormValues, existing?: Post): Record<string, unknown> {
  const period =
    values.periodFrom || values.periodTo ? { from: values.periodFrom ?? '', to: values.periodTo ?? '' } : undefined
  const keepPublished =
    existing?.publishedAt && values.status === 'published' ? { publishedAt: existing.publishedAt } : {}
  return {
    title: values.title ?? '',
    kind: values.kind,
    ...(period ? { period } : {}),
    body: values.body ?? '',
    status: values.status || 'draft',
    ...keepPublished,
  }
}

/** The post form, with a preview rendered by the very function the site uses (sanitised the same way). */
async function postPage(c: AdminContext, post: Post | undefined, state: PostState) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db } = c.get('deps')
  const person = servantOf(c)
  const errors = state.errors ?? {}
  const v = state.values
  const action = post ? adminPath(`/posts/${post.slug}`) : adminPath('/posts')
  const revisions = post ? await listPostRevisions(db, person, post.slug) : []
  return render(
    c,
    post ? post.title : t.posts.new,
    <>
      {state.conflictWith && post && <ConflictTable then={state.conflictWith} now={post} t={t} />}
      <form method="post" action={action} novalidate>
        <CsrfField value={c.get('csrf')} />
        {v.version && <input type="hidden" name="version" value={v.version} />}
        <ErrorSummary errors={errors} t={t} />
        {!post && (
          <TextField
            name="slug"
            label={t.posts.slug}
            hint={t.posts.slugHint}
            value={v.slug}
            error={errors.slug}
            required
          />
        )}
        <TextField name="title" label={t.posts.postTitle} value={v.title} error={errors.title} required />
        <Select
          name="kind"
          label={t.posts.kind}
          value={v.kind}
          error={errors.kind}
          options={POST_KINDS.map((k) => [k, t.posts.kinds[k]!])}
        />
        <PeriodFields t={t} hint={t.posts.periodHint} values={v} errors={errors} />
        <TextArea name="body" label={t.posts.body} value={v.body} error={errors.body} rows={16} />
        <RadioGroup
          name="status"
          label={t.posts.status}
          value={v.status}
          error={errors.status}
          options={POST_STATUSES.map((s) => [s, t.posts.statuses[s]!])}
        />
        <div class="actions">
          <button type="submit" name="action" value="preview" class="secondary">
            {t.posts.preview}
          </button>
          <button type="submit" name="action" value="save">
            {t.posts.save}
          </button>
        </div>
      </form>
      {state.preview && (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t.posts.previewTitle}</h2>
          <div class="preview">{raw(renderMarkdown(v.body ?? ''))}</div>
        </section>
      )}
      {post && (
        <>
          <h2>{t.entry.history}</h2>
          <History revisions={revisions} lang={lang} t={t} timeZone={await journalZone(c)} />
        </>
      )}
    </>,
    { status: state.status, flash: flash(c) },
  )
}

const POST_FIELDS = { 'period.from': 'periodFrom', 'period.to': 'periodTo', period: 'periodFrom' }

function validated(
  c: AdminContext,
  values: FormValues,
  existing?: Post,
): { content?: PostContent; slug?: string; errors: FieldErrors } {
  const { now } = c.get('deps')
  try {
    if (existing)
      return { content: normalizePostContent(postInput(values, existing), now(), postReplaceSchema), errors: {} }
    const input = { slug: values.slug ?? '', ...postInput(values) }
    return {
      slug: parseWith(postCreateSchema, input).slug,
      content: normalizePostContent(input, now(), postCreateSchema),
      errors: {},
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return { errors: plainFormErrors(error.errors, c.get('lang'), POST_FIELDS) }
  }
}

/** Posts (annual reports and notes): list, write with a Markdown preview, edit with If-Match semantics. */
export const postPages = new Hono<AdminEnv>()
  .get('/posts', async (c) => {
    const { db } = c.get('deps')
    const person = servantOf(c)
    const t = c.get('t')
    const zone = await journalZone(c)
    const posts = (await listPosts(db, person, { limit: 100 })).items
    return render(
      c,
      t.posts.title,
      <>
        <p>
          <a class="button" href={adminPath('/posts/new')}>
            {t.posts.new}
          </a>{' '}
          <a class="button secondary" href={adminPath('/report')}>
            {t.posts.draftReport}
          </a>
        </p>
        {posts.length === 0 ? (
          <p>{t.posts.none}</p>
        ) : (
          <ul class="entries">
            {posts.map((p) => (
              <li>
                <a href={adminPath(`/posts/${p.slug}`)}>{p.title}</a>{' '}
                <span class={`badge badge-${p.status}`}>{t.posts.statuses[p.status]}</span>
                <span class="when">
                  {t.posts.kinds[p.kind] +
                    (p.publishedAt ? ` · ${formatInstant(p.publishedAt, c.get('lang'), zone)}` : '')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </>,
      { flash: flash(c) },
    )
  })
  .get('/posts/new', (c) => postPage(c, undefined, { values: { kind: 'annual-report', status: 'draft' } }))
  .post('/posts', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    const { content, slug, errors } = validated(c, values)
    if (!content || !slug) return postPage(c, undefined, { values, errors, status: 400 })
    if (values.action === 'preview') return postPage(c, undefined, { values, preview: true })
    try {
      await createPost(db, newPost(slug, content, person, now()), { by: c.get('session').tokenId })
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error
      return postPage(c, undefined, { values, errors: { slug: c.get('t').posts.slugTaken }, status: 409 })
    }
    return seeOther(c, adminPath(`/posts/${slug}?done=postSaved`))
  })
  .get('/posts/:slug', async (c) => {
    const { db } = c.get('deps')
    const person = servantOf(c)
    const post = await getPost(db, person, c.req.param('slug'))
    if (!post) return seeOther(c, adminPath('/posts'))
    return postPage(c, post, { values: postValues(post) })
  })
  .post('/posts/:slug', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    const opened = formVersion(values)
    const change = { person, key: c.req.param('slug'), readVersion: opened, by: c.get('session').tokenId }
    const outcome = await changeVersioned(db, postItems, change, async (before) => {
      const { content, errors } = validated(c, values, before)
      if (!content) return { declined: await postPage(c, before, { values, errors, status: 400 }) }
      if (values.action === 'preview') return { declined: await postPage(c, before, { values, preview: true }) }
      return { next: revisedPost(before, content, now()) }
    })
    if (outcome.kind === 'missing') return seeOther(c, adminPath('/posts'))
    if (outcome.kind === 'declined') return outcome.answer
    if (outcome.kind === 'stale') {
      const { current } = outcome
      const revisions = await listPostRevisions(db, person, current.slug)
      const conflictWith = revisions.find((r) => r.version === opened)?.after ?? {}
      const reopened = { ...values, version: String(current.version) }
      return postPage(c, current, { values: reopened, status: 409, conflictWith })
    }
    return seeOther(c, adminPath(`/posts/${outcome.after.slug}?done=postSaved`))
  })
