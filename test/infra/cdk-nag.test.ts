import { Annotations, Match } from 'aws-cdk-lib/assertions'
import { Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { IConstruct } from 'constructs'
import { describe, expect, it } from 'vitest'
import { CONFIGURED, journal } from './support/synth-journal.js'

/** Every acknowledgement in the tree: where it was made, the rule id and the reason given. */
function acknowledgements(root: IConstruct) {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, rule: id.replace(/^[^:]+::/, ''), reason })),
  )
}

/**
 * Runs AwsSolutions over the synthesized app and records which acknowledgements actually silenced
 * a finding. (It wraps cdk-nag's acknowledgement lookup, which is private: if that ever changes,
 * this fails loudly rather than passing.)
 */
function audit(overrides = {}) {
  const { app } = journal(overrides)
  app.synth()
  const pack = new AwsSolutionsChecks()
  const used = new Set<string>()
  const internals = pack as unknown as { isAcknowledged(node: IConstruct, rule: string): boolean }
  const isAcknowledged = internals.isAcknowledged.bind(pack)
  internals.isAcknowledged = (node, rule) => {
    const hit = isAcknowledged(node, rule)
    if (hit) used.add(`${node.node.path} ${rule}`)
    return hit
  }
  const report = pack.validateScope(app)
  return { app, report, used: [...used] }
}

describe.each([
  ['as npm run synth builds it', {}],
  ['with a custom domain and alarm e-mail', CONFIGURED],
])('cdk-nag AwsSolutions, %s', (_, overrides) => {
  it('finds no unacknowledged error or warning', () => {
    const { report } = audit(overrides)
    const findings = report.violations.map((v) => {
      const at = v.violatingResources.map((r) => r.constructPath).join(', ')
      return `${v.severity} ${v.ruleName} at ${at}: ${v.description}`
    })
    expect(findings).toEqual([])
    expect(report.success).toBe(true)
  })

  it('gives every acknowledgement a one-sentence reason', () => {
    const all = acknowledgements(journal(overrides).app)
    expect(all.length).toBeGreaterThan(0)
    for (const { rule, reason } of all) {
      expect(reason, rule).toMatch(/^[A-Z].{40,400}[.]$/)
      expect(reason.split(/(?<=[.!?])\s+(?=[A-Z])/), `${rule}: ${reason}`).toHaveLength(1)
    }
  })

  it('acknowledges nothing that is not found: every acknowledgement silences a real finding', () => {
    const { app, used } = audit(overrides)
    const stale = acknowledgements(app).filter(
      ({ path, rule }) =>
        !used.some((u) => u.endsWith(` ${rule}`) && (u.startsWith(`${path}/`) || u.startsWith(`${path} `))),
    )
    expect(stale).toEqual([])
  })

  it('synthesizes without CDK warnings', () => {
    for (const stack of Object.values(journal(overrides).stacks)) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([])
    }
  })
})
