import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb'
import { dataOf, S, withData, type Db } from './db.js'
import { keys } from './keys.js'

/** One build of a part of the site: which, from an export made when, stale by itself when. */
export interface PartBuild {
  buildId: string
  /** When its export began: every change acknowledged before this moment is in it. */
  exportedAt: string
  /** When its snapshot goes stale by itself (an embargo ends, a post comes out). */
  nextChangeAt?: string
}

/**
 * What the AWS publisher knows of one part of the site (a servant's section, or the pages at the
 * root): the build it started and is waiting for, and the last one that went online. Only the
 * publisher writes it, one writer per part at a time (its queue's message group), so a plain put
 * suffices. Not a journal item: no change to it starts a publish.
 */
export interface PublishState {
  part: string
  building?: PartBuild
  published?: PartBuild
  /** The last build that did not go online, since the last that did. */
  failed?: PartBuild
}

export async function getPublishState(db: Db, part: string): Promise<PublishState> {
  const { pk, sk } = keys.publishState(part)
  const out = await db.client.send(
    new GetItemCommand({ TableName: db.table, Key: { pk: S(pk), sk: S(sk) }, ConsistentRead: true }),
  )
  return out.Item ? dataOf<PublishState>(out.Item) : { part }
}

export async function putPublishState(db: Db, state: PublishState): Promise<void> {
  await db.client.send(
    new PutItemCommand({ TableName: db.table, Item: withData(keys.publishState(state.part), 'publish-state', state) }),
  )
}

/** Every part's state: the scheduled check looks for snapshots that went stale by themselves. */
export async function listPublishStates(db: Db): Promise<PublishState[]> {
  const states: PublishState[] = []
  let start: Record<string, { S: string }> | undefined
  do {
    const out = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': S(keys.publishStates()) },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    )
    for (const item of out.Items ?? []) states.push(dataOf<PublishState>(item))
    start = out.LastEvaluatedKey as typeof start
  } while (start)
  return states
}
