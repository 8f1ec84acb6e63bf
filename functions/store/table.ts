import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb'

/**
 * The journal's single DynamoDB table. This one definition is used by the local bootstrap
 * (CreateTable on DynamoDB Local) and by the CDK data stack, so both always agree.
 */
export const TABLE = {
  defaultName: 'journal',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Per-person listings ordered by time: entries by start, posts by publication, digests by week. */
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Per-person change log ordered by `updatedAt`: "everything changed since T" for export. */
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** Epoch seconds after which DynamoDB may delete an item (idempotency records). */
  ttlAttribute: 'expiresAt',
} as const

export function createTableInput(tableName: string = TABLE.defaultName): CreateTableCommandInput {
  const gsi = (g: { name: string; partitionKey: string; sortKey: string }) => ({
    IndexName: g.name,
    KeySchema: [
      { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  })
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      TABLE.partitionKey,
      TABLE.sortKey,
      TABLE.gsi1.partitionKey,
      TABLE.gsi1.sortKey,
      TABLE.gsi2.partitionKey,
      TABLE.gsi2.sortKey,
    ].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [gsi(TABLE.gsi1), gsi(TABLE.gsi2)],
  }
}
