import { readFileSync } from 'node:fs'
import { fromRoot } from './paths.js'

/**
 * The context of infra/cdk.json (feature flags and the `journal` configuration). The CDK CLI passes
 * it to the app itself; `npm run synth` and the tests read it here, so all three synthesize the same.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(fromRoot('infra/cdk.json'), 'utf8')) as { context?: Record<string, unknown> }
  return cdkJson.context ?? {}
}
