import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import type { Construct } from 'constructs'
import { TABLE } from '../../functions/store/table.js'

/**
 * The journal's table, in a stack of its own because it outlives everything else: the other
 * stacks can be destroyed and redeployed, this one keeps the journal.
 */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props)
    this.table = new dynamodb.TableV2(this, 'Table', {
      ...journalTableSchema(),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Old and new images: the publish trigger, and later consumers, can see what a change undid.
      dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // The AWS managed key (aws/dynamodb) logs every use in CloudTrail, unlike the default owned key.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    })
    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'JOURNAL_TABLE for infra/create-owner-token.ts',
    })
  }
}

/** Keys and indexes from the one table definition in functions/store/table.ts (also used locally). */
export function journalTableSchema(): Pick<
  dynamodb.TablePropsV2,
  'partitionKey' | 'sortKey' | 'globalSecondaryIndexes'
> {
  const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING })
  const gsi = (index: {
    name: string
    partitionKey: string
    sortKey: string
  }): dynamodb.GlobalSecondaryIndexPropsV2 => ({
    indexName: index.name,
    partitionKey: key(index.partitionKey),
    sortKey: key(index.sortKey),
    projectionType: dynamodb.ProjectionType.ALL,
  })
  return {
    partitionKey: key(TABLE.partitionKey),
    sortKey: key(TABLE.sortKey),
    globalSecondaryIndexes: [gsi(TABLE.gsi1), gsi(TABLE.gsi2)],
  }
}
