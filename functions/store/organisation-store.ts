import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb'
import type { Organisation, Servant, Token } from '../core/model/index.js'
import { AlreadyExistsError, failedConditions, N, S, VersionConflictError, withData, type Db, type Item } from './db.js'
import { keys } from './keys.js'
import { queryAll } from './paging.js'
import { TABLE } from './table.js'
import { tokenItem, tokenRevocation } from './token-store.js'
import { getData } from './versioned-item.js'

// the organisation the deployment serves, if it has been described
export async function getOrganisation(db: Db): Promise<Organisation | undefined> {
  return getData<Organisation>(db, keys.organisation(), true)
}

// the organisation is replaced only if unchanged since version `expected` (0: it must not exist yet)
export async function putOrganisation(db: Db, organisation: Organisation, expected: number): Promise<void> {
  const item = withData(keys.organisation(), 'organisation', organisation, { version: N(organisation.version) })
  await sendConditional(db, [{ Put: { TableName: db.table, Item: item, ...versionCondition(expected) } }], () => {
    throw new VersionConflictError()
  })
}

// one servant by slug
export async function getServant(db: Db, person: string): Promise<Servant | undefined> {
  return getData<Servant>(db, keys.servant(person), true)
}

// every servant of the organisation, by slug (active and former alike)
export async function listServants(db: Db): Promise<Servant[]> {
  return queryAll<Servant>(db, {
    IndexName: TABLE.gsi1.name,
    KeyConditionExpression: 'gsi1pk = :servants',
    ExpressionAttributeValues: { ':servants': S(keys.servants()) },
  })
}

// a new servant and their first token, together or not at all
export async function addServant(db: Db, servant: Servant, firstToken: Token): Promise<void> {
  const put = { TableName: db.table, Item: servantItem(servant), ConditionExpression: 'attribute_not_exists(pk)' }
  await sendConditional(db, [{ Put: put }, { Put: { TableName: db.table, Item: tokenItem(firstToken) } }], () => {
    throw new AlreadyExistsError(`There is a servant "${servant.person}" already; choose another slug.`)
  })
}

// a servant's new first token; the tokens in `revoke` are revoked in the same write
export async function replaceFirstToken(db: Db, firstToken: Token, revoke: Token[]): Promise<void> {
  const at = firstToken.createdAt
  const revocations = revoke.map((token): TransactWriteItem => ({ Update: tokenRevocation(db, token, at) }))
  await sendConditional(db, [{ Put: { TableName: db.table, Item: tokenItem(firstToken) } }, ...revocations], () => {
    throw new VersionConflictError() // a token was deleted meanwhile: the caller may try again
  })
}

// a servant changed from version `expected`; the tokens in `revoke` are revoked in the same write
export async function updateServant(db: Db, servant: Servant, expected: number, revoke: Token[] = []): Promise<void> {
  const put = { TableName: db.table, Item: servantItem(servant), ...versionCondition(expected) }
  const revocations = revoke.map(
    (token): TransactWriteItem => ({
      Update: tokenRevocation(db, token, servant.updatedAt),
    }),
  )
  await sendConditional(db, [{ Put: put }, ...revocations], () => {
    throw new VersionConflictError()
  })
}

function servantItem(servant: Servant): Item {
  const index = { [TABLE.gsi1.partitionKey]: keys.servants(), [TABLE.gsi1.sortKey]: servant.person }
  return withData({ ...keys.servant(servant.person), ...index }, 'servant', servant, { version: N(servant.version) })
}

function versionCondition(expected: number) {
  return expected === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': N(expected) } }
}

/** One transaction; `onConflict` decides what a failed condition means to the caller. */
async function sendConditional(db: Db, items: TransactWriteItem[], onConflict: () => never): Promise<void> {
  try {
    await db.client.send(new TransactWriteItemsCommand({ TransactItems: items }))
  } catch (error) {
    if (failedConditions(error)?.some(Boolean)) onConflict()
    throw error
  }
}
