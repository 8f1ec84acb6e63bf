import { Aws, Validations } from 'aws-cdk-lib'
import * as iam from 'aws-cdk-lib/aws-iam'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { Construct } from 'constructs'
import { nagRef } from '../nag.js'

/**
 * The role an EventBridge schedule uses to invoke `fn`: only schedules of this account may assume
 * it (confused-deputy protection), and the invoke grant the scheduler target adds reaches only
 * `fn` and its versions.
 */
export function schedulerRole(scope: Construct, id: string, fn: IFunction, description: string): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
    description,
  })
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagRef(fn, 'Arn')}:*]`,
    reason: 'The invoke grant adds the function\'s versions and aliases (":*") and reaches no other function.',
  })
  return role
}
