import { Hono } from 'hono'
import { newPost, normalizePostContent, postCreateSchema, slugify, ValidationError } from '../../core/model/index.js'
import { draftAsPost, lastFullAccountingYear, parseReportPeriod, type ReportPeriod } from '../../core/report/index.js'
import { zonedParts } from '../../core/time/index.js'
import { draftReport } from '../../journal/index.js'
import { AlreadyExistsError, createPost, listPosts } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { formValues, plainFormErrors, type FormValues } from '../forms.js'
import { adminPath } from '../paths.js'
import { CsrfField, ErrorSummary, PeriodFields, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { journalSettingsOf, seeOther, type AdminContext } from './shared.js'

/**
 * "Jaarverslag opstellen": the servant picks a period (the last full accounting year is offered),
 * the admin writes the same draft as `journal report draft` into a new post (a draft: nothing is
 * public) and opens it in the post editor, where it is edited and published like any post.
 */

/** The period offered: the last full year, accounted from the day the latest annual report began. */
async function suggestedPeriod(c: AdminContext): Promise<ReportPeriod> {
  const { db, now } = c.get('deps')
  const person = servantOf(c)
  const posts = (await listPosts(db, person, { limit: 100 })).items
  const latest = posts
    .flatMap((p) => (p.kind === 'annual-report' && p.period ? [p.period.from] : []))
    .sort()
    .at(-1)
  return lastFullAccountingYear(zonedParts(now(), (await journalSettingsOf(c)).timeZone).date, latest)
}

async function reportPage(c: AdminContext, values: FormValues, errors: FieldErrors = {}, status = 200) {
  const t = c.get('t')
  return render(
    c,
    t.report.title,
    <>
      <p>{t.report.intro}</p>
      <form method="post" action={adminPath('/report')} novalidate>
        <CsrfField value={c.get('csrf')} />
        <ErrorSummary errors={errors} t={t} />
        <PeriodFields t={t} hint={t.report.periodHint} values={values} errors={errors} required />
        <div class="actions">
          <button type="submit">{t.report.create}</button>
        </div>
      </form>
    </>,
    { status },
  )
}

/** The draft's title as its address; a second draft of the same year gets `-2`, and so on. */
async function createDraftPost(c: AdminContext, period: ReportPeriod, markdown: string): Promise<string> {
  const { db, now } = c.get('deps')
  const person = servantOf(c)
  const { title, body } = draftAsPost(markdown)
  const base = slugify(title)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const input = { slug, title, kind: 'annual-report', period, body, status: 'draft' }
    const content = normalizePostContent(input, now(), postCreateSchema)
    try {
      await createPost(db, newPost(slug, content, person, now()), { by: c.get('session').tokenId })
      return slug
    } catch (error) {
      if (!(error instanceof AlreadyExistsError) || n >= 20) throw error
    }
  }
}

export const reportDraftPages = new Hono<AdminEnv>()
  .get('/report', async (c) => {
    const { from, to } = await suggestedPeriod(c)
    return reportPage(c, { periodFrom: from, periodTo: to })
  })
  .post('/report', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    let period: ReportPeriod
    try {
      period = parseReportPeriod({ from: values.periodFrom ?? '', to: values.periodTo ?? '' })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = plainFormErrors(error.errors, c.get('lang'), { from: 'periodFrom', to: 'periodTo' })
      return reportPage(c, values, errors, 400)
    }
    const { markdown } = await draftReport(db, person, period, now(), await journalSettingsOf(c))
    const slug = await createDraftPost(c, period, markdown)
    return seeOther(c, adminPath(`/posts/${slug}?done=reportDrafted`))
  })
