import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { bodyLimit } from './body-limit.js'
import type { AppDeps, AppEnv } from './context.js'
import { entries } from './entries.js'
import { exportRoute } from './export.js'
import { posts } from './posts.js'
import { problem, renderProblem } from './problem.js'
import { profile } from './profile.js'
import { forServantInPath } from './servant-path.js'

/** Bodies above this are refused with 413; an annual report of 200,000 characters still fits. */
export const MAX_BODY_BYTES = 512 * 1024
/**
 * Calendar exports are bigger: a year of Outlook with descriptions runs to megabytes. On AWS the
 * body must fit, base64-encoded (4 bytes for every 3), in the JSON event API Gateway hands Lambda,
 * which takes at most 6 MiB (6,291,456 bytes) with the headers (up to 10 KiB in an HTTP API),
 * cookies and request context besides: 4 MB becomes 5,333,336 bytes of base64, leaving 958,120
 * for the rest. (5 MiB, the limit before, became 6,990,508: Lambda refused the event, API Gateway
 * answered 500, and the app never saw the request.)
 */
export const MAX_UPLOAD_BYTES = 4_000_000
/** MAX_UPLOAD_BYTES as people read it: decimal megabytes, as file browsers show sizes. */
export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1_000_000
const UPLOAD_PATHS = /^\/(api\/import|admin\/import)(\/|$)/
/** A host name, IPv4 or bracketed IPv6 address, with an optional port. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::\d{1,5})?$/

/** What every app of the journal shares: secure headers, body limit, dependencies, problem+json errors. */
export function baseApp(deps: AppDeps) {
  const resolved = { now: () => new Date(), ...deps }
  const app = new Hono<AppEnv>()
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use(async (c, next) => {
    // The request's URL is made from this header: one that is no host name (`u@x`, spaces) would
    // make a URL Node refuses to build, a 500 deep inside the first middleware that reads the body.
    const host = c.req.header('host')
    if (host !== undefined && !HOST.test(host))
      throw problem(
        400,
        `The Host header ${JSON.stringify(host.slice(0, 100))} is not a host name: ` +
          'send the name (and port) of this server, e.g. Host: localhost:8787.',
      )
    await next()
  })
  app.use(async (c, next) => {
    c.set('deps', resolved)
    c.set('person', resolved.person)
    await next()
  })
  const limit = (maxSize: number, size: string, hint: string) =>
    bodyLimit(maxSize, () => {
      throw problem(413, `The body is larger than ${size}; ${hint}`)
    })
  const standard = limit(MAX_BODY_BYTES, `${MAX_BODY_BYTES / 1024} KB`, 'send less.')
  const upload = limit(
    MAX_UPLOAD_BYTES,
    `${MAX_UPLOAD_MB} MB, the most an import can be`,
    'nothing was imported. Export a shorter date range from your calendar and import it in parts.',
  )
  app.use((c, next) => (UPLOAD_PATHS.test(c.req.path) ? upload : standard)(c, next))
  app.notFound((c) =>
    renderProblem(
      problem(404, `There is nothing at ${c.req.method} ${c.req.path}. See /api/openapi.json for the routes.`),
      c,
    ),
  )
  app.onError(renderProblem)
  return app
}

/**
 * The API Lambda's app: public reads and the owner's everyday writes. It is kept lean (DESIGN.md
 * section 9 budgets its bundle); the owner's heavier, rarely used tools live in tools-app.ts.
 */
export function createApiApp(deps: AppDeps) {
  const app = baseApp(deps)
  app.get('/api/health', (c) => c.json({ status: 'ok' }))
  app.route('/api/entries', entries)
  app.route('/api/posts', posts)
  app.route('/api/profile', profile)
  app.route('/api/export', exportRoute)
  // Each servant's public record, by the same routes (tools-app.ts adds their digests).
  app.route('/api/people/:person/entries', forServantInPath(entries))
  app.route('/api/people/:person/posts', forServantInPath(posts))
  app.route('/api/people/:person/profile', forServantInPath(profile))
  return app
}
