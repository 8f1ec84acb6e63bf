import { describe, expect, it } from 'vitest'
import type { JournalStacks } from '../../infra/journal.js'
import { journal } from './support/synth-journal.js'

/** How many resources of `type` the whole app holds, over all its stacks. */
function count(type: string): number {
  const { stacks, template } = journal()
  return (Object.keys(stacks) as (keyof JournalStacks)[]).reduce(
    (n, name) => n + Object.keys(template((s) => s[name]).findResources(type)).length,
    0,
  )
}

/**
 * The review found that a stack set per servant stops at the 11th servant of an account (two
 * cache and two response-headers policies each, 20 allowed), then at distributions, roles and
 * stacks. One stack set now serves every servant: servants are items in the table, so nothing
 * below depends on how many there are.
 */
describe('one stack set serves an organisation of any size', () => {
  it('has one distribution, four CloudFront policies, six stacks, and no servant anywhere in its configuration', () => {
    expect(Object.keys(journal().stacks)).toHaveLength(6)
    expect(count('AWS::CloudFront::Distribution')).toBe(1)
    expect(count('AWS::CloudFront::CachePolicy') + count('AWS::CloudFront::ResponseHeadersPolicy')).toBe(4)
    expect(count('AWS::CodeBuild::Project')).toBe(1)
    expect(count('AWS::DynamoDB::GlobalTable') + count('AWS::DynamoDB::Table')).toBe(1)
    expect(Object.keys(journal().config)).not.toContain('servants')
  })

  it('has the same IAM roles and functions however many servants there will be', () => {
    expect(count('AWS::IAM::Role')).toBe(ROLES)
    expect(count('AWS::Lambda::Function')).toBe(FUNCTIONS)
  })
})

/** Counted once from the synthesised app; a change here is a change to the platform, not per servant. */
const ROLES = 7
const FUNCTIONS = 4
