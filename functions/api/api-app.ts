import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps, AppEnv } from './context.js'
import { digests } from './digests.js'
import { entries } from './entries.js'
import { exportRoute } from './export.js'
import { posts } from './posts.js'
import { problem, renderProblem } from './problem.js'
import { profile } from './profile.js'

/** Bodies above this are refused with 413; an annual report of 200,000 characters still fits. */
export const MAX_BODY_BYTES = 512 * 1024

/** What every app of the journal shares: secure headers, body limit, dependencies, problem+json errors. */
export function baseApp(deps: AppDeps) {
  const resolved = { now: () => new Date(), ...deps }
  const app = new Hono<AppEnv>()
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use(async (c, next) => {
    c.set('deps', resolved)
    await next()
  })
  app.use(bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => { throw problem(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB; send less.`) },
  }))
  app.notFound((c) => renderProblem(problem(404, `There is nothing at ${c.req.method} ${c.req.path}. See /api/openapi.json for the routes.`), c))
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
  app.route('/api/digests', digests)
  app.route('/api/export', exportRoute)
  return app
}
