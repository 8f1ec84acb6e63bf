import { Hono } from 'hono'
import {
  changedServant,
  DEFAULT_SETTINGS,
  FIRST_TOKEN_LABEL,
  parseWith,
  servantChangeSchema,
  servantCreateSchema,
  type Servant,
  type ServantChange,
  type ServantCreate,
  ValidationError,
} from '../../core/model/index.js'
import { zonedParts } from '../../core/time/index.js'
import { problem } from '../../api/problem.js'
import { issueFirstToken, newToken } from '../../api/tokens.js'
import {
  addServant,
  AlreadyExistsError,
  getServant,
  listServants,
  listTokens,
  NotFoundError,
  updateServant,
  VersionConflictError,
} from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { formValues, formVersion, plainFormErrors, type FormValues } from '../forms.js'
import { adminPath } from '../paths.js'
import { ORGANISATION_HOME } from '../roles.js'
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { ServantDetails, ServantTables, ShownOnce } from '../views/servant-views.js'
import { flash, seeOther, type AdminContext } from './shared.js'

/** Today where the organisation works: a servant's last working day is offered as today. */
const today = (now: Date) => zonedParts(now, DEFAULT_SETTINGS.timeZone).date

function addPage(c: AdminContext, values: FormValues = {}, errors: FieldErrors = {}, status = 200) {
  const t = c.get('t')
  const s = t.servants
  return render(
    c,
    s.add,
    <form method="post" action={adminPath('/servants')} novalidate>
      <CsrfField value={c.get('csrf')} />
      <ErrorSummary errors={errors} t={t} labels={{ person: s.slug, name: s.name, role: s.role }} />
      <TextField name="name" label={s.name} hint={s.nameHint} value={values.name} error={errors.name} required />
      <TextField
        name="person"
        label={s.slug}
        hint={s.slugHint}
        value={values.person}
        error={errors.person}
        spellcheck={false}
        required
      />
      <TextField name="role" label={s.role} hint={s.roleHint} value={values.role} error={errors.role} required />
      <div class="actions">
        <button type="submit">{s.create}</button>
      </div>
      <p>
        <a href={ORGANISATION_HOME}>{s.back}</a>
      </p>
    </form>,
    { status },
  )
}

async function servantOr404(c: AdminContext): Promise<Servant> {
  const servant = await getServant(c.get('deps').db, c.req.param('person') ?? '')
  if (!servant) throw new NotFoundError('no such servant')
  return servant
}

function servantPage(c: AdminContext, servant: Servant, errors: FieldErrors = {}, status = 200) {
  const details = <ServantDetails c={c} servant={servant} today={today(c.get('deps').now())} errors={errors} />
  return render(c, servant.name, details, { status, flash: flash(c) })
}

/** The servant after `change`; leaving revokes their working tokens in the same write. */
async function changeServant(c: AdminContext, current: Servant, change: ServantChange, expected: number) {
  const { db, now } = c.get('deps')
  if (Number.isNaN(expected)) throw new VersionConflictError()
  const next = changedServant(current, change, now().toISOString())
  const leaving = current.status === 'active' && next.status === 'left'
  const revoke = leaving ? (await listTokens(db, current.person)).filter((token) => !token.revokedAt) : []
  await updateServant(db, next, expected, revoke)
}

/**
 * The organisation's servants, for its administrator: who works here and who left, adding one
 * (with a first token shown once), marking one as left (their tokens revoked in the same write),
 * taking one back, and a new first token. Nothing here reads inside a servant's journal.
 */
export const servantPages = new Hono<AdminEnv>()
  .get('/servants', async (c) => {
    const t = c.get('t')
    const servants = await listServants(c.get('deps').db)
    return render(c, t.servants.title, <ServantTables c={c} servants={servants} />, { flash: flash(c) })
  })
  .get('/servants/new', (c) => addPage(c))
  .post('/servants', async (c) => {
    const { db, now } = c.get('deps')
    const t = c.get('t')
    const values = formValues(await c.req.parseBody())
    let input: ServantCreate
    try {
      input = parseWith(servantCreateSchema, {
        person: (values.person ?? '').trim(),
        name: values.name ?? '',
        role: values.role ?? '',
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return addPage(c, values, plainFormErrors(error.errors, c.get('lang')), 400)
    }
    const at = now().toISOString()
    const servant: Servant = { ...input, status: 'active', createdAt: at, updatedAt: at, version: 1 }
    const { token, secret } = newToken(servant.person, FIRST_TOKEN_LABEL, now())
    try {
      await addServant(db, servant, token)
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error
      return addPage(c, values, { person: t.servants.taken(servant.person) }, 409)
    }
    return render(c, t.servants.tokenTitle(servant.name), <ShownOnce c={c} secret={secret} />, { status: 201 })
  })
  .get('/servants/:person', async (c) => servantPage(c, await servantOr404(c)))
  .post('/servants/:person/leave', async (c) => {
    const current = await servantOr404(c)
    const values = formValues(await c.req.parseBody())
    try {
      const change = parseWith(servantChangeSchema, { status: 'left', leftOn: values.leftOn ?? '' })
      await changeServant(c, current, change, formVersion(values))
    } catch (error) {
      if (error instanceof ValidationError)
        return servantPage(c, current, plainFormErrors(error.errors, c.get('lang')), 400)
      if (error instanceof VersionConflictError) return conflict(c, current)
      throw error
    }
    return seeOther(c, adminPath(`/servants/${current.person}?done=servantLeft`))
  })
  .post('/servants/:person/return', async (c) => {
    const current = await servantOr404(c)
    const values = formValues(await c.req.parseBody())
    try {
      await changeServant(c, current, { status: 'active' }, formVersion(values))
    } catch (error) {
      if (error instanceof VersionConflictError) return conflict(c, current)
      throw error
    }
    return seeOther(c, adminPath(`/servants/${current.person}?done=servantBack`))
  })
  .post('/servants/:person/token', async (c) => {
    const { db, now } = c.get('deps')
    const t = c.get('t')
    const servant = await servantOr404(c)
    if (servant.status === 'left') throw problem(409, t.servants.comeBackHint)
    const { secret } = await issueFirstToken(db, servant.person, now())
    return render(c, t.servants.tokenTitle(servant.name), <ShownOnce c={c} secret={secret} />, { status: 201 })
  })

/** Someone changed the servant since the page was opened: the page again, as it is now, saying so. */
async function conflict(c: AdminContext, opened: Servant) {
  const t = c.get('t')
  const now = (await getServant(c.get('deps').db, opened.person)) ?? opened
  return servantPage(c, now, { leftOn: `${t.conflict.title}. ${t.servants.conflict}` }, 409)
}
