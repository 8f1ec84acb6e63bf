import { Hono } from 'hono'
import { isoWeekRange, localDaysToInstants } from '../../core/time/index.js'
import {
  missingEssentials,
  type Essential,
  normalizeEntryInput,
  withdrawalSchema,
  type Entry,
  type EntryContent,
  newEntry,
  revisedEntry,
  withdrawnEntry,
  parseWith,
  ValidationError,
} from '../../core/model/index.js'
import { formatInstant } from '../../core/words/index.js'
import { changeVersioned, entryItems } from '../../journal/index.js'
import { createEntry, getEntry, listEntries, listEntryRevisions } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { adminPath } from '../paths.js'
import { reasonIn } from '../i18n.js'
import {
  entryFormErrors,
  entryInputFrom,
  entryValues,
  formValues,
  formVersion,
  newEntryValues,
  type FormValues,
} from '../forms.js'
import { EntryForm } from '../views/EntryForm.js'
import { ConflictTable, EntryBadges, EntryList, History } from '../views/entry-views.js'
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import {
  flash,
  journalZone,
  lastChoices,
  rememberChoices,
  seeOther,
  suggestionsFor,
  type AdminContext,
} from './shared.js'

interface FormState {
  values: FormValues
  errors: FieldErrors
  nudges?: Essential[]
  status?: number
}

/** The home page: "log an appointment" first, then what was logged last. */
async function logPage(c: AdminContext, state: FormState) {
  const t = c.get('t')
  const { recent, suggestions, themesUsed } = await suggestionsFor(c)
  const lastLogged = [...recent].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 5)
  return render(
    c,
    t.home.title,
    <>
      <EntryForm
        action={adminPath('/entries')}
        values={state.values}
        errors={state.errors}
        nudges={state.nudges}
        lang={c.get('lang')}
        t={t}
        csrf={c.get('csrf')}
        timezone={await journalZone(c)}
        suggestions={suggestions}
        themesUsed={themesUsed}
      />
      <h2>{t.home.recent}</h2>
      <EntryList entries={lastLogged} lang={c.get('lang')} t={t} />
      <p>
        <a href={adminPath('/entries')}>{t.home.all}</a>
      </p>
    </>,
    { status: state.status },
  )
}

/** One entry: its badges, the edit form, its history and the way to withdraw it. */
async function entryPage(
  c: AdminContext,
  entry: Entry,
  state: FormState & { conflictWith?: object; withdrawErrors?: FieldErrors },
) {
  const t = c.get('t')
  const lang = c.get('lang')
  const { db } = c.get('deps')
  const person = servantOf(c)
  const { suggestions, themesUsed } = await suggestionsFor(c)
  const revisions = await listEntryRevisions(db, person, entry.id)
  const withdrawErrors = state.withdrawErrors ?? {}
  return render(
    c,
    entry.title,
    <>
      <p>
        <EntryBadges entry={entry} t={t} />
      </p>
      {entry.withdrawn && (
        <p>{t.entry.withdrawn(formatInstant(entry.withdrawn.at, lang, entry.timezone), entry.withdrawn.reason)}</p>
      )}
      {state.conflictWith && <ConflictTable then={state.conflictWith} now={entry} t={t} />}
      <h2>{t.entry.edit}</h2>
      <EntryForm
        action={adminPath(`/entries/${entry.id}`)}
        values={state.values}
        errors={state.errors}
        nudges={state.nudges}
        lang={lang}
        t={t}
        csrf={c.get('csrf')}
        timezone={entry.timezone}
        suggestions={suggestions}
        themesUsed={themesUsed}
        editing
      />
      <h2>{t.entry.history}</h2>
      <History revisions={revisions} lang={lang} t={t} timeZone={entry.timezone} />
      {!entry.withdrawn && (
        <form method="post" action={adminPath(`/entries/${entry.id}/withdraw`)}>
          <h2>{t.entry.withdraw}</h2>
          <CsrfField value={c.get('csrf')} />
          <input type="hidden" name="version" value={String(entry.version)} />
          <ErrorSummary errors={withdrawErrors} t={t} />
          <TextField
            name="reason"
            label={t.entry.reason}
            hint={t.entry.withdrawHint}
            error={withdrawErrors.reason}
            required
          />
          <div class="actions">
            <button type="submit" class="danger">
              {t.entry.withdraw}
            </button>
          </div>
        </form>
      )}
    </>,
    { status: state.status, flash: flash(c) },
  )
}

/** Reads the form into validated content, or the errors to show beside its fields; and the nudges. */
async function readEntryForm(c: AdminContext, values: FormValues, existing?: Entry) {
  const t = c.get('t')
  const { suggestions } = await suggestionsFor(c)
  const timeZone = await journalZone(c)
  const { input, errors } = entryInputFrom(values, {
    timezone: timeZone,
    suggestions,
    existing,
    chooseType: t.form.chooseType,
  })
  let content: EntryContent | undefined
  try {
    content = normalizeEntryInput(input, { timeZone, now: c.get('deps').now() })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    Object.assign(errors, { ...entryFormErrors(error.errors, c.get('lang')), ...errors })
  }
  const nudges =
    values.confirmed !== '1' && input.visibility === 'public'
      ? missingEssentials(input as { title: string; counterparts: unknown[] })
      : []
  return { values, errors, content: Object.keys(errors).length === 0 ? content : undefined, nudges }
}

/** The reason a withdrawal form gives, or undefined when it gives none. */
function withdrawalReason(values: FormValues): string | undefined {
  try {
    return parseWith(withdrawalSchema, { reason: values.reason ?? '' }).reason
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return undefined
  }
}

/** The entry as it was at `version` (what the servant saw when they opened the form). */
async function versionOf(c: AdminContext, id: string, version: number): Promise<object> {
  const { db } = c.get('deps')
  const person = servantOf(c)
  return (await listEntryRevisions(db, person, id)).find((r) => r.version === version)?.after ?? {}
}

export const entryPages = new Hono<AdminEnv>()
  .get('/', async (c) =>
    logPage(c, { values: newEntryValues(c.get('deps').now(), await journalZone(c), lastChoices(c)), errors: {} }),
  )
  .post('/entries', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const form = await readEntryForm(c, formValues(await c.req.parseBody()))
    if (!form.content) return logPage(c, { values: form.values, errors: form.errors, status: 400 })
    if (form.nudges.length > 0) return logPage(c, { values: form.values, errors: {}, nudges: form.nudges })
    const entry = newEntry(form.content, person, now())
    await createEntry(db, entry, { by: c.get('session').tokenId })
    rememberChoices(c, entry)
    return seeOther(c, adminPath(`/entries/${entry.id}?done=created`))
  })
  .get('/entries', async (c) => {
    const { db } = c.get('deps')
    const person = servantOf(c)
    const t = c.get('t')
    const week = c.req.query('week')?.toUpperCase()
    const range = week ? isoWeekRange(week) : null
    const instants = range ? localDaysToInstants(range.from, range.to, await journalZone(c)) : undefined
    const cursor = c.req.query('cursor')
    const page = await listEntries(db, person, { ...instants, order: range ? 'asc' : 'desc', limit: 30, cursor })
    const more = page.cursor
      ? `${adminPath('/entries')}?${new URLSearchParams({ ...(week ? { week } : {}), cursor: page.cursor })}`
      : undefined
    return render(
      c,
      t.entries.title,
      <>
        <form method="get" action={adminPath('/entries')} class="row">
          <TextField
            name="week"
            label={t.entries.week}
            hint={t.digests.weekHint}
            value={week ?? ''}
            error={week && !range ? t.digests.weekHint : undefined}
          />
          <div class="actions">
            <button type="submit" class="secondary">
              {t.entries.show}
            </button>{' '}
            <a href={adminPath('/entries')}>{t.entries.all}</a>
          </div>
        </form>
        {page.items.length === 0 ? (
          <p>{t.entries.none}</p>
        ) : (
          <EntryList entries={page.items} lang={c.get('lang')} t={t} />
        )}
        {more && (
          <p>
            <a href={more}>{t.entries.older}</a>
          </p>
        )}
      </>,
    )
  })
  .get('/entries/:id', async (c) => {
    const { db } = c.get('deps')
    const person = servantOf(c)
    const entry = await getEntry(db, person, c.req.param('id'))
    if (!entry) return c.notFound()
    return entryPage(c, entry, { values: entryValues(entry), errors: {} })
  })
  .post('/entries/:id', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    const opened = formVersion(values)
    const reason = values.changeReason?.trim() || undefined
    const change = { person, key: c.req.param('id'), readVersion: opened, by: c.get('session').tokenId, reason }
    const outcome = await changeVersioned(db, entryItems, change, async (before) => {
      const form = await readEntryForm(c, values, before)
      if (!form.content) return { declined: await entryPage(c, before, { values, errors: form.errors, status: 400 }) }
      const { nudges } = form
      if (nudges.length > 0) return { declined: await entryPage(c, before, { values, errors: {}, nudges }) }
      return { next: revisedEntry(before, form.content, now()) }
    })
    if (outcome.kind === 'missing') return c.notFound()
    if (outcome.kind === 'declined') return outcome.answer
    if (outcome.kind === 'stale') {
      const { current } = outcome
      const conflictWith = await versionOf(c, current.id, opened)
      const reopened = { ...values, version: String(current.version) }
      return entryPage(c, current, { values: reopened, errors: {}, conflictWith, status: 409 })
    }
    return seeOther(c, adminPath(`/entries/${outcome.after.id}?done=updated`))
  })
  .post('/entries/:id/withdraw', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    const opened = formVersion(values)
    const reason = withdrawalReason(values)
    const by = c.get('session').tokenId
    const change = { person, key: c.req.param('id'), readVersion: opened, by, reason, action: 'withdraw' as const }
    const outcome = await changeVersioned(db, entryItems, change, async (before) => {
      if (reason === undefined) {
        const withdrawErrors = { reason: reasonIn(c.get('lang'), 'is required') }
        const state = { values: entryValues(before), errors: {}, withdrawErrors, status: 400 }
        return { declined: await entryPage(c, before, state) }
      }
      if (before.withdrawn) return { declined: seeOther(c, adminPath(`/entries/${before.id}`)) }
      return { next: withdrawnEntry(before, reason, now()) }
    })
    if (outcome.kind === 'missing') return c.notFound()
    if (outcome.kind === 'declined') return outcome.answer
    if (outcome.kind === 'stale') {
      const { current } = outcome
      const conflictWith = await versionOf(c, current.id, opened)
      return entryPage(c, current, { values: entryValues(current), errors: {}, conflictWith, status: 409 })
    }
    return seeOther(c, adminPath(`/entries/${outcome.after.id}?done=withdrawn`))
  })
