import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { createTableInput, TABLE } from '../../functions/store/table.js'
import { DataStack } from '../../infra/stacks/data-stack.js'
import { synthStack } from './support/synth-journal.js'

const data = synthStack((app) => new DataStack(app, 'Journal-Data'))

const table = () => {
  const tables = data.template.findResources('AWS::DynamoDB::GlobalTable')
  expect(Object.keys(tables)).toHaveLength(1)
  return Object.values(tables)[0]!
}

describe('data stack', () => {
  it('keys and indexes the table exactly like the local bootstrap (one definition in functions/store/table.ts)', () => {
    const local = createTableInput()
    const { Properties: p } = table()
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName))
    expect([...p.AttributeDefinitions].sort(byName)).toEqual([...local.AttributeDefinitions!].sort(byName))
    expect(p.KeySchema).toEqual(local.KeySchema)
    expect(
      p.GlobalSecondaryIndexes.map((g: Record<string, unknown>) => ({
        IndexName: g.IndexName,
        KeySchema: g.KeySchema,
        Projection: g.Projection,
      })),
    ).toEqual(local.GlobalSecondaryIndexes)
  })

  it('bills on demand, with point-in-time recovery, deletion protection, encrypted under the AWS managed key', () => {
    data.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    })
  })

  it('keeps the table when the stack is deleted or the table replaced', () => {
    expect(table()).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' })
  })

  it('streams new and old images and expires idempotency records by TTL', () => {
    data.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    })
  })
})
