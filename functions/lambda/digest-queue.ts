import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs'
import type { DigestJob } from '../core/digest/index.js'
import type { DigestQueue } from '../journal/index.js'
import { chunks } from '../shared/index.js'

/** SQS takes at most ten messages in one SendMessageBatch. */
const SQS_BATCH = 10

/**
 * The digest jobs' SQS queue: ten messages per call. A message SQS refused fails the whole look,
 * so the schedule retries it; the jobs that did arrive are queued again then, and run twice
 * without writing twice.
 */
export function sqsDigestQueue(client: SQSClient, queueUrl: string): DigestQueue {
  return {
    async send(jobs: readonly DigestJob[]) {
      for (const batch of chunks(jobs, SQS_BATCH)) {
        const { Failed = [] } = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
          }),
        )
        if (Failed.length > 0) {
          const refused = Failed.map((f) => `${batch[Number(f.Id)]?.person}: ${f.Code} ${f.Message ?? ''}`.trim())
          throw new Error(`SQS refused ${Failed.length} digest job(s): ${refused.join('; ')}`)
        }
      }
    },
  }
}
