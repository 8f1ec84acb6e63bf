import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import type { Db } from './db.js'
import { createTableInput, TABLE } from './table.js'

/**
 * Creating a table is no request a visitor waits on, and DynamoDB Local on a busy machine can take
 * seconds for it: it gets more than the client's per-attempt timeout, so it is never retried
 * half-done ("Cannot create preexisting table").
 */
const SLOW_CALL = { requestTimeout: 30_000 }

/** Creates the journal table when it does not exist yet (local bootstrap and tests). Returns true if created. */
export async function ensureTable(db: Db): Promise<boolean> {
  try {
    await db.client.send(new DescribeTableCommand({ TableName: db.table }), SLOW_CALL)
    return false
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await db.client.send(new CreateTableCommand(createTableInput(db.table)), SLOW_CALL)
  await db.client.send(
    new UpdateTimeToLiveCommand({
      TableName: db.table,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    }),
    SLOW_CALL,
  )
  return true
}
