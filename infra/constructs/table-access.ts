import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import { keys } from '../../functions/store/keys.js'
import { TABLE } from '../../functions/store/table.js'

export type TableAccess = 'read' | 'readWrite'

/**
 * The DynamoDB actions of each access level: what functions/store calls, nothing more. There is no
 * Scan: the store never scans, so a scan from a compromised function is refused too.
 * (TransactWriteItems is authorised per part: PutItem, UpdateItem, DeleteItem, ConditionCheckItem.)
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const

/**
 * Grants `access` to the journal table: reads on the table and its two indexes, named one by one
 * (no `index/*` wildcard), and for `readWrite` writes on the table itself (indexes are not writable).
 */
export function grantTable(grantee: iam.IGrantable, table: ITableV2, access: TableAccess): void {
  const indexes = [TABLE.gsi1.name, TABLE.gsi2.name].map((name) => `${table.tableArn}/index/${name}`)
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: [...TABLE_ACTIONS.read], resources: [table.tableArn, ...indexes] }),
  )
  if (access === 'readWrite') {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: [...TABLE_ACTIONS.write], resources: [table.tableArn] }),
    )
  }
}

/**
 * Lets the publish function keep its own state (functions/store/publish-state.ts) and nothing else:
 * writes only where the partition key is the publisher's (`dynamodb:LeadingKeys`).
 */
export function grantPublishState(grantee: iam.IGrantable, table: ITableV2): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:PutItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.publishStates()] } },
    }),
  )
}
