import { handle } from 'hono/aws-lambda'
import { mountAdmin } from '../admin/app.js'
import { sessionSecretFromEnv } from '../admin/session-secret.js'
import { baseApp } from '../api/api-app.js'
import { mountTools } from '../api/tools-app.js'
import { createDb } from '../store/index.js'

/**
 * The owner's tools on AWS Lambda, apart from the lean public API (lambda/api.ts): the admin web
 * app under /admin, and /api/openapi.json, /api/reports, /api/import and /api/tokens. The session
 * key comes from JOURNAL_SESSION_SECRET; without it the function refuses to start.
 */
const deps = { db: createDb(), person: process.env.JOURNAL_PERSON ?? 'demo' }
const app = mountAdmin(mountTools(baseApp(deps)), {
  ...deps,
  sessionSecret: sessionSecretFromEnv(),
  siteUrl: process.env.JOURNAL_SITE_URL,
})

export const handler = handle(app)
