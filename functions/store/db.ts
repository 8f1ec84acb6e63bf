import { DynamoDBClient, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb'
import { ATTEMPT_TIMEOUT_MS, retryOnceUnlessTimedOut } from './retry-policy.js'

/** Where the store reads and writes: a client and the table name. */
export interface Db {
  client: DynamoDBClient
  table: string
}

export type Item = Record<string, AttributeValue>

export class NotFoundError extends Error {
  override name = 'NotFoundError'
}
/** The item changed since the caller read it (optimistic locking on `version`). */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError'
  constructor(readonly currentVersion?: number) {
    super('the item was changed by someone else; read it again and reapply your change')
  }
}
export class AlreadyExistsError extends Error {
  override name = 'AlreadyExistsError'
}
/** A create with an idempotency key that was used before; carries the stored record. */
export class IdempotencyKeyUsedError extends Error {
  override name = 'IdempotencyKeyUsedError'
}

/**
 * A DynamoDB client for `JOURNAL_DYNAMODB_ENDPOINT` (DynamoDB Local, any compatible endpoint)
 * or, without it, for AWS with the default credential chain. Retries are few and timeouts short
 * so that an unavailable database answers quickly instead of hanging a request.
 * `throwOnRequestTimeout` matters: without it the SDK only logs a warning when `requestTimeout`
 * passes and keeps waiting, so a frozen database (accepting connections, never answering) hung
 * requests indefinitely.
 */
export function createDb(options: { endpoint?: string; table?: string; region?: string } = {}): Db {
  const endpoint = options.endpoint || process.env.JOURNAL_DYNAMODB_ENDPOINT || undefined
  const client = new DynamoDBClient({
    endpoint,
    region: options.region ?? process.env.AWS_REGION ?? 'eu-west-1',
    retryStrategy: retryOnceUnlessTimedOut,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: ATTEMPT_TIMEOUT_MS, throwOnRequestTimeout: true },
    // DynamoDB Local accepts any credentials; AWS uses the default chain.
    ...(endpoint ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  })
  return { client, table: options.table ?? process.env.JOURNAL_TABLE ?? 'journal' }
}

export const S = (value: string): AttributeValue => ({ S: value })
export const N = (value: number): AttributeValue => ({ N: String(value) })

/** Items keep their domain object as one JSON attribute: an exact round trip, no type mapping. */
export function withData(keys: Record<string, string>, type: string, data: unknown, extra: Item = {}): Item {
  const item: Item = { type: S(type), data: S(JSON.stringify(data)), ...extra }
  for (const [name, value] of Object.entries(keys)) item[name] = S(value)
  return item
}

export function dataOf<T>(item: Item): T {
  return JSON.parse(item.data!.S!) as T
}

/** Which transaction parts failed their condition, or null when the error is something else. */
export function failedConditions(error: unknown): boolean[] | null {
  if (!(error instanceof TransactionCanceledException)) return null
  return (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed')
}
