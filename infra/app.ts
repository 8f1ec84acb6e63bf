#!/usr/bin/env -S npx tsx
import { App } from 'aws-cdk-lib'
import { cdkJsonContext } from './cdk-context.js'
import { loadConfig } from './config.js'
import { createJournal } from './journal.js'

/**
 * The CDK app. `cd infra && npx cdk deploy --all` (infra/cdk.json names this file), or from the
 * repository root `npx cdk deploy --all --app "npx tsx infra/app.ts"`: infra/cdk.json's context is
 * loaded here as the default either way, and context given to the CLI overrides it, e.g.
 * `-c journal:person=jansen -c journal:alarmEmail=ops@example.nl`.
 */
const app = new App({ context: cdkJsonContext() })
createJournal(app, loadConfig(app.node))
app.synth()
