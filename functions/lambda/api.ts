import { handle } from 'hono/aws-lambda'
import { createApp } from '../api/app.js'
import { createDb } from '../store/index.js'

/** The API on AWS Lambda: the same app as locally, configured from the environment set by CDK. */
const app = createApp({ db: createDb(), person: process.env.JOURNAL_PERSON ?? 'demo' })

export const handler = handle(app)
