import { Hono } from 'hono'
import { localDaysToInstants } from '../../core/time/index.js'
import {
  applyEntryPatch,
  type Entry,
  revisedEntry,
  ValidationError,
  COUNTERPART_TYPES,
  ENTRY_KINDS,
} from '../../core/model/index.js'
import { IcsError, importRange, readCalendar } from '../../core/calendar/index.js'
import { MAX_UPLOAD_MB } from '../../api/api-app.js'
import { describeWhen, COUNTERPART_TYPE_NAMES, KIND_LABELS } from '../../core/words/index.js'
import { getEntry, listEntries, updateEntry } from '../../store/index.js'
import { runImport } from '../../journal/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { adminPath } from '../paths.js'
import { formValues, plainFormErrors, type FormValues } from '../forms.js'
import { reasonIn } from '../i18n.js'
import { EntryBadges } from '../views/entry-views.js'
import { CsrfField, ErrorSummary, RadioGroup, Select, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { journalZone, seeOther, suggestionsFor, type AdminContext } from './shared.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

async function importPage(c: AdminContext, values: FormValues, errors: FieldErrors = {}, status = 200) {
  const t = c.get('t')
  return render(
    c,
    t.import.title,
    <form method="post" action={adminPath('/import')} enctype="multipart/form-data">
      <p>{t.import.intro}</p>
      <CsrfField value={c.get('csrf')} />
      <ErrorSummary errors={errors} t={t} />
      <TextField
        name="calendar"
        type="file"
        label={t.import.file}
        hint={t.import.fileHint(MAX_UPLOAD_MB)}
        error={errors.calendar}
        required
      />
      <fieldset>
        <legend>{t.review.period}</legend>
        <p class="hint">{t.import.rangeHint}</p>
        <div class="row">
          <TextField name="from" type="date" label={t.import.from} value={values.from} error={errors.from} />
          <TextField name="to" type="date" label={t.import.to} value={values.to} error={errors.to} />
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit">{t.import.submit}</button>
      </div>
    </form>,
    { status },
  )
}

/** The imported entries still private in a period: what the review screen lists. */
async function waitingForReview(c: AdminContext, range: { from: string; to: string }): Promise<Entry[]> {
  const { db } = c.get('deps')
  const person = servantOf(c)
  const entries: Entry[] = []
  let cursor: string | undefined
  do {
    const page = await listEntries(db, person, {
      ...localDaysToInstants(range.from, range.to, await journalZone(c)),
      order: 'asc',
      limit: 200,
      cursor,
      accept: (e) => e.sourceUid !== undefined && e.visibility === 'private' && !e.withdrawn,
    })
    entries.push(...page.items)
    cursor = entries.length < 1000 ? page.cursor : undefined
  } while (cursor)
  return entries
}

async function reviewPage(
  c: AdminContext,
  range: { from: string; to: string },
  state: { values?: FormValues; errors?: FieldErrors; flash?: string; status?: number } = {},
) {
  const t = c.get('t')
  const lang = c.get('lang')
  const errors = state.errors ?? {}
  const values = state.values ?? { visibility: 'keep' }
  const entries = await waitingForReview(c, range)
  const { suggestions } = await suggestionsFor(c)
  const typeOptions: [string, string][] = [
    ['', t.form.asBefore],
    ...COUNTERPART_TYPES.map((type): [string, string] => [type, COUNTERPART_TYPE_NAMES[lang][type]]),
  ]
  return render(
    c,
    t.review.title,
    <>
      <p>{t.review.intro}</p>
      <form method="get" action={adminPath('/import/review')} class="row">
        <TextField name="from" type="date" label={t.import.from} value={range.from} />
        <TextField name="to" type="date" label={t.import.to} value={range.to} />
        <div class="actions">
          <button type="submit" class="secondary">
            {t.entries.show}
          </button>
        </div>
      </form>
      {entries.length === 0 ? (
        <p>{t.review.none}</p>
      ) : (
        <form method="post" action={adminPath('/import/review')}>
          <CsrfField value={c.get('csrf')} />
          <input type="hidden" name="from" value={range.from} />
          <input type="hidden" name="to" value={range.to} />
          <ErrorSummary errors={errors} t={t} />
          <fieldset id="f-ids">
            <legend>{t.review.choose}</legend>
            <ul class="entries">
              {entries.map((e) => (
                <li class="choice">
                  <input
                    type="checkbox"
                    name="id"
                    value={e.id}
                    id={`pick-${e.id}`}
                    checked={(values.ids ?? '').split(',').includes(e.id)}
                  />
                  <label for={`pick-${e.id}`}>{e.title}</label> <EntryBadges entry={e} t={t} />
                  <span class="when">
                    {describeWhen(e, lang, e.timezone)}
                    {e.location ? ` · ${e.location}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>{t.review.bulk}</legend>
            <RadioGroup
              name="visibility"
              label={t.form.visibility}
              value={values.visibility}
              options={[
                ['keep', t.review.keep],
                ['public', t.visibility.public, t.visibilityHelp.public],
                ['restricted', t.visibility.restricted, t.visibilityHelp.restricted],
                ['private', t.visibility.private],
              ]}
            />
            <Select
              name="kind"
              label={t.form.kind}
              value={values.kind}
              error={errors.kind}
              options={[['', t.review.keep], ...ENTRY_KINDS.map((k): [string, string] => [k, KIND_LABELS[lang][k]])]}
            />
            <div class="row">
              <TextField
                name="cpName"
                label={t.review.addCounterpart}
                value={values.cpName}
                error={errors.cpName}
                list="known-organisations"
                autocomplete="off"
              />
              <Select
                name="cpType"
                label={t.form.organisationType}
                value={values.cpType}
                error={errors.cpType}
                options={typeOptions}
              />
            </div>
            <datalist id="known-organisations">
              {suggestions.map((s) => (
                <option value={s.name}>{`${s.name} (${COUNTERPART_TYPE_NAMES[lang][s.type]})`}</option>
              ))}
            </datalist>
            <TextField
              name="themes"
              label={t.review.addThemes}
              hint={t.form.themesHint}
              value={values.themes}
              error={errors.themes}
            />
          </fieldset>
          <div class="actions">
            <button type="submit">{t.review.apply}</button>
          </div>
        </form>
      )}
    </>,
    { flash: state.flash, status: state.status },
  )
}

function rangeFrom(c: AdminContext, values: { from?: string; to?: string }, zone: string) {
  return importRange({ from: values.from || undefined, to: values.to || undefined }, c.get('deps').now(), zone)
}

/**
 * Calendar import in the admin: upload an .ics (all or nothing, like the API), then review the
 * imported entries — all private — and publish them in bulk with a kind, an organisation and themes.
 */
export const importPages = new Hono<AdminEnv>()
  .get('/import', async (c) => importPage(c, rangeFrom(c, {}, await journalZone(c))))
  .post('/import', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const t = c.get('t')
    const body = await c.req.parseBody()
    const values = formValues(body)
    const zone = await journalZone(c)
    let range: { from: string; to: string }
    try {
      range = rangeFrom(c, values, zone)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return importPage(c, values, plainFormErrors(error.errors, c.get('lang')), 400)
    }
    const file = body.calendar instanceof File && body.calendar.size > 0 ? body.calendar : undefined
    if (!file) return importPage(c, values, { calendar: t.import.noFile }, 400)
    try {
      const calendar = await readCalendar(utf8.decode(await file.arrayBuffer()), {
        ...range,
        timezone: zone,
        now: now(),
      })
      const result = await runImport(db, person, calendar, { by: c.get('session').tokenId, now: now() })
      const counts = {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        outside: result.outsideRange,
      }
      const query = new URLSearchParams({
        ...range,
        ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])),
      })
      return seeOther(c, `${adminPath('/import/review')}?${query}`)
    } catch (error) {
      if (error instanceof IcsError)
        return importPage(c, values, { calendar: t.import.bad(error.line, error.reason) }, 400)
      if (error instanceof TypeError) return importPage(c, values, { calendar: t.import.bad(1, 'not UTF-8 text') }, 400)
      throw error
    }
  })
  .get('/import/review', async (c) => {
    const q = c.req.query()
    const t = c.get('t')
    const range = rangeFrom(c, q, await journalZone(c))
    const imported =
      q.created !== undefined
        ? t.import.result({
            created: Number(q.created),
            updated: Number(q.updated),
            unchanged: Number(q.unchanged),
            outsideRange: Number(q.outside),
          })
        : undefined
    return reviewPage(c, range, { flash: imported ?? (q.reviewed ? t.review.done(Number(q.reviewed)) : undefined) })
  })
  .post('/import/review', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const t = c.get('t')
    const lang = c.get('lang')
    const body = await c.req.parseBody({ all: true })
    const ids = ([] as unknown[]).concat(body.id ?? []).filter((v): v is string => typeof v === 'string')
    const values: FormValues = { ...formValues(body as Record<string, unknown>), ids: ids.join(',') }
    const range = rangeFrom(c, values, await journalZone(c))
    const refuse = (errors: FieldErrors) => reviewPage(c, range, { values, errors, status: 400 })
    if (ids.length === 0) return refuse({ ids: t.review.noneSelected })
    const { suggestions } = await suggestionsFor(c)
    const cpName = values.cpName?.trim()
    const cpType =
      values.cpType || suggestions.find((s) => s.name.toLocaleLowerCase('nl') === cpName?.toLocaleLowerCase('nl'))?.type
    if (cpName && !cpType) return refuse({ cpType: t.form.chooseType })
    const themes = (values.themes ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const updates: [Entry, Entry][] = []
    for (const id of ids) {
      const entry = await getEntry(db, person, id)
      if (!entry) continue
      const counterparts =
        cpName && !entry.counterparts.some((x) => x.name.toLocaleLowerCase('nl') === cpName.toLocaleLowerCase('nl'))
          ? [...entry.counterparts, { name: cpName, type: cpType }]
          : entry.counterparts
      const patch = {
        ...(values.visibility && values.visibility !== 'keep' ? { visibility: values.visibility } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
        counterparts,
        themes: [...entry.themes, ...themes],
      }
      try {
        updates.push([entry, revisedEntry(entry, applyEntryPatch(entry, patch), now())])
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return refuse(
          Object.fromEntries(
            Object.entries(plainFormErrors(error.errors, lang, { counterparts: 'cpName' })).map(([k, v]) => [
              k,
              `${entry.title}: ${reasonIn(lang, v)}`,
            ]),
          ),
        )
      }
    }
    for (const [before, after] of updates) await updateEntry(db, before, after, { by: c.get('session').tokenId })
    return seeOther(
      c,
      `${adminPath('/import/review')}?${new URLSearchParams({ ...range, reviewed: String(updates.length) })}`,
    )
  })
