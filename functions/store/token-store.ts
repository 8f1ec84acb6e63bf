import { PutItemCommand, UpdateItemCommand, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { Token } from '../core/model/index.js'
import { NotFoundError, S, withData, type Db } from './db.js'
import { keys, timelinePosition } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'
import { getData } from './versioned-item.js'

// a token is stored under the digest of its secret; the secret itself is never stored
export async function putToken(db: Db, token: Token): Promise<void> {
  const timeline = {
    [TABLE.gsi1.partitionKey]: keys.timeline(token.person, 'TOKENS'),
    [TABLE.gsi1.sortKey]: timelinePosition.token(token.createdAt, token.id),
  }
  await db.client.send(
    new PutItemCommand({
      TableName: db.table,
      Item: withData({ ...keys.token(token.digest), ...timeline }, 'token', token),
    }),
  )
}

// the token whose secret has this digest (every authenticated request)
export async function getTokenByDigest(db: Db, digest: string): Promise<Token | undefined> {
  return getData<Token>(db, keys.token(digest))
}

// the tokens of a person, oldest first
export async function listTokens(db: Db, person: string): Promise<Token[]> {
  return queryAll<Token>(db, {
    IndexName: TABLE.gsi1.name,
    KeyConditionExpression: 'gsi1pk = :timeline',
    ExpressionAttributeValues: { ':timeline': S(keys.timeline(person, 'TOKENS')) },
  })
}

// a token is revoked by marking it; revoked tokens stay listed so their use can be audited
export async function revokeToken(db: Db, token: Token, at: string): Promise<void> {
  const revoked: Token = { ...token, revokedAt: at }
  const key = keys.token(token.digest)
  try {
    await db.client.send(
      new UpdateItemCommand({
        TableName: db.table,
        Key: { pk: S(key.pk), sk: S(key.sk) },
        UpdateExpression: 'SET #data = :data',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#data': 'data' },
        ExpressionAttributeValues: { ':data': S(JSON.stringify(revoked)) },
      }),
    )
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError(`no token ${token.id}`)
    throw error
  }
}
