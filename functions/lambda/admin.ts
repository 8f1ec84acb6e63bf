import { handle, type APIGatewayProxyResult, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda'
import { mountAdmin } from '../admin/app.js'
import { baseApp } from '../api/api-app.js'
import { mountTools } from '../api/tools-app.js'
import { createDb } from '../store/index.js'
import { readSessionSecret } from './session-secret.js'

/**
 * The owner's tools on AWS Lambda, apart from the lean public API (lambda/api.ts): the admin web
 * app under /admin, and /api/openapi.json, /api/reports, /api/import and /api/tokens. The session
 * key is read from Secrets Manager once per instance, starting at cold start; while it cannot be
 * read, every request answers 503 and the log says why, and the next request tries again.
 */
const deps = { db: createDb(), person: process.env.JOURNAL_PERSON ?? 'demo' }

function startAdmin() {
  const started = readSessionSecret().then((sessionSecret) =>
    handle(mountAdmin(mountTools(baseApp(deps)), { ...deps, sessionSecret, siteUrl: process.env.JOURNAL_SITE_URL })),
  )
  // The first request awaits it; a failure before then is not an unhandled rejection that ends the process.
  started.catch(() => {})
  return started
}

let admin: ReturnType<typeof startAdmin> | undefined = startAdmin()

export async function handler(event: LambdaEvent, context?: LambdaContext): Promise<APIGatewayProxyResult> {
  let serve: Awaited<ReturnType<typeof startAdmin>>
  try {
    admin ??= startAdmin()
    serve = await admin
  } catch (error) {
    admin = undefined
    console.error((error as Error).message)
    return unavailable(event)
  }
  return serve(event, context)
}

function unavailable(event: LambdaEvent): APIGatewayProxyResult {
  const detail =
    'The admin cannot start: it could not read its session key. Nothing was changed; retry in a minute. ' +
    "If it persists, the reason is in the admin function's log."
  const instance = 'rawPath' in event ? event.rawPath : event.path
  return {
    statusCode: 503,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': '60',
    },
    body: JSON.stringify({ type: 'about:blank', title: 'Temporarily unavailable', status: 503, detail, instance }),
    isBase64Encoded: false,
  }
}
