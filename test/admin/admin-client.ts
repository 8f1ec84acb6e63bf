import { mountAdmin } from '../../functions/admin/app.js'
import { createApp } from '../../functions/api/app.js'
import { ownerToken, PERSON, testDb, type TestResponse } from '../support/test-db.js'

export const SESSION_SECRET = 'test-session-secret-0123456789abcdef'

/** The value of a hidden `_csrf` field in a page. */
export const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/**
 * The admin mounted on the journal app (as `npm start` serves it) on a fresh table, and a
 * browser-like client: it keeps cookies, follows nothing by itself, and posts forms with the
 * CSRF token of the page they came from.
 */
export async function adminTest(options: { now?: () => Date; origin?: string } = {}) {
  const db = await testDb()
  const { secret, token } = await ownerToken(db)
  const deps = { db, person: PERSON, ...(options.now ? { now: options.now } : {}) }
  const app = mountAdmin(createApp(deps), { ...deps, sessionSecret: SESSION_SECRET })
  const origin = options.origin ?? 'http://localhost:8787'
  const jar = new Map<string, string>()

  async function request(
    method: string,
    path: string,
    body?: URLSearchParams | FormData | Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await app.request(`${origin}${path}`, {
      method,
      body,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, value] = pair!.split('=') as [string, string]
      if (/max-age=0/i.test(line) || value === '') jar.delete(name)
      else jar.set(name, value)
    }
    return res as TestResponse
  }

  const get = (path: string) => request('GET', path)
  const fields = (values: Record<string, string | string[]>) => {
    const form = new URLSearchParams()
    for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) form.append(k, one)
    return form
  }
  /** Opens `page`, then posts `values` to `action` with that page's CSRF token. */
  async function submit(page: string, action: string, values: Record<string, string | string[]>) {
    const csrf = csrfIn(await (await get(page)).text())
    return request('POST', action, fields({ _csrf: csrf, ...values }))
  }
  async function signIn(withSecret = secret) {
    return submit('/admin/sign-in', '/admin/sign-in', { token: withSecret })
  }
  return { db, app, secret, token, jar, request, get, submit, signIn, fields }
}

export type AdminTest = Awaited<ReturnType<typeof adminTest>>
