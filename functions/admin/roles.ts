import type { Context, MiddlewareHandler } from 'hono'
import { ADMINISTRATION, type Token } from '../core/model/index.js'
import { formatDate } from '../core/words/index.js'
import { problem } from '../api/problem.js'
import { getServant, type Db } from '../store/index.js'
import type { AdminEnv } from './context.js'
import type { Lang, Messages } from './i18n.js'
import { adminPath } from './paths.js'

/**
 * Who may open which admin page. A servant's session acts on their own journal only; the
 * organisation administrator's session sees the organisation's pages only (servants, the
 * organisation) and never a page of anyone's journal, where private items and notes live.
 * Pages both may open: sign-in, sign-out, the stylesheet.
 */
const ORGANISATION_PAGES = /^\/admin\/(servants|organisation)(\/|$)/
const EITHER_ROLE = new Set(['/sign-in', '/sign-out', '/sign-out-everywhere', '/admin.css'].map((p) => adminPath(p)))

export const isOrganisationPage = (path: string) => ORGANISATION_PAGES.test(path)

/** The administrator's home: the servants. */
export const ORGANISATION_HOME = adminPath('/servants')

/**
 * The servant whose journal this request acts on: the signed-in servant, never anyone else.
 * Every journal page reads its person here; an administrator's session is refused (403).
 */
export function servantOf(c: Context<AdminEnv>): string {
  const session = c.get('session')
  if (session.role !== 'servant') throw problem(403, c.get('t').roles.journalOnly)
  return session.person
}

/**
 * Refuses a page to the role it is not for, with a 403 that says why (not a silent redirect):
 * journal pages to the administrator, organisation pages to servants. The administrator's
 * `/admin` is the servants list. `refused` renders the error page.
 */
export function pagesByRole(
  refused: (c: Context<AdminEnv>, status: number, message: string) => Response | Promise<Response>,
): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const session = c.var.session
    const path = c.req.path
    if (!session || EITHER_ROLE.has(path)) return next()
    const t = c.get('t')
    if (session.role === 'administrator') {
      if (path === adminPath() || path === adminPath('/')) return c.redirect(ORGANISATION_HOME, 303)
      if (!isOrganisationPage(path)) return refused(c, 403, t.roles.journalOnly)
    } else if (isOrganisationPage(path)) return refused(c, 403, t.roles.organisationOnly)
    return next()
  }
}

/**
 * Why `token` may not sign in, or undefined when it may: an administrator's working token, or a
 * working token of an active servant. The deployment's own servant (`person`) signs in without a
 * servant record, as a deployment of one always did.
 */
export async function signInRefusal(
  db: Db,
  token: Token | undefined,
  person: string,
  t: Messages,
  lang: Lang,
): Promise<string | undefined> {
  if (!token) return t.signIn.wrong
  if (token.role === 'administrator' && token.person === ADMINISTRATION)
    return token.revokedAt ? t.signIn.revoked(formatDate(token.revokedAt.slice(0, 10), lang, 'medium')) : undefined
  const servant = await getServant(db, token.person)
  if (servant?.status === 'left') return t.signIn.left(servant.name, formatDate(servant.leftOn ?? '', lang, 'medium'))
  if (token.revokedAt) return t.signIn.revoked(formatDate(token.revokedAt.slice(0, 10), lang, 'medium'))
  if (!servant && token.person !== person) return t.signIn.wrong
  return undefined
}
