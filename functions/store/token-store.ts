import { PutItemCommand, UpdateItemCommand, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { Token } from '../core/model/index.js'
import { NotFoundError, S, withData, type Db, type Item } from './db.js'
import { keys, timelinePosition } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'
import { getData } from './versioned-item.js'

/** A token as stored: under the digest of its secret (the secret itself is never stored), on its person's timeline. */
export function tokenItem(token: Token): Item {
  const timeline = {
    [TABLE.gsi1.partitionKey]: keys.timeline(token.person, 'TOKENS'),
    [TABLE.gsi1.sortKey]: timelinePosition.token(token.createdAt, token.id),
  }
  return withData({ ...keys.token(token.digest), ...timeline }, 'token', token)
}

// store a new token
export async function putToken(db: Db, token: Token): Promise<void> {
  await db.client.send(new PutItemCommand({ TableName: db.table, Item: tokenItem(token) }))
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
  try {
    await db.client.send(new UpdateItemCommand(tokenRevocation(db, token, at)))
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new NotFoundError(`no token ${token.id}`)
    throw error
  }
}

/** The update that marks a token revoked at `at`; the token must still exist. */
export function tokenRevocation(db: Db, token: Token, at: string) {
  const key = keys.token(token.digest)
  const revoked: Token = { ...token, revokedAt: at }
  return {
    TableName: db.table,
    Key: { pk: S(key.pk), sk: S(key.sk) },
    UpdateExpression: 'SET #data = :data',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#data': 'data' },
    ExpressionAttributeValues: { ':data': S(JSON.stringify(revoked)) },
  }
}
