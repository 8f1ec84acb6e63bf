import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { checkedSessionSecret } from '../admin/session-secret.js'
import { LAMBDA_ENV } from './function-config.js'

/**
 * The admin's session key on AWS, read from Secrets Manager by the ARN the stack puts in
 * JOURNAL_SESSION_SECRET_ARN. Only the ARN is in the function's configuration: the key itself
 * there would let anyone allowed lambda:GetFunctionConfiguration (a read-only role) sign an
 * administrator's session. A failure says which secret and what to check, never a value.
 */
export async function readSessionSecret(
  secretId = process.env[LAMBDA_ENV.sessionSecretArn],
  client = new SecretsManagerClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
  }),
): Promise<string> {
  if (!secretId)
    throw new Error(`${LAMBDA_ENV.sessionSecretArn} is not set: the admin needs the ARN of its session key's secret.`)
  let value: string | undefined
  try {
    value = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString
  } catch (error) {
    const { name, message } = error as Error
    throw new Error(
      `The admin's session key could not be read from Secrets Manager (${secretId}): ${name}: ${message}. ` +
        "Check that the secret exists and that the function's role may secretsmanager:GetSecretValue on it.",
    )
  }
  if (!value) throw new Error(`The secret ${secretId} holds no text: the admin's session key must be a SecretString.`)
  return checkedSessionSecret(value, `The secret ${secretId}`)
}
