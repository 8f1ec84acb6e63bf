import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb'
import { journalSettings, type JournalSettings, type Profile } from '../core/model/index.js'
import { failedConditions, N, VersionConflictError, withData, type Db } from './db.js'
import { changeLogPosition, keys } from './keys.js'
import { TABLE } from './table.js'
import { getData } from './versioned-item.js'

// the profile of a person
export async function getProfile(db: Db, person: string): Promise<Profile | undefined> {
  return getData<Profile>(db, keys.profile(person), true)
}

// the time zone and language of a person's journal, from the profile (defaults without one)
export async function getJournalSettings(db: Db, person: string): Promise<JournalSettings> {
  return journalSettings(await getProfile(db, person))
}

// the profile is replaced only if unchanged since version `expected` (0: it must not exist yet)
export async function putProfile(db: Db, profile: Profile, expected: number): Promise<void> {
  const changeLog = {
    [TABLE.gsi2.partitionKey]: keys.changes(profile.person),
    [TABLE.gsi2.sortKey]: changeLogPosition.profile(profile.updatedAt),
  }
  try {
    await db.client.send(
      new PutItemCommand({
        TableName: db.table,
        Item: withData({ ...keys.profile(profile.person), ...changeLog }, 'profile', profile, {
          version: N(profile.version),
        }),
        ...(expected === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': N(expected) } }),
      }),
    )
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || failedConditions(error)) throw new VersionConflictError()
    throw error
  }
}
