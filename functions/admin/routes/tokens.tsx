import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { tokenCreateSchema, parseWith, ValidationError } from '../../core/model/index.js'
import { formatInstant } from '../../core/words/index.js'
import { listTokens } from '../../store/index.js'
import { issueToken, revokeTokenById } from '../../api/tokens.js'
import type { AdminEnv } from '../context.js'
import { servantOf } from '../roles.js'
import { adminPath } from '../paths.js'
import { formValues, plainFormErrors } from '../forms.js'
import { cookieOptions, SESSION_COOKIE } from '../session.js'
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from '../views/fields.js'
import { render } from '../views/Layout.js'
import { flash, journalZone, seeOther, type AdminContext } from './shared.js'

async function tokensPage(c: AdminContext, errors: FieldErrors = {}, status = 200) {
  const { db } = c.get('deps')
  const person = servantOf(c)
  const t = c.get('t')
  const lang = c.get('lang')
  const zone = await journalZone(c)
  const tokens = await listTokens(db, person)
  return render(
    c,
    t.tokens.title,
    <>
      <p>{t.tokens.intro}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.tokens.label}</th>
            <th scope="col">{t.tokens.created}</th>
            <th scope="col">{t.tokens.state}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr>
              <th scope="row">
                {token.label}{' '}
                <span class="muted">
                  {token.id}
                  {token.id === c.get('session').tokenId ? ` ${t.tokens.current}` : ''}
                </span>
              </th>
              <td>{formatInstant(token.createdAt, lang, zone)}</td>
              <td>
                {token.revokedAt ? (
                  t.tokens.revokedOn(formatInstant(token.revokedAt, lang, zone))
                ) : (
                  <form method="post" action={adminPath(`/tokens/${token.id}/revoke`)}>
                    <CsrfField value={c.get('csrf')} />
                    <button
                      type="submit"
                      class="danger"
                      aria-label={`${t.tokens.revoke}: ${token.label} (${token.id})`}>
                      {t.tokens.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.tokens.create}</h2>
      <form method="post" action={adminPath('/tokens')} novalidate>
        <CsrfField value={c.get('csrf')} />
        <ErrorSummary errors={errors} t={t} />
        <TextField name="label" label={t.tokens.label} hint={t.tokens.labelHint} error={errors.label} required />
        <div class="actions">
          <button type="submit">{t.tokens.create}</button>
        </div>
      </form>
      <h2>{t.tokens.sessions}</h2>
      <p>{t.tokens.everywhereHint}</p>
      <form method="post" action={adminPath('/sign-out-everywhere')}>
        <CsrfField value={c.get('csrf')} />
        <div class="actions">
          <button type="submit" class="danger">
            {t.tokens.everywhere}
          </button>
        </div>
      </form>
    </>,
    { status, flash: flash(c) },
  )
}

/** Owner tokens: list, create (the secret is shown on this one page, once), revoke. */
export const tokenPages = new Hono<AdminEnv>()
  .get('/tokens', (c) => tokensPage(c))
  .post('/tokens', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const t = c.get('t')
    let label: string
    try {
      label = parseWith(tokenCreateSchema, { label: formValues(await c.req.parseBody()).label ?? '' }).label
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return tokensPage(c, plainFormErrors(error.errors, c.get('lang')), 400)
    }
    const { token, secret } = await issueToken(db, person, label, now())
    return render(
      c,
      t.tokens.newTitle,
      <>
        <p>
          <strong>{t.tokens.shownOnce}</strong>
        </p>
        <p class="secret" id="new-token">
          {secret}
        </p>
        <p class="muted">{`${token.label} · ${token.id}`}</p>
        <p>
          <a href={adminPath('/tokens')}>{t.tokens.back}</a>
        </p>
      </>,
      { status: 201 },
    )
  })
  .post('/tokens/:id/revoke', async (c) => {
    const { db, now } = c.get('deps')
    const person = servantOf(c)
    const revoked = await revokeTokenById(db, person, c.req.param('id'), now())
    if (revoked.id === c.get('session').tokenId) {
      deleteCookie(c, SESSION_COOKIE, cookieOptions(c.req.url))
      return seeOther(c, adminPath('/sign-in?signed-out'))
    }
    return seeOther(c, adminPath('/tokens?done=tokenRevoked'))
  })
