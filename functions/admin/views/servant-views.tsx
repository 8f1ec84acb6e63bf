import type { FC } from 'hono/jsx'
import type { Servant } from '../../core/model/index.js'
import { formatDate } from '../../core/words/index.js'
import type { AdminContext } from '../routes/shared.js'
import { adminPath } from '../paths.js'
import { ORGANISATION_HOME } from '../roles.js'
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from './fields.js'

const day = (instant: string) => instant.slice(0, 10)

/** Those who work here and, apart, those who left: name (to their page), address, role, since or left on. */
export const ServantTables: FC<{ c: AdminContext; servants: Servant[] }> = ({ c, servants }) => {
  const t = c.get('t')
  const s = t.servants
  const lang = c.get('lang')
  const active = servants.filter((servant) => servant.status === 'active')
  const former = servants.filter((servant) => servant.status === 'left')
  const list = (rows: Servant[], when: (servant: Servant) => string) => (
    <ul class="servants">
      {rows.map((servant) => (
        <li>
          <a href={adminPath(`/servants/${servant.person}`)}>{servant.name}</a>{' '}
          <span class="slug">{`/${servant.person}/`}</span>
          <span class="role">{servant.role}</span>
          <span class="when">{when(servant)}</span>
        </li>
      ))}
    </ul>
  )
  return (
    <>
      <p>{s.intro}</p>
      <p>
        <a class="button" href={adminPath('/servants/new')}>
          {s.add}
        </a>
      </p>
      <h2>{s.active}</h2>
      {active.length > 0 ? (
        list(active, (servant) => s.sinceDay(formatDate(day(servant.createdAt), lang, 'medium')))
      ) : (
        <p>{s.noneActive}</p>
      )}
      <h2>{s.former}</h2>
      {former.length > 0 ? (
        list(former, (servant) => s.leftSince(formatDate(servant.leftOn ?? '', lang, 'medium')))
      ) : (
        <p>{s.noneFormer}</p>
      )}
    </>
  )
}

/** One servant: who they are, and what the administrator can do (mark as left, take back, a new first token). */
export const ServantDetails: FC<{ c: AdminContext; servant: Servant; today: string; errors: FieldErrors }> = ({
  c,
  servant,
  today,
  errors,
}) => {
  const s = c.get('t').servants
  const lang = c.get('lang')
  const version = <input type="hidden" name="version" value={String(servant.version)} />
  const action = (what: string) => adminPath(`/servants/${servant.person}/${what}`)
  return (
    <>
      <ErrorSummary errors={errors} t={c.get('t')} labels={{ leftOn: s.leaveDate }} />
      <dl class="facts">
        <dt>{s.slug}</dt>
        <dd>{`/${servant.person}/`}</dd>
        <dt>{s.role}</dt>
        <dd>{servant.role}</dd>
        <dt>{s.status}</dt>
        <dd>
          {servant.status === 'active'
            ? s.activeSince(formatDate(day(servant.createdAt), lang, 'medium'))
            : s.leftSince(formatDate(servant.leftOn ?? '', lang, 'medium'))}
        </dd>
      </dl>
      {servant.status === 'active' ? (
        <>
          <h2>{s.newToken}</h2>
          <p>{s.newTokenHint}</p>
          <form method="post" action={action('token')}>
            <CsrfField value={c.get('csrf')} />
            <div class="actions">
              <button type="submit">{s.newTokenSubmit}</button>
            </div>
          </form>
          <h2>{s.leave}</h2>
          <form method="post" action={action('leave')} novalidate>
            <CsrfField value={c.get('csrf')} />
            {version}
            <TextField
              name="leftOn"
              type="date"
              label={s.leaveDate}
              hint={s.leaveHint}
              value={today}
              error={errors.leftOn}
              required
            />
            <div class="actions">
              <button type="submit" class="danger">
                {s.leaveSubmit}
              </button>
            </div>
          </form>
        </>
      ) : (
        <>
          <h2>{s.comeBack}</h2>
          <p>{s.comeBackHint}</p>
          <form method="post" action={action('return')}>
            <CsrfField value={c.get('csrf')} />
            {version}
            <div class="actions">
              <button type="submit">{s.comeBackSubmit}</button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={ORGANISATION_HOME}>{s.back}</a>
      </p>
    </>
  )
}

/** A servant's first token, shown this once, and the two ways to use it. */
export const ShownOnce: FC<{ c: AdminContext; secret: string }> = ({ c, secret }) => {
  const s = c.get('t').servants
  const origin = new URL(c.req.url).origin
  const signIn = `${origin}${adminPath('/sign-in')}`
  return (
    <>
      <p>
        <strong>{s.shownOnce}</strong>
      </p>
      <p class="secret" id="new-token">
        {secret}
      </p>
      <h2>{s.howTo}</h2>
      <ul>
        <li>
          {s.howAdmin} <a href={signIn}>{signIn}</a>
        </li>
        <li>
          {s.howCli}
          <pre class="command">
            <code>{`JOURNAL_API_URL=${origin} JOURNAL_TOKEN=${s.tokenPlaceholder} journal list`}</code>
          </pre>
        </li>
      </ul>
      <p>
        <a href={ORGANISATION_HOME}>{s.back}</a>
      </p>
    </>
  )
}
