import { DeleteItemCommand, PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb'
import { N, S, withData, type Db } from './db.js'
import { keys, timelinePosition } from './keys.js'
import { TABLE } from './table.js'
import { getData } from './versioned-item.js'

/** A signed-in admin session, kept so it can be ended before its cookie expires. */
export interface SessionRecord {
  sid: string
  person: string
  /** The owner token it was opened with: revoking that token ends it. */
  tokenId: string
  createdAt: string
  /** Epoch seconds; DynamoDB's TTL removes the record some time after. */
  expiresAt: number
}

// a session is stored when the servant signs in; its TTL is the cookie's expiry
export async function putSession(db: Db, session: SessionRecord): Promise<void> {
  const timeline = {
    [TABLE.gsi1.partitionKey]: keys.timeline(session.person, 'SESSIONS'),
    [TABLE.gsi1.sortKey]: timelinePosition.session(session.tokenId, session.sid),
  }
  await db.client.send(
    new PutItemCommand({
      TableName: db.table,
      Item: withData({ ...keys.session(session.person, session.sid), ...timeline }, 'session', session, {
        [TABLE.ttlAttribute]: N(session.expiresAt),
      }),
    }),
  )
}

// the session with this id (every admin request); one past its expiry counts as gone, TTL deletes lazily
export async function getSession(db: Db, person: string, sid: string, now: Date): Promise<SessionRecord | undefined> {
  const session = await getData<SessionRecord>(db, keys.session(person, sid), true)
  return session && session.expiresAt > now.getTime() / 1000 ? session : undefined
}

// a session ends (sign-out)
export async function deleteSession(db: Db, person: string, sid: string): Promise<void> {
  const key = keys.session(person, sid)
  await db.client.send(new DeleteItemCommand({ TableName: db.table, Key: { pk: S(key.pk), sk: S(key.sk) } }))
}

// every session of a person, or only those opened with one token, ends (sign out everywhere, token revoked)
export async function deleteSessions(db: Db, person: string, openedWithTokenId?: string): Promise<void> {
  let startKey: Record<string, AttributeValue> | undefined
  do {
    const out = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: TABLE.gsi1.name,
        ExclusiveStartKey: startKey,
        Limit: 25,
        KeyConditionExpression: openedWithTokenId
          ? 'gsi1pk = :sessions AND begins_with(gsi1sk, :token)'
          : 'gsi1pk = :sessions',
        ExpressionAttributeValues: {
          ':sessions': S(keys.timeline(person, 'SESSIONS')),
          ...(openedWithTokenId ? { ':token': S(timelinePosition.sessionsOfToken(openedWithTokenId)) } : {}),
        },
      }),
    )
    // A person has a handful of sessions: one delete each, no unprocessed batch items to chase.
    await Promise.all(
      (out.Items ?? []).map((item) =>
        db.client.send(new DeleteItemCommand({ TableName: db.table, Key: { pk: item.pk!, sk: item.sk! } })),
      ),
    )
    startKey = out.LastEvaluatedKey
  } while (startKey)
}
