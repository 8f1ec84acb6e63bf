import { handle } from 'hono/aws-lambda'
import { createApiApp } from '../api/api-app.js'
import { createDb } from '../store/index.js'

/**
 * The API on AWS Lambda: public reads and everyday owner writes, configured from the environment
 * set by CDK. The owner's tools (OpenAPI, report drafts, import, admin) are in lambda/admin.ts.
 */
const app = createApiApp({ db: createDb(), person: process.env.JOURNAL_PERSON ?? 'demo' })

export const handler = handle(app)
