import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs'
import { chunks } from '../shared/index.js'

/** SQS takes at most ten messages in one SendMessageBatch. */
const SQS_BATCH = 10

/**
 * One message per item, ten per call. A message SQS refused fails the send with the items it
 * refused named (`nameOf`), after the calls before it went through: the senders' callers retry
 * the whole send, and what arrived twice is harmless to them.
 */
export async function sendMessageBatches<T>(
  client: SQSClient,
  queueUrl: string,
  items: readonly T[],
  messageOf: (item: T) => Omit<SendMessageBatchRequestEntry, 'Id'>,
  nameOf: (item: T) => string,
): Promise<void> {
  for (const batch of chunks(items, SQS_BATCH)) {
    const entries = batch.map((item, n) => ({ Id: String(n), ...messageOf(item) }))
    const { Failed = [] } = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }))
    if (Failed.length > 0) {
      const refused = Failed.map((f) => `${nameOf(batch[Number(f.Id)]!)}: ${f.Code} ${f.Message ?? ''}`.trim())
      throw new Error(`SQS refused ${Failed.length} message(s): ${refused.join('; ')}`)
    }
  }
}
