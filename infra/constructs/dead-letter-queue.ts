import { Duration, Validations } from 'aws-cdk-lib'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'

export interface DeadLetterQueueProps {
  /** What ends up here, for the console description and the alarm text. */
  readonly purpose: string
  /** The dead-letter queue of a FIFO queue must be FIFO itself. @default false */
  readonly fifo?: boolean
  /**
   * Whether an SQS queue of the same stack redrives its failed messages here. cdk-nag then sees
   * this queue as a dead-letter queue by itself (AwsSolutions-SQS3 does not apply), so there is
   * nothing to acknowledge. @default false — only Lambda destinations and schedules send here
   */
  readonly redriveFromQueue?: boolean
}

/**
 * Where work that failed after every retry waits for a person: kept the maximum 14 days,
 * encrypted, reachable only over TLS. The alarms stack alarms on its depth.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue
  readonly purpose: string

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id)
    this.purpose = props.purpose
    this.queue = new sqs.Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      ...(props.fifo ? { fifo: true } : {}),
    })
    if (props.redriveFromQueue) return
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue; ' +
        'a dead-letter queue for it would only move the same failed messages again.',
    })
  }
}
