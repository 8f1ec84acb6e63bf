import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { Child, FC } from 'hono/jsx'
import { LOCALES } from '../../core/model/index.js'
import { languageName } from '../../core/words/index.js'
import type { AdminEnv } from '../context.js'
import { adminPath } from '../paths.js'
import type { Lang, Messages } from '../i18n.js'
import { CsrfField } from './fields.js'

interface LayoutProps {
  lang: Lang
  t: Messages
  title: string
  /** The current path and query, for the language switch and the current-page mark. */
  url: URL
  csrf: string
  signedIn: boolean
  /** An administrator's session: the organisation's pages in the navigation, no journal pages. */
  administrator?: boolean
  siteUrl?: string
  flash?: string
  children?: Child
}

/** A servant's pages: their own journal. */
const JOURNAL_NAV: [keyof Messages['nav'], string][] = [
  ['log', ''],
  ['entries', '/entries'],
  ['import', '/import'],
  ['posts', '/posts'],
  ['digests', '/digests'],
  ['profile', '/profile'],
  ['tokens', '/tokens'],
]

/** The administrator's pages: the organisation, never a journal. */
const ORGANISATION_NAV: [keyof Messages['nav'], string][] = [
  ['servants', '/servants'],
  ['organisation', '/organisation'],
]

function switchLanguage(url: URL, lang: string): string {
  const query = new URLSearchParams(url.search)
  query.set('lang', lang)
  return `${url.pathname}?${query}`
}

/** Every admin page: skip link, header with navigation and language switch, one h1, the content. */
export const Layout: FC<LayoutProps> = ({
  lang,
  t,
  title,
  url,
  csrf,
  signedIn,
  administrator,
  siteUrl,
  flash,
  children,
}) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${t.appName}`}</title>
        <link rel="stylesheet" href={adminPath('/admin.css')} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <header class="top">
          <p class="brand">
            <a href={adminPath()}>{t.appName}</a>
          </p>
          {LOCALES.filter((l) => l !== lang).map((l) => (
            <p class="lang">
              <a href={switchLanguage(url, l)} lang={l} hreflang={l}>
                {languageName(l)}
              </a>
            </p>
          ))}
          {signedIn && (
            <nav aria-label={t.nav.label}>
              <ul>
                {(administrator ? ORGANISATION_NAV : JOURNAL_NAV).map(([key, path]) => {
                  const href = adminPath(path)
                  const current =
                    path === '' ? url.pathname === href || url.pathname === `${href}/` : url.pathname.startsWith(href)
                  return (
                    <li>
                      <a href={href} aria-current={current ? 'page' : undefined}>
                        {t.nav[key] as string}
                      </a>
                    </li>
                  )
                })}
                {siteUrl && (
                  <li>
                    <a href={siteUrl}>{t.nav.site}</a>
                  </li>
                )}
              </ul>
              <form method="post" action={adminPath('/sign-out')} class="sign-out">
                <CsrfField value={csrf} />
                <button type="submit" class="link">
                  {t.nav.signOut}
                </button>
              </form>
            </nav>
          )}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {flash && (
            <p class="flash" role="status">
              {flash}
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  </>
)

export interface RenderOptions {
  status?: number
  flash?: string
}

/** Renders a page in the request's language, with its CSRF token and sign-in state. */
export function render(c: Context<AdminEnv>, title: string, body: Child, options: RenderOptions = {}) {
  const { siteUrl } = c.get('deps')
  return c.html(
    <Layout
      lang={c.get('lang')}
      t={c.get('t')}
      title={title}
      url={new URL(c.req.url)}
      csrf={c.get('csrf') ?? ''}
      signedIn={c.var.session !== undefined}
      administrator={c.var.session?.role === 'administrator'}
      siteUrl={siteUrl}
      flash={options.flash}>
      {body}
    </Layout>,
    (options.status ?? 200) as 200,
  )
}
