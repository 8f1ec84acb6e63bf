import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal, type RunningDynamoDb } from '../../functions/local/dynamodb-local.js'

let dynamo: RunningDynamoDb | undefined

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string
  }
}

export async function setup(project: TestProject) {
  const endpoint = process.env.JOURNAL_DYNAMODB_ENDPOINT ?? (dynamo = await startDynamoDbLocal()).endpoint
  project.provide('dynamodbEndpoint', endpoint)
}

export async function teardown() {
  await dynamo?.stop()
}
