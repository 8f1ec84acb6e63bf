import type { SQSClient } from '@aws-sdk/client-sqs'
import type { DigestJob } from '../core/digest/index.js'
import type { DigestQueue } from '../journal/index.js'
import { sendMessageBatches } from './sqs-batches.js'

/**
 * The digest jobs' SQS queue: ten messages per call. A message SQS refused fails the whole look,
 * so the schedule retries it; the jobs that did arrive are queued again then, and run twice
 * without writing twice.
 */
export function sqsDigestQueue(client: SQSClient, queueUrl: string): DigestQueue {
  return {
    send: (jobs: readonly DigestJob[]) =>
      sendMessageBatches(
        client,
        queueUrl,
        jobs,
        (job) => ({ MessageBody: JSON.stringify(job) }),
        (job) => job.person,
      ),
  }
}
