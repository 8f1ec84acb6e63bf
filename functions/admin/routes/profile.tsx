import { Hono } from 'hono'
import {
  DEFAULT_SETTINGS,
  profileFromInput,
  profileInputSchema,
  type ProfileInput,
  type Profile,
  parseWith,
  ValidationError,
  LOCALES,
} from '../../core/model/index.js'
import { languageName } from '../../core/words/index.js'
import { getProfile, putProfile, VersionConflictError } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { adminPath } from '../paths.js'
import { formValues, parseLinks, plainFormErrors, type FormValues } from '../forms.js'
import { CsrfField, ErrorSummary, Select, TextArea, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, seeOther, type AdminContext } from './shared.js'

const profileValues = (p?: Profile): FormValues => ({
  name: p?.name ?? '',
  role: p?.role ?? '',
  organisation: p?.organisation ?? '',
  bio: p?.bio ?? '',
  locale: p?.locale ?? DEFAULT_SETTINGS.locale,
  timezone: p?.timezone ?? DEFAULT_SETTINGS.timeZone,
  links: (p?.links ?? []).map((l) => (l.title ? `${l.url} ${l.title}` : l.url)).join('\n'),
  contact: p?.contact ?? '',
  version: String(p?.version ?? 0),
})

function profilePage(c: AdminContext, values: FormValues, errors: FieldErrors = {}, status = 200) {
  const t = c.get('t')
  const p = t.profile
  return render(
    c,
    p.title,
    <form method="post" action={adminPath('/profile')} novalidate>
      <CsrfField value={c.get('csrf')} />
      <input type="hidden" name="version" value={values.version} />
      <ErrorSummary errors={errors} t={t} />
      <TextField name="name" label={p.name} value={values.name} error={errors.name} autocomplete="name" required />
      <TextField name="role" label={p.role} value={values.role} error={errors.role} required />
      <TextField
        name="organisation"
        label={p.organisation}
        value={values.organisation}
        error={errors.organisation}
        autocomplete="organization"
        required
      />
      <TextArea name="bio" label={p.bio} value={values.bio} error={errors.bio} rows={6} />
      <TextArea name="links" label={p.links} hint={p.linksHint} value={values.links} error={errors.links} rows={3} />
      <TextField name="contact" label={p.contact} hint={p.contactHint} value={values.contact} error={errors.contact} />
      <Select
        name="locale"
        label={p.locale}
        value={values.locale}
        error={errors.locale}
        options={LOCALES.map((l) => [l, languageName(l)])}
      />
      <TextField
        name="timezone"
        label={p.timezone}
        hint={p.timezoneHint}
        value={values.timezone}
        error={errors.timezone}
        required
      />
      <div class="actions">
        <button type="submit">{p.save}</button>
      </div>
    </form>,
    { status, flash: flash(c) },
  )
}

/** Who keeps the journal: shown on every public page. Saved only if nobody changed it meanwhile. */
export const profilePages = new Hono<AdminEnv>()
  .get('/profile', async (c) => {
    const { db } = c.get('deps')
    const person = servantOf(c)
    return profilePage(c, profileValues(await getProfile(db, person)))
  })
  .post('/profile', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const values = formValues(await c.req.parseBody())
    let input: ProfileInput
    try {
      input = parseWith(profileInputSchema, {
        name: values.name ?? '',
        role: values.role ?? '',
        organisation: values.organisation ?? '',
        ...(values.bio?.trim() ? { bio: values.bio } : {}),
        links: parseLinks(values.links),
        ...(values.contact?.trim() ? { contact: values.contact } : {}),
        locale: values.locale,
        timezone: values.timezone?.trim(),
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return profilePage(c, values, plainFormErrors(error.errors, c.get('lang')), 400)
    }
    const expected = Number(values.version ?? 0)
    // The form has no fields for the site's theme (set through the API); saving it keeps the theme.
    const theme = (await getProfile(db, person))?.theme
    try {
      await putProfile(
        db,
        {
          person,
          ...profileFromInput({ ...input, ...(theme && { theme }) }),
          updatedAt: now().toISOString(),
          version: expected + 1,
        },
        expected,
      )
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error
      const t = c.get('t')
      return profilePage(
        c,
        { ...values, version: String((await getProfile(db, person))?.version ?? 0) },
        { name: `${t.conflict.title}. ${t.conflict.again}` },
        409,
      )
    }
    return seeOther(c, adminPath('/profile?done=profileSaved'))
  })
