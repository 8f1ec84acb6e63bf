import { CfnElement, Stack } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

/**
 * How cdk-nag writes a reference to `construct` inside a finding id, e.g. `<SiteBuildDBCDCF44>` or
 * `<DigestFunction23295B87.Arn>`, so an acknowledgement names exactly one finding without
 * copying generated logical ids into the code.
 */
export function nagRef(construct: IConstruct, attribute?: string): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild
  if (!element || !CfnElement.isCfnElement(element))
    throw new Error(`${construct.node.path} has no CloudFormation resource to refer to`)
  const logicalId = Stack.of(element).resolve(element.logicalId) as string
  return attribute ? `<${logicalId}.${attribute}>` : `<${logicalId}>`
}
