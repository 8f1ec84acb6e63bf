import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'

/** How long one call to DynamoDB may take, start to finish, before the request answers 503. */
export const ATTEMPT_TIMEOUT_MS = 5_000

const retryToken = (count: number, delay: number) => ({ getRetryCount: () => count, getRetryDelay: () => delay })

/**
 * One retry, after 100 ms, for what a second try can fix: throttling, a dropped or refused
 * connection, a 5xx. None after a timeout: a database that did not answer in 5 s will not answer
 * in the next 5 either, and a visitor is waiting (DESIGN.md section 9: 503 within ~6 s). A fixed
 * per-attempt budget shared by two attempts (2.5 s each) was tried first and cut off calls that a
 * busy DynamoDB Local does answer, slowly.
 */
export const retryOnceUnlessTimedOut: NonNullable<DynamoDBClientConfig['retryStrategy']> = {
  acquireInitialRetryToken: async () => retryToken(0, 0),
  refreshRetryTokenForRetry: async (token, info) => {
    const timedOut = (info.error as { name?: string } | undefined)?.name === 'TimeoutError'
    if (token.getRetryCount() >= 1 || timedOut || info.errorType === 'CLIENT_ERROR')
      throw info.error ?? new Error('not retried')
    return retryToken(token.getRetryCount() + 1, 100)
  },
  recordSuccess: () => {},
}
