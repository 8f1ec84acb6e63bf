import { Hono } from 'hono'
import {
  DEFAULT_THEME,
  type Organisation,
  organisationInputSchema,
  type OrganisationInput,
  parseWith,
  ValidationError,
} from '../../core/model/index.js'
import { getOrganisation, putOrganisation, VersionConflictError } from '../../store/index.js'
import type { AdminEnv } from '../context.js'
import { formValues, formVersion, plainFormErrors, type FormValues } from '../forms.js'
import { adminPath } from '../paths.js'
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, seeOther, type AdminContext } from './shared.js'

const THEME_FIELDS = ['primary', 'text', 'link', 'font'] as const

const organisationValues = (o?: Organisation): FormValues => ({
  name: o?.name ?? '',
  siteUrl: o?.siteUrl ?? '',
  contact: o?.contact ?? '',
  ...Object.fromEntries(THEME_FIELDS.map((field) => [field, o?.theme?.[field] ?? ''])),
  version: String(o?.version ?? 0),
})

/** The form's values as the API's input: empty optional fields are left out, as if never sent. */
function organisationInput(values: FormValues): OrganisationInput {
  const given = (name: string) => values[name]?.trim() || undefined
  const theme = Object.fromEntries(THEME_FIELDS.map((f) => [f, given(f)]).filter(([, v]) => v !== undefined))
  return parseWith(organisationInputSchema, {
    name: values.name ?? '',
    ...(given('siteUrl') && { siteUrl: given('siteUrl') }),
    ...(given('contact') && { contact: given('contact') }),
    ...(Object.keys(theme).length > 0 && { theme }),
  })
}

function organisationPage(c: AdminContext, values: FormValues, errors: FieldErrors = {}, status = 200) {
  const t = c.get('t')
  const o = t.organisation
  const themeLabels = Object.fromEntries(THEME_FIELDS.map((field) => [field, o[field]]))
  const labels = { name: o.name, siteUrl: o.siteUrl, contact: o.contact, ...themeLabels }
  return render(
    c,
    o.title,
    <form method="post" action={adminPath('/organisation')} novalidate>
      <CsrfField value={c.get('csrf')} />
      <input type="hidden" name="version" value={values.version} />
      <p>{o.intro}</p>
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <TextField
        name="name"
        label={o.name}
        hint={o.nameHint}
        value={values.name}
        error={errors.name}
        autocomplete="organization"
        required
      />
      <TextField
        name="siteUrl"
        type="url"
        label={o.siteUrl}
        hint={o.siteUrlHint}
        value={values.siteUrl}
        error={errors.siteUrl}
      />
      <TextField name="contact" label={o.contact} hint={o.contactHint} value={values.contact} error={errors.contact} />
      <fieldset>
        <legend>{o.theme}</legend>
        <p class="hint">{o.themeHint}</p>
        {(['primary', 'text', 'link'] as const).map((field) => (
          <TextField
            name={field}
            label={o[field]}
            hint={o.colourHint(DEFAULT_THEME[field])}
            value={values[field]}
            error={errors[field]}
            spellcheck={false}
          />
        ))}
        <TextField name="font" label={o.font} hint={o.fontHint} value={values.font} error={errors.font} />
      </fieldset>
      <div class="actions">
        <button type="submit">{o.save}</button>
      </div>
    </form>,
    { status, flash: flash(c) },
  )
}

/**
 * The organisation as its site shows it: name, address, contact and theme, validated by the same
 * schema as PUT /api/organisation and saved only if nobody changed it since the form was opened.
 */
export const organisationPages = new Hono<AdminEnv>()
  .get('/organisation', async (c) => organisationPage(c, organisationValues(await getOrganisation(c.get('deps').db))))
  .post('/organisation', async (c) => {
    const { db, now } = c.get('deps')
    const values = formValues(await c.req.parseBody())
    let input: OrganisationInput
    try {
      input = organisationInput(values)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const rename = Object.fromEntries(THEME_FIELDS.map((field) => [`theme.${field}`, field]))
      return organisationPage(c, values, plainFormErrors(error.errors, c.get('lang'), rename), 400)
    }
    const expected = formVersion(values)
    try {
      if (Number.isNaN(expected)) throw new VersionConflictError()
      await putOrganisation(db, { ...input, updatedAt: now().toISOString(), version: expected + 1 }, expected)
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error
      const t = c.get('t')
      const again = { ...values, version: String((await getOrganisation(db))?.version ?? 0) }
      return organisationPage(c, again, { name: `${t.conflict.title}. ${t.conflict.again}` }, 409)
    }
    return seeOther(c, adminPath('/organisation?done=organisationSaved'))
  })
