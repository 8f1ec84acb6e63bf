import type { Stack } from 'aws-cdk-lib'
import { describe, expect, it } from 'vitest'
import { journal } from './support/synth-journal.js'

/** Every value of `key` anywhere in a template, e.g. every `Fn::ImportValue`. */
function valuesOf(node: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) valuesOf(item, key, found)
  else if (node && typeof node === 'object')
    for (const [name, value] of Object.entries(node)) {
      if (name === key) found.push(value)
      valuesOf(value, key, found)
    }
  return found
}

const synthesized = () => {
  const { stacks, template } = journal()
  return Object.values(stacks).map((stack: Stack) => ({ name: stack.stackName, json: template(() => stack).toJSON() }))
}

/** Export name → the stack that declares it. */
function exportsByName(): Map<string, string> {
  const exports = new Map<string, string>()
  for (const { name, json } of synthesized())
    for (const output of Object.values<{ Export?: { Name: string } }>(json.Outputs ?? {}))
      if (output.Export) exports.set(output.Export.Name, name)
  return exports
}

/** Which stacks each stack imports from. */
function importsByStack(): Record<string, string[]> {
  const exports = exportsByName()
  return Object.fromEntries(
    synthesized().map(({ name, json }) => [
      name,
      [...new Set(valuesOf(json, 'Fn::ImportValue').map((value) => exports.get(value as string) ?? `? ${value}`))],
    ]),
  )
}

describe('values that cross stacks', () => {
  it('are imports of exports that CloudFormation tracks, never a stack output read by name', () => {
    for (const { name, json } of synthesized()) expect(valuesOf(json, 'Fn::GetStackOutput'), name).toEqual([])
  })

  it('each import names an export another stack declares: Site cannot be replaced under Publish and Api', () => {
    const imports = importsByStack()
    expect(imports['Journal-Publish']?.sort()).toEqual(['Journal-Data', 'Journal-Site'])
    expect(imports['Journal-Api']?.sort()).toEqual(['Journal-Data', 'Journal-Site'])
    expect(imports['Journal-Jobs']).toEqual(['Journal-Data'])
    expect(imports['Journal-Alarms']?.sort()).toEqual(['Journal-Api', 'Journal-Jobs', 'Journal-Publish'])
    expect(imports['Journal-Data']).toEqual([])
    expect(imports['Journal-Site']).toEqual([])
  })
})
