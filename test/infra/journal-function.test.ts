import { existsSync, readFileSync } from 'node:fs'
import { App, Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { beforeAll, describe, expect, it } from 'vitest'
import { cdkJsonContext } from '../../infra/cdk-context.js'
import { JournalFunction } from '../../infra/constructs/journal-function.js'
import { TABLE_ACTIONS } from '../../infra/constructs/table-access.js'
import { journalTableSchema } from '../../infra/stacks/data-stack.js'
import { logicalId } from './support/synth-journal.js'

let app: App
let stack: Stack
let reader: JournalFunction
let writer: JournalFunction
let template: Template

beforeAll(() => {
  app = new App({ context: cdkJsonContext() })
  stack = new Stack(app, 'FunctionTest')
  const table = new dynamodb.TableV2(stack, 'Table', journalTableSchema())
  // Both use the smallest handler; the second is bundled from the asset cache.
  reader = new JournalFunction(stack, 'Reader', { entry: 'functions/lambda/publish.ts', description: 'reads' })
  reader.bindTable({ table, access: 'read' })
  writer = new JournalFunction(stack, 'Writer', {
    entry: 'functions/lambda/publish.ts',
    description: 'writes',
    timeout: undefined,
    memorySize: 256,
  })
  writer.bindTable({ table, access: 'readWrite' })
  template = Template.fromStack(stack)
})

const functionProps = (fn: JournalFunction) =>
  template.findResources('AWS::Lambda::Function')[logicalId(fn)]!.Properties
const policyOf = (fn: JournalFunction) =>
  Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: logicalId(fn.role!) }] } }),
  )[0]!.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]

describe('JournalFunction', () => {
  it('runs on arm64 with the newest Node.js runtime this aws-cdk-lib offers', () => {
    const newest = Object.keys(lambda.Runtime)
      .filter((k) => /^NODEJS_\d+_X$/.test(k))
      .sort((a, b) => parseInt(a.slice(7), 10) - parseInt(b.slice(7), 10))
      .at(-1)!
    expect(functionProps(reader)).toMatchObject({
      Runtime: (lambda.Runtime as unknown as Record<string, lambda.Runtime>)[newest]!.name,
      Architectures: ['arm64'],
    })
    expect(functionProps(reader).Runtime).toBe('nodejs24.x')
  })

  it('traces with X-Ray and logs JSON into its own log group, kept 90 days', () => {
    const props = functionProps(reader)
    expect(props).toMatchObject({
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
    })
    const logGroup = template.findResources('AWS::Logs::LogGroup')[props.LoggingConfig.LogGroup.Ref]
    expect(logGroup?.Properties).toEqual({ RetentionInDays: 90 })
  })

  it('defaults to 10 seconds and 512 MB, and lets a function choose otherwise', () => {
    expect(functionProps(reader)).toMatchObject({ Timeout: 10, MemorySize: 512 })
    expect(functionProps(writer)).toMatchObject({ Timeout: 10, MemorySize: 256 })
  })

  it('may write only to its own log group, with no AWS managed policy', () => {
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: Match.absent(), ManagedPolicyArns: Match.absent() })
    const logs = policyOf(reader).filter((s) => JSON.stringify(s.Action).includes('logs:'))
    expect(logs).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ReaderLogs/), 'Arn'] },
      },
    ])
  })

  it('ships one minified ES module with a source map and no TypeScript sources inside', () => {
    const key = functionProps(reader).Code.S3Key as string
    const dir = `${app.outdir}/asset.${key.replace('.zip', '')}`
    expect(existsSync(`${dir}/index.mjs`)).toBe(true)
    const code = readFileSync(`${dir}/index.mjs`, 'utf8')
    expect(code.startsWith("import{createRequire as __journalRequire}from'node:module'")).toBe(true)
    expect(code.split('\n').length).toBeLessThan(code.length / 1000)
    expect(code.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true)
    const map = JSON.parse(readFileSync(`${dir}/index.mjs.map`, 'utf8')) as {
      sources: string[]
      sourcesContent?: unknown
    }
    expect(map.sources.some((s) => s.endsWith('functions/lambda/publish.ts'))).toBe(true)
    expect(map.sourcesContent).toBeUndefined()
    expect(functionProps(reader).Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps')
  })

  describe('bindTable', () => {
    const table = () => logicalId(stack.node.findChild('Table'))
    const arn = () => ({ 'Fn::GetAtt': [table(), 'Arn'] })
    const index = (name: string) => ({ 'Fn::Join': ['', [arn(), `/index/${name}`]] })
    const dynamo = (fn: JournalFunction) => policyOf(fn).filter((s) => JSON.stringify(s.Action).includes('dynamodb:'))

    it('tells the function the table name', () => {
      expect(functionProps(reader).Environment.Variables.JOURNAL_TABLE).toEqual({ Ref: table() })
    })

    it('with read, allows reads on the table and its two indexes by name, no wildcard, no scan', () => {
      expect(dynamo(reader)).toEqual([
        { Effect: 'Allow', Action: [...TABLE_ACTIONS.read].sort(), Resource: [arn(), index('gsi1'), index('gsi2')] },
      ])
    })

    it('with readWrite, adds writes on the table itself', () => {
      expect(dynamo(writer)).toEqual([
        { Effect: 'Allow', Action: [...TABLE_ACTIONS.read].sort(), Resource: [arn(), index('gsi1'), index('gsi2')] },
        { Effect: 'Allow', Action: [...TABLE_ACTIONS.write].sort(), Resource: arn() },
      ])
      expect(JSON.stringify(policyOf(writer))).not.toMatch(/dynamodb:Scan|dynamodb:\*|index\/\*/)
    })
  })
})
