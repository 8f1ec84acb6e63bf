import type { FC } from 'hono/jsx'
import {
  type CounterpartSuggestion,
  type Essential,
  COUNTERPART_TYPES,
  ENTRY_KINDS,
  ENTRY_STATUSES,
  VISIBILITIES,
} from '../../core/model/index.js'
import { COUNTERPART_TYPE_NAMES, KIND_LABELS, STATUS_LABELS } from '../../core/words/index.js'
import { counterpartRows, type FormValues } from '../forms.js'
import type { Lang, Messages } from '../i18n.js'
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  Select,
  TextArea,
  TextField,
  type FieldErrors,
} from './fields.js'

export interface EntryFormProps {
  action: string
  values: FormValues
  errors: FieldErrors
  lang: Lang
  t: Messages
  csrf: string
  timezone: string
  suggestions: readonly CounterpartSuggestion[]
  themesUsed: readonly string[]
  /** What the entry still lacks, when the servant tried to save it without. */
  nudges?: readonly Essential[]
  /** Editing an existing entry: ask for a public reason for the change. */
  editing?: boolean
}

/**
 * "Log an appointment", mobile first: subject, when, with whom, then the rest. Counterparts
 * suggest what was named before (a datalist, no script needed) and take their earlier type.
 */
export const EntryForm: FC<EntryFormProps> = ({
  action,
  values,
  errors,
  lang,
  t,
  csrf,
  timezone,
  suggestions,
  themesUsed,
  nudges = [],
  editing,
}) => {
  const f = t.form
  const typeOptions: [string, string][] = [
    ['', f.asBefore],
    ...COUNTERPART_TYPES.map((type): [string, string] => [type, COUNTERPART_TYPE_NAMES[lang][type]]),
  ]
  const rows = Array.from({ length: counterpartRows(values) }, (_, i) => i)
  return (
    <form method="post" action={action} novalidate>
      <CsrfField value={csrf} />
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <ErrorSummary errors={errors} t={t} />
      {nudges.length > 0 && (
        <section class="nudge" aria-labelledby="nudge-title">
          <h2 id="nudge-title">{t.nudge.title}</h2>
          <ul>
            {nudges.map((n) => (
              <li>{t.nudge[n]}</li>
            ))}
          </ul>
          <p>
            {t.nudge.why} {t.nudge.fix}
          </p>
        </section>
      )}
      <TextField name="title" label={f.title} hint={f.titleHint} value={values.title} error={errors.title} required />
      <fieldset>
        <legend>{f.when}</legend>
        <p class="hint">{f.timezone(timezone)}</p>
        <div class="row">
          <TextField name="date" type="date" label={f.date} value={values.date} error={errors.date} required />
          <TextField
            name="startTime"
            type="time"
            label={f.startTime}
            value={values.startTime}
            error={errors.startTime}
          />
          <TextField name="endTime" type="time" label={f.endTime} value={values.endTime} error={errors.endTime} />
        </div>
        <Checkbox name="allDay" label={f.allDay} checked={values.allDay === 'on'} />
        <TextField name="endDate" type="date" label={f.endDate} value={values.endDate} error={errors.endDate} />
      </fieldset>
      <fieldset>
        <legend>{f.counterparts}</legend>
        <p class="hint">{f.counterpartsHint}</p>
        {rows.map((i) => (
          <div class="row">
            <TextField
              name={`cp${i}name`}
              label={`${f.organisation} ${i + 1}`}
              value={values[`cp${i}name`]}
              error={errors[`cp${i}name`]}
              list="known-organisations"
              autocomplete="off"
            />
            <Select
              name={`cp${i}type`}
              label={`${f.organisationType} ${i + 1}`}
              value={values[`cp${i}type`]}
              error={errors[`cp${i}type`]}
              options={typeOptions}
            />
          </div>
        ))}
        <datalist id="known-organisations">
          {suggestions.map((s) => (
            <option value={s.name}>{`${s.name} (${COUNTERPART_TYPE_NAMES[lang][s.type]})`}</option>
          ))}
        </datalist>
      </fieldset>
      <Select
        name="kind"
        label={f.kind}
        value={values.kind}
        error={errors.kind}
        options={ENTRY_KINDS.map((k) => [k, KIND_LABELS[lang][k]])}
      />
      <TextField
        name="themes"
        label={f.themes}
        value={values.themes}
        error={errors.themes}
        hint={themesUsed.length > 0 ? `${f.themesHint} ${f.themesUsed} ${themesUsed.join(', ')}` : f.themesHint}
      />
      <TextField
        name="location"
        label={f.location}
        hint={f.locationHint}
        value={values.location}
        error={errors.location}
      />
      <RadioGroup
        name="visibility"
        label={f.visibility}
        value={values.visibility}
        error={errors.visibility}
        options={VISIBILITIES.map((v) => [v, t.visibility[v], t.visibilityHelp[v]])}
      />
      <TextArea name="summary" label={f.summary} value={values.summary} error={errors.summary} />
      <div class="row">
        <Select
          name="status"
          label={f.status}
          value={values.status}
          error={errors.status}
          options={[
            ['', f.statusAutomatic],
            ...ENTRY_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[lang][s]]),
          ]}
        />
        <TextField
          name="statusNote"
          label={f.statusNote}
          hint={f.statusNoteHint}
          value={values.statusNote}
          error={errors.statusNote}
        />
      </div>
      <TextField
        name="publishAfter"
        type="datetime-local"
        label={f.publishAfter}
        hint={f.publishAfterHint}
        value={values.publishAfter}
        error={errors.publishAfter}
      />
      <TextArea name="links" label={f.links} hint={f.linksHint} value={values.links} error={errors.links} rows={2} />
      <TextArea name="notes" label={f.notes} value={values.notes} error={errors.notes} rows={3} />
      {editing && <TextField name="changeReason" label={f.changeReason} value={values.changeReason} />}
      <div class="actions">
        <button type="submit">{f.save}</button>
        {nudges.length > 0 && (
          <button type="submit" name="confirmed" value="1" class="secondary">
            {f.saveAnyway}
          </button>
        )}
      </div>
    </form>
  )
}
