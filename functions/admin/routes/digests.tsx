import { localDaysToInstants, parseWeek, previousIsoWeek, weekRangeOrThrow } from '../../core/time/index.js'
import { Hono } from 'hono'
import {
  curateDigest,
  DIGEST_NOTE_LENGTH,
  digestCandidates,
  type Digest,
  type DigestItem,
} from '../../core/digest/index.js'
import { type FieldError, ValidationError } from '../../core/model/index.js'
import { getDigest, listAllEntries, listDigests } from '../../store/index.js'
import { changeVersioned, digestItems, generateDigest } from '../../journal/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { reasonIn, type Lang } from '../i18n.js'
import { adminPath } from '../paths.js'
import { formValues, formVersion, type FormValues } from '../forms.js'
import { Checkbox, CsrfField, ErrorSummary, fieldId, TextArea, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, journalSettingsOf, journalZone, seeOther, type AdminContext } from './shared.js'

async function digestsPage(
  c: AdminContext,
  state: { week?: string; errors?: FieldErrors; notice?: string; status?: number } = {},
) {
  const { db, now } = c.get('deps')
  const person = servantOf(c)
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

interface CurationState {
  values?: FormValues
  errors?: FieldErrors
  /** Someone changed the digest since the form was opened. */
  conflict?: boolean
  status?: number
}

/** The form's rows: one per public entry of the week, with its choice, place and note. */
function curationValues(digest: Digest, candidates: DigestItem[]): FormValues {
  const values: FormValues = { version: String(digest.version), intro: digest.intro }
  candidates.forEach((candidate, i) => {
    const place = digest.items.findIndex((item) => item.entryId === candidate.entryId)
    values[`entry${i}`] = candidate.entryId
    if (place >= 0) {
      values[`pick${i}`] = 'on'
      values[`order${i}`] = String(place + 1)
      values[`note${i}`] = digest.items[place]!.note ?? ''
    }
  })
  return values
}

/**
 * The chosen rows in the order asked: by the number typed, rows without one after the numbered
 * ones, chronologically. Returns the row index of each item, so errors land beside their row.
 */
function chosenRows(values: FormValues, rows: number): number[] {
  const place = (i: number) => {
    const typed = Number.parseInt(values[`order${i}`] ?? '', 10)
    return Number.isFinite(typed) ? typed : Number.POSITIVE_INFINITY
  }
  return Array.from({ length: rows }, (_, i) => i)
    .filter((i) => values[`pick${i}`] === 'on')
    .sort((a, b) => place(a) - place(b) || a - b)
}

async function digestPage(c: AdminContext, digest: Digest, state: CurationState = {}) {
  const t = c.get('t')
  const candidates = await weekCandidates(c, digest.week)
  const values = state.values ?? curationValues(digest, candidates)
  const errors = state.errors ?? {}
  const d = t.digests
  return render(
    c,
    `${d.items} · ${digest.week}`,
    <>
      <p>
        <span class={`badge badge-${digest.status}`}>{d.statuses[digest.status]}</span>{' '}
        {digest.curatedAt ? d.curated : d.automatic}
      </p>
      {state.conflict && (
        <div class="error-summary" role="alert">
          <h2>{t.conflict.title}</h2>
          <p>{d.conflict}</p>
        </div>
      )}
      <form method="post" action={adminPath(`/digests/${digest.week}`)}>
        <CsrfField value={c.get('csrf')} />
        <input type="hidden" name="version" value={String(digest.version)} />
        <ErrorSummary errors={errors} t={t} />
        <fieldset id={fieldId('items')} aria-describedby="items-hint">
          <legend>{d.chooseItems}</legend>
          <p class="hint" id="items-hint">
            {d.chooseHint}
          </p>
          {errors.items && <p class="error">{errors.items}</p>}
          <ol class="curation">
            {candidates.map((candidate, i) => (
              <li>
                <input type="hidden" name={`entry${i}`} value={candidate.entryId} />
                <Checkbox
                  name={`pick${i}`}
                  label={`${candidate.title} — ${candidate.line}`}
                  checked={values[`pick${i}`] === 'on'}
                />
                <TextField
                  name={`order${i}`}
                  label={d.order}
                  type="number"
                  value={values[`order${i}`]}
                  class="short"
                  error={errors[`order${i}`]}
                />
                <TextField
                  name={`note${i}`}
                  label={d.note}
                  hint={d.noteHint(DIGEST_NOTE_LENGTH)}
                  value={values[`note${i}`]}
                  error={errors[`note${i}`]}
                />
              </li>
            ))}
          </ol>
        </fieldset>
        <TextArea name="intro" label={d.intro} hint={d.introHint} value={values.intro} rows={4} error={errors.intro} />
        <div class="actions">
          <button type="submit" name="status" value="draft" class="secondary">
            {d.saveDraft}
          </button>
          <button type="submit" name="status" value="published">
            {d.publish}
          </button>
        </div>
      </form>
      {digest.moreCount > 0 && <p>{d.more(digest.moreCount)}</p>}
      {digest.withheldCount > 0 && <p>{d.withheld(digest.withheldCount)}</p>}
    </>,
    { status: state.status, flash: flash(c) },
  )
}

/** The week's public entries as the servant may choose them. */
/** The week's public entries the servant may pick, each with its title so they know which is which. */
async function weekCandidates(c: AdminContext, week: string): Promise<(DigestItem & { title: string })[]> {
  const { db, now } = c.get('deps')
  const person = servantOf(c)
  const settings = await journalSettingsOf(c)
  const { from, to } = weekRangeOrThrow(week)
  const entries = await listAllEntries(db, person, localDaysToInstants(from, to, settings.timeZone))
  const titles = new Map(entries.map((entry) => [entry.id, entry.title]))
  return digestCandidates(entries, week, { now: now(), ...settings }).map((item) => ({
    ...item,
    title: titles.get(item.entryId) ?? '',
  }))
}

/** Core's errors beside the rows they concern (`items.2.note` is the note of the third chosen row). */
function curationErrors(errors: readonly FieldError[], rows: number[], lang: Lang): FieldErrors {
  const out: FieldErrors = {}
  for (const e of errors) {
    const [head, k, field] = e.field.split('.')
    const row = k === undefined ? undefined : rows[Number(k)]
    const name = head === 'items' && row !== undefined ? `${field === 'note' ? 'note' : 'pick'}${row}` : head!
    out[name] ??= reasonIn(lang, e.reason)
  }
  return out
}

/**
 * The weekly digest review: (re)generate a week, read its items, write the intro, publish. The
 * generation is the same unit of work the API and the scheduled job run (journal/digest-job.ts).
 */
export const digestPages = new Hono<AdminEnv>()
  .get('/digests', (c) => digestsPage(c))
  .post('/digests', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
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
    const { db } = c.get('deps')
    const person = servantOf(c)
    const digest = await getDigest(db, person, parseWeek(c.req.param('week')))
    return digest ? digestPage(c, digest) : seeOther(c, adminPath('/digests'))
  })
  .post('/digests/:week', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const week = parseWeek(c.req.param('week'))
    const values = formValues(await c.req.parseBody())
    const candidates = await weekCandidates(c, week)
    const rows = chosenRows(values, candidates.length)
    const curation = {
      items: rows.map((i) => ({ entryId: values[`entry${i}`] ?? '', note: values[`note${i}`] ?? '' })),
      intro: values.intro ?? '',
      status: values.status === 'published' ? ('published' as const) : ('draft' as const),
    }
    const change = { person, key: week, readVersion: formVersion(values), by: c.get('session').tokenId }
    const outcome = await changeVersioned(db, digestItems, change, async (before) => {
      try {
        return { next: curateDigest(before, curation, candidates, now()) }
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        const errors = curationErrors(error.errors, rows, c.get('lang'))
        return { declined: await digestPage(c, before, { values, errors, status: 400 }) }
      }
    })
    if (outcome.kind === 'missing') return seeOther(c, adminPath('/digests'))
    if (outcome.kind === 'declined') return outcome.answer
    if (outcome.kind === 'stale') {
      const reopened = { ...values, version: String(outcome.current.version) }
      return digestPage(c, outcome.current, { values: reopened, conflict: true, status: 409 })
    }
    return seeOther(c, adminPath(`/digests/${week}?done=digestSaved`))
  })
