import { parseWeek, previousIsoWeek } from '../../core/time/index.js'
import { Hono } from 'hono'
import type { Digest } from '../../core/digest/index.js'
import { ValidationError } from '../../core/model/index.js'
import { getDigest, listDigests } from '../../store/index.js'
import { generateDigest } from '../../journal/index.js'
import type { AdminEnv } from '../context.js'
import { adminPath } from '../paths.js'
import { formValues } from '../forms.js'
import { CsrfField, ErrorSummary, TextArea, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, journalSettingsOf, journalZone, seeOther, type AdminContext } from './shared.js'

async function digestsPage(
  c: AdminContext,
  state: { week?: string; errors?: FieldErrors; notice?: string; status?: number } = {},
) {
  const { db, person, now } = c.get('deps')
  const t = c.get('t')
  const errors = state.errors ?? {}
  const digests = (await listDigests(db, person, { limit: 30 })).items
  return render(
    c,
    t.digests.title,
    <>
      <form method="post" action={adminPath('/digests')}>
        <CsrfField value={c.get('csrf')} />
        <ErrorSummary errors={errors} t={t} />
        <TextField
          name="week"
          label={t.digests.week}
          hint={t.digests.weekHint}
          value={state.week ?? previousIsoWeek(now(), await journalZone(c))}
          error={errors.week}
          required
        />
        <div class="actions">
          <button type="submit">{t.digests.generate}</button>
        </div>
      </form>
      {state.notice && <p class="nudge">{state.notice}</p>}
      {digests.length === 0 ? (
        <p>{t.digests.none}</p>
      ) : (
        <ul class="entries">
          {digests.map((d) => (
            <li>
              <a href={adminPath(`/digests/${d.week}`)}>{d.week}</a>{' '}
              <span class={`badge badge-${d.status}`}>{t.digests.statuses[d.status]}</span>
              <span class="when">{`${d.items.length} · ${d.intro ? d.intro.slice(0, 80) : '—'}`}</span>
            </li>
          ))}
        </ul>
      )}
    </>,
    { status: state.status, flash: flash(c) },
  )
}

function digestPage(c: AdminContext, digest: Digest) {
  const t = c.get('t')
  return render(
    c,
    `${t.digests.items} · ${digest.week}`,
    <>
      <p>
        <span class={`badge badge-${digest.status}`}>{t.digests.statuses[digest.status]}</span>
      </p>
      <ol>
        {digest.items.map((item) => (
          <li>
            <a href={adminPath(`/entries/${item.entryId}`)}>{item.line}</a>
          </li>
        ))}
      </ol>
      {digest.moreCount > 0 && <p>{t.digests.more(digest.moreCount)}</p>}
      {digest.withheldCount > 0 && <p>{t.digests.withheld(digest.withheldCount)}</p>}
      <form method="post" action={adminPath(`/digests/${digest.week}`)}>
        <CsrfField value={c.get('csrf')} />
        <TextArea name="intro" label={t.digests.intro} hint={t.digests.introHint} value={digest.intro} rows={4} />
        <div class="actions">
          <button type="submit" name="status" value="draft" class="secondary">
            {t.digests.saveDraft}
          </button>
          <button type="submit" name="status" value="published">
            {t.digests.publish}
          </button>
        </div>
      </form>
    </>,
    { flash: flash(c) },
  )
}

/**
 * The weekly digest review: (re)generate a week, read its items, write the intro, publish. The
 * generation is the same unit of work the API and the scheduled job run (journal/digest-job.ts).
 */
export const digestPages = new Hono<AdminEnv>()
  .get('/digests', (c) => digestsPage(c))
  .post('/digests', async (c) => {
    const { db, person, now } = c.get('deps')
    const { week: typed = '' } = formValues(await c.req.parseBody())
    let week: string
    try {
      week = parseWeek(typed.trim())
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return digestsPage(c, { week: typed, errors: { week: c.get('t').digests.weekHint }, status: 400 })
    }
    const result = await generateDigest(db, person, week, {
      now: now(),
      defaultStatus: 'draft',
      settings: await journalSettingsOf(c),
    })
    if (!result.digest) return digestsPage(c, { week, notice: c.get('t').digests.empty(week) })
    return seeOther(c, adminPath(`/digests/${week}`))
  })
  .get('/digests/:week', async (c) => {
    const { db, person } = c.get('deps')
    const digest = await getDigest(db, person, parseWeek(c.req.param('week')))
    return digest ? digestPage(c, digest) : seeOther(c, adminPath('/digests'))
  })
  .post('/digests/:week', async (c) => {
    const { db, person, now } = c.get('deps')
    const week = parseWeek(c.req.param('week'))
    const values = formValues(await c.req.parseBody())
    const status = values.status === 'published' ? 'published' : 'draft'
    const result = await generateDigest(db, person, week, {
      now: now(),
      defaultStatus: 'draft',
      settings: await journalSettingsOf(c),
      request: { intro: values.intro ?? '', status },
    })
    if (!result.digest) return digestsPage(c, { week, notice: c.get('t').digests.empty(week) })
    return seeOther(c, adminPath(`/digests/${week}?done=digestSaved`))
  })
