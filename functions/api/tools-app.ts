import type { Hono } from 'hono'
import type { AppEnv } from './context.js'
import { digests } from './digests.js'
import { importRoute } from './import.js'
import { openApiDocument } from './openapi.js'
import { organisation, people } from './people.js'
import { reports } from './reports.js'
import { forServantInPath } from './servant-path.js'
import { tokens } from './tokens.js'

/**
 * The owner's tools: the API description, annual-report drafts (and the calendar import and the
 * admin app), and the organisation's servants, which its administrator manages. On AWS they run
 * in their own Lambda, so the public API's bundle and cold start stay small; locally they share
 * the one server.
 */
export function mountTools(app: Hono<AppEnv>) {
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()))
  app.route('/api/reports', reports)
  // Digests are read weekly, not per visit, and their projection renders Markdown: it stays out of the lean API.
  app.route('/api/digests', digests)
  app.route('/api/people/:person/digests', forServantInPath(digests))
  app.route('/api/import', importRoute)
  app.route('/api/tokens', tokens)
  app.route('/api/people', people)
  app.route('/api/organisation', organisation)
  return app
}
