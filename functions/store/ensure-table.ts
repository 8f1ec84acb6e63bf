import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb'
import type { Db } from './db.js'
import { createTableInput, TABLE } from './table.js'

/** Creates the journal table when it does not exist yet (local bootstrap and tests). Returns true if created. */
export async function ensureTable(db: Db): Promise<boolean> {
  try {
    await db.client.send(new DescribeTableCommand({ TableName: db.table }))
    return false
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  await db.client.send(new CreateTableCommand(createTableInput(db.table)))
  await db.client.send(new UpdateTimeToLiveCommand({
    TableName: db.table,
    TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
  }))
  return true
}
