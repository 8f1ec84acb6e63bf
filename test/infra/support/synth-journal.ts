import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App, CfnElement, Stack } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { afterAll } from 'vitest'
import type { IConstruct } from 'constructs'
import { cdkJsonContext } from '../../../infra/cdk-context.js'
import { resolveConfig, type JournalConfig } from '../../../infra/config.js'
import { createJournal, type JournalStacks } from '../../../infra/journal.js'

export interface SynthesizedJournal {
  app: App
  config: JournalConfig
  stacks: JournalStacks
  /** The synthesized template of one stack. */
  template(pick: (stacks: JournalStacks) => Stack): Template
}

/**
 * One cloud assembly directory per test worker. CDK caches staged (bundled) assets per output
 * directory, so the apps a test file synthesizes share it and esbuild runs once per function.
 */
const WORKER_OUTDIR = mkdtempSync(join(tmpdir(), 'journal-cdk-test-'))
afterAll(() => rmSync(WORKER_OUTDIR, { recursive: true, force: true }))

/**
 * Builds and synthesizes the journal app with infra/cdk.json's context (feature flags) and the given
 * configuration. Templates are read at once, before another app can write to the same directory.
 */
export function buildJournal(overrides: Partial<JournalConfig> = {}, outdir = WORKER_OUTDIR): SynthesizedJournal {
  const app = new App({ context: cdkJsonContext(), outdir })
  const config = resolveConfig(overrides)
  const stacks = createJournal(app, config)
  const templates = new Map(Object.values(stacks).map((stack: Stack) => [stack, Template.fromStack(stack)]))
  return { app, config, stacks, template: (pick) => templates.get(pick(stacks))! }
}

const shared = new Map<string, SynthesizedJournal>()

/** The journal synthesized once per configuration and test file, shared by its tests. */
export function journal(overrides: Partial<JournalConfig> = {}): SynthesizedJournal {
  const key = JSON.stringify(overrides)
  if (!shared.has(key)) shared.set(key, buildJournal(overrides))
  return shared.get(key)!
}

/** Every option set to something other than its default: one synthesis covers them all. */
export const CONFIGURED: Partial<JournalConfig> = {
  stackPrefix: 'JournalJansen',
  person: 'jansen',
  siteDomain: 'agenda.example.nl',
  servantDomain: 'agenda.example.nl',
  servantHostNames: { 'agenda.jansen.nl': 'jansen' },
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0d3c2b1a-1111-2222-3333-444455556666',
  alarmEmail: 'ops@example.nl',
  digestMode: 'draft',
  logRetentionDays: 365,
  apiThrottle: { rateLimit: 5, burstLimit: 10 },
}

/** The shared journal synthesized with CONFIGURED. */
export const configured = () => journal(CONFIGURED)

/** The logical id of a construct's CloudFormation resource, as templates refer to it. */
export function logicalId(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild
  if (!CfnElement.isCfnElement(element)) throw new Error(`${construct.node.path} has no CloudFormation resource`)
  return Stack.of(element).getLogicalId(element)
}

/** One stack on its own (no Lambda bundling), for tests of stacks that need nothing from the others. */
export function synthStack<S extends Stack>(build: (app: App) => S): { stack: S; template: Template } {
  const app = new App({ context: cdkJsonContext(), outdir: WORKER_OUTDIR })
  const stack = build(app)
  return { stack, template: Template.fromStack(stack) }
}
