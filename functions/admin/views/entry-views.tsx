import type { FC } from 'hono/jsx'
import { type Entry, BOOKKEEPING_FIELDS, type Revision } from '../../core/model/index.js'
import { describeWhen, formatInstant } from '../../core/words/index.js'
import { adminPath } from '../paths.js'
import { fieldLabel, type Lang, type Messages } from '../i18n.js'
import { Badge } from './fields.js'

/** The badges an entry carries everywhere: its visibility, always; withdrawn and imported when so. */
export const EntryBadges: FC<{ entry: Entry; t: Messages }> = ({ entry, t }) => (
  <>
    <Badge kind={entry.visibility} text={t.visibility[entry.visibility]} />
    {entry.withdrawn && (
      <>
        {' '}
        <Badge kind="withdrawn" text={t.badges.withdrawn} />
      </>
    )}
    {entry.sourceUid && (
      <>
        {' '}
        <Badge kind="imported" text={t.badges.imported} />
      </>
    )}
  </>
)

export const EntryList: FC<{ entries: readonly Entry[]; lang: Lang; t: Messages }> = ({ entries, lang, t }) => (
  <ul class="entries">
    {entries.map((entry) => (
      <li>
        <a href={adminPath(`/entries/${entry.id}`)}>{entry.title}</a> <EntryBadges entry={entry} t={t} />
        <span class="when">{describeWhen(entry, lang, entry.timezone)}</span>
      </li>
    ))}
  </ul>
)

const IDENTITY = new Set(['id', 'person'])

/** The fields whose values differ between two versions of an item (bookkeeping left out). */
export function changedFields(before: object | undefined, after: object): string[] {
  const [a, b] = [(before ?? {}) as Record<string, unknown>, after as Record<string, unknown>]
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((f) => !BOOKKEEPING_FIELDS.has(f) && !IDENTITY.has(f) && JSON.stringify(a[f]) !== JSON.stringify(b[f]))
    .sort()
}

/** A field's value as a person reads it in a comparison. */
export function showValue(value: unknown, t: Messages): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'boolean') return value ? t.yes : t.no
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? value.slice(0, 16).replace('T', ' ') : value
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          typeof v === 'object' && v
            ? ((v as { name?: string; url?: string }).name ?? (v as { url?: string }).url)
            : String(v),
        )
        .join(', ') || '—'
    )
  if (typeof value === 'object') return Object.values(value).join(' – ')
  return String(value)
}

/** Every change to an item, newest first: when, what happened, who, why, which fields. */
export const History: FC<{ revisions: readonly Revision[]; lang: Lang; t: Messages; timeZone: string }> = ({
  revisions,
  lang,
  t,
  timeZone,
}) => (
  <ol class="history" reversed>
    {[...revisions].reverse().map((r) => {
      const fields = changedFields(r.before as object | undefined, r.after as object)
      return (
        <li>
          {`v${r.version} · ${formatInstant(r.at, lang, timeZone)} · ` +
            `${t.entry.actions[r.action] ?? r.action} ${t.entry.by} ${r.by}`}
          {r.reason && ` · “${r.reason}”`}
          {r.action === 'update' && fields.length > 0 && (
            <span class="muted">{` · ${t.entry.changed}: ${fields
              .map((f) => fieldLabel(t, f))
              .sort()
              .join(', ')}`}</span>
          )}
        </li>
      )
    })}
  </ol>
)

/** What someone else changed since the servant opened the form: field, value then, value now. */
export const ConflictTable: FC<{ then: object | undefined; now: object; t: Messages }> = ({ then, now, t }) => {
  const fields = changedFields(then, now)
  const [a, b] = [(then ?? {}) as Record<string, unknown>, now as Record<string, unknown>]
  return (
    <section class="nudge" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t.conflict.title}</h2>
      <p>{t.conflict.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.conflict.field}</th>
            <th scope="col">{t.conflict.whenOpened}</th>
            <th scope="col">{t.conflict.now}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr>
              <th scope="row">{fieldLabel(t, f)}</th>
              <td>{showValue(a[f], t)}</td>
              <td>{showValue(b[f], t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.conflict.again}</p>
    </section>
  )
}
