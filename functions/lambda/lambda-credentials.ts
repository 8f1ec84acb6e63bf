import { fromEnv } from '@aws-sdk/credential-provider-env'

/**
 * The credentials of every AWS client in a bundled function: Lambda hands each function its role's
 * credentials in environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
 * and the SDK's default chain takes them from there first. The bundles put this module in the
 * chain's place (`LAMBDA_ALIASES` in infra/constructs/journal-function.ts): the chain's other
 * sources (SSO, profiles, processes, web identity, the instance metadata service) and the SSO and
 * STS clients they bring are 135 KB of the API's bundle that Lambda never runs, and every cold
 * start compiles them (issue 16).
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init)
