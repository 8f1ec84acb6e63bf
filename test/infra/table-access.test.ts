import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TABLE_ACTIONS } from '../../infra/constructs/table-access.js'
import { fromRoot } from '../../infra/paths.js'

/** Code that only runs locally: creating and describing the table of DynamoDB Local. */
const LOCAL_ONLY = ['functions/local/', 'functions/store/ensure-table.ts']

/** The IAM actions behind each DynamoDB command the deployed code sends. */
function actionsUsedByDeployedCode(): Map<string, string[]> {
  const used = new Map<string, string[]>()
  const files = readdirSync(fromRoot('functions'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `functions/${f}`)
    .filter((f) => !LOCAL_ONLY.some((local) => f.startsWith(local)))
  for (const file of files) {
    const source = readFileSync(fromRoot(file), 'utf8')
    if (!source.includes('@aws-sdk/client-dynamodb')) continue
    for (const [, command] of source.matchAll(/new (\w+)Command\(/g)) {
      // A transaction is authorised per part: Put, Update, Delete or ConditionCheck.
      const actions =
        command === 'TransactWriteItems'
          ? [...source.matchAll(/\b(Put|Update|Delete|ConditionCheck): \{/g)].map(([, part]) => `dynamodb:${part}Item`)
          : [`dynamodb:${command}`]
      for (const action of actions) used.set(action, [...(used.get(action) ?? []), file])
    }
  }
  return used
}

describe('table access', () => {
  it('grants readWrite functions every DynamoDB operation the deployed code performs', () => {
    const used = actionsUsedByDeployedCode()
    expect(used.size).toBeGreaterThan(3)
    const granted = new Set<string>([...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write])
    const missing = [...used]
      .filter(([action]) => !granted.has(action))
      .map(([action, files]) => `${action} (${files.join(', ')})`)
    expect(missing).toEqual([])
  })

  it('grants no scan, because no request path may scan', () => {
    expect([...TABLE_ACTIONS.read, ...TABLE_ACTIONS.write]).not.toContain('dynamodb:Scan')
  })
})
