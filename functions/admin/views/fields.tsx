import type { Child, FC } from 'hono/jsx'
import { CSRF_FIELD } from '../csrf.js'
import type { Messages } from '../i18n.js'

/**
 * Form fields that are accessible without effort: every input has a label, hints and errors are
 * tied to it with aria-describedby, a field in error says so (aria-invalid), and groups of
 * choices are fieldsets with a legend. Ids are `f-<name>` so the error summary can link to them.
 */

export type FieldErrors = Record<string, string>
export const fieldId = (name: string) => `f-${name}`

interface Common {
  name: string
  label: string
  hint?: Child
  error?: string
  required?: boolean
}

function described(name: string, hint?: Child, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? 'true' : undefined }
}

const HintAndError: FC<{ name: string; hint?: Child; error?: string }> = ({ name, hint, error }) => (
  <>
    {hint && (
      <p class="hint" id={`${fieldId(name)}-hint`}>
        {hint}
      </p>
    )}
    {error && (
      <p class="error" id={`${fieldId(name)}-error`}>
        {error}
      </p>
    )}
  </>
)

export const TextField: FC<
  Common & {
    value?: string
    type?: string
    autocomplete?: string
    list?: string
    pattern?: string
    class?: string
    spellcheck?: boolean
  }
> = ({ name, label, hint, error, required, value, type = 'text', ...rest }) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for={fieldId(name)}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <input
      id={fieldId(name)}
      name={name}
      type={type}
      value={value ?? ''}
      required={required}
      {...described(name, hint, error)}
      {...rest}
    />
  </div>
)

export const TextArea: FC<Common & { value?: string; rows?: number }> = ({
  name,
  label,
  hint,
  error,
  required,
  value,
  rows = 4,
}) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for={fieldId(name)}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <textarea id={fieldId(name)} name={name} rows={rows} required={required} {...described(name, hint, error)}>
      {value ?? ''}
    </textarea>
  </div>
)

export const Select: FC<Common & { value?: string; options: [string, string][] }> = ({
  name,
  label,
  hint,
  error,
  required,
  value,
  options,
}) => (
  <div class={`field${error ? ' has-error' : ''}`}>
    <label for={fieldId(name)}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <select id={fieldId(name)} name={name} required={required} {...described(name, hint, error)}>
      {options.map(([v, text]) => (
        <option value={v} selected={v === value}>
          {text}
        </option>
      ))}
    </select>
  </div>
)

export const RadioGroup: FC<Common & { value?: string; options: [string, string, string?][] }> = ({
  name,
  label,
  hint,
  error,
  value,
  options,
}) => (
  <fieldset
    id={fieldId(name)}
    class={`field radios${error ? ' has-error' : ''}`}
    aria-describedby={described(name, hint, error)['aria-describedby']}>
    <legend>{label}</legend>
    <HintAndError name={name} hint={hint} error={error} />
    {options.map(([v, text, help]) => (
      <div class="choice">
        <input
          type="radio"
          id={`${fieldId(name)}-${v}`}
          name={name}
          value={v}
          checked={v === value}
          aria-describedby={help ? `${fieldId(name)}-${v}-help` : undefined}
        />
        <label for={`${fieldId(name)}-${v}`}>{text}</label>
        {help && (
          <p class="hint" id={`${fieldId(name)}-${v}-help`}>
            {help}
          </p>
        )}
      </div>
    ))}
  </fieldset>
)

export const Checkbox: FC<{ name: string; label: string; checked?: boolean; value?: string }> = ({
  name,
  label,
  checked,
  value = 'on',
}) => (
  <div class="field choice">
    <input type="checkbox" id={fieldId(name)} name={name} value={value} checked={checked} />
    <label for={fieldId(name)}>{label}</label>
  </div>
)

export const CsrfField: FC<{ value: string }> = ({ value }) => <input type="hidden" name={CSRF_FIELD} value={value} />

/** The list of what is wrong, first on the page, each linking to its field. */
export const ErrorSummary: FC<{ errors: FieldErrors; t: Messages; labels?: Record<string, string> }> = ({
  errors,
  t,
  labels = {},
}) => {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.form.errorSummary}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`}>{labels[field] ? `${labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const Badge: FC<{ kind: 'public' | 'restricted' | 'private' | 'withdrawn' | 'imported'; text: string }> = ({
  kind,
  text,
}) => <span class={`badge badge-${kind}`}>{text}</span>

/** A period of two dates (`periodFrom`, `periodTo`), as posts and annual-report drafts ask it. */
export const PeriodFields: FC<{
  t: Messages
  hint: string
  values: { periodFrom?: string; periodTo?: string }
  errors: FieldErrors
  required?: boolean
}> = ({ t, hint, values, errors, required }) => (
  <fieldset>
    <legend>{t.fields.period}</legend>
    <p class="hint">{hint}</p>
    <div class="row">
      {(['periodFrom', 'periodTo'] as const).map((name) => (
        <TextField
          name={name}
          type="date"
          label={t.posts[name]}
          value={values[name]}
          error={errors[name]}
          required={required}
        />
      ))}
    </div>
  </fieldset>
)
