import { readdirSync } from 'node:fs'
import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { PUBLISHED_KEY_PREFIXES } from '../../functions/lambda/function-config.js'
import { keys } from '../../functions/store/keys.js'
import { BUILD_SOURCES } from '../../infra/stacks/publish-stack.js'
import { bundleDir, invokeBundle } from './support/run-bundle.js'
import { journal, logicalId } from './support/synth-journal.js'

const publish = () => journal().template((s) => s.publish)
const project = () => Object.values(publish().findResources('AWS::CodeBuild::Project'))[0]!.Properties
const buildSpec = () => JSON.parse(project().Source.BuildSpec)
/** A value exported by `stack` and imported here (CloudFormation tracks it: see cross-stack-references.test.ts). */
const stackOutput = (stack: string) => ({ 'Fn::ImportValue': Match.stringLikeRegexp(`^${stack}:`) })

describe('publish stack: the trigger', () => {
  it("reads the table's stream, gathering changes for a minute so a burst of edits becomes one build", () => {
    publish().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: stackOutput('Journal-Data'),
      FunctionName: { Ref: logicalId(journal().stacks.publish.trigger) },
      StartingPosition: 'LATEST',
      MaximumBatchingWindowInSeconds: 60,
      ParallelizationFactor: 1,
    })
  })

  it('retries a batch it could not hand to a build, then records it in a dead-letter queue', () => {
    publish().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 21600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(journal().stacks.publish.deadLetters.queue), 'Arn'] } },
      },
    })
  })

  it("is woken only by changes to published item types and the organisation's item", () => {
    const mapping = Object.values(publish().findResources('AWS::Lambda::EventSourceMapping')).find(
      (m) => m.Properties.FilterCriteria,
    )!.Properties
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))
    expect(patterns).toEqual([
      { dynamodb: { Keys: { pk: { S: PUBLISHED_KEY_PREFIXES.map((prefix) => ({ prefix })) } } } },
      { dynamodb: { Keys: { pk: { S: ['ORGANISATION'] }, sk: { S: ['ORGANISATION'] } } } },
    ])
  })

  it.each([
    ['an entry', keys.entry('demo', '01J0000000000000000000000A').pk, true],
    ['a revision of an entry', keys.revision(keys.entry('demo', 'x').pk, 2).pk, true],
    ['a post', keys.post('demo', 'jaarverslag-2015').pk, true],
    ['a digest', keys.digest('demo', '2015-W12').pk, true],
    ['the profile', keys.profile('demo').pk, true],
    ["a servant's record", keys.servant('wouter').pk, true],
    ["the publisher's own state", keys.publishState('wouter').pk, false],
    ['an owner token', keys.token('ab12').pk, false],
    ['an idempotency record (and its TTL expiry)', keys.idempotency('demo', 'k1').pk, false],
  ])('%s %s a site build', (_, pk, published) => {
    expect(PUBLISHED_KEY_PREFIXES.some((prefix) => pk.startsWith(prefix))).toBe(published)
  })

  it("deploys a trigger bundle that loads on its own and runs the trigger's code", () => {
    expect(() => invokeBundle(bundleDir(journal(), journal().stacks.publish.trigger), { Records: [] })).toThrow(
      /JOURNAL_SNAPSHOT_BUCKET is not set/,
    )
  })

  it('checks every 15 minutes whether an embargo ended since a part was last built', () => {
    const { publish: stack } = journal().stacks
    publish().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack.trigger), 'Arn'] },
        Input: JSON.stringify({ source: 'journal.scheduled-publish-check' }),
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 900 },
      }),
    })
  })

  it('takes one part per invocation from a FIFO queue, at most publishConcurrency (5) at once', () => {
    const { publish: stack } = journal().stacks
    publish().hasResourceProperties('AWS::SQS::Queue', {
      FifoQueue: true,
      VisibilityTimeout: 960,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack.failedRequests.queue), 'Arn'] },
        maxReceiveCount: 5,
      },
    })
    publish().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.requests), 'Arn'] },
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 5 },
    })
    publish().hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 900,
      Environment: { Variables: Match.objectLike({ JOURNAL_PERSON: 'demo' }) },
    })
  })

  it('may start and inspect builds of the site project, never with another buildspec, nothing else', () => {
    const statements = policyOf(journal().stacks.publish.trigger.role!)
    const codebuild = statements.filter((s) => JSON.stringify(s.Action).includes('codebuild:'))
    expect(codebuild).toEqual([
      {
        Effect: 'Allow',
        Action: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild'],
        Resource: { 'Fn::GetAtt': [logicalId(journal().stacks.publish.project), 'Arn'] },
      },
      {
        Effect: 'Deny',
        Action: 'codebuild:StartBuild',
        Resource: '*',
        Condition: { Null: { 'codebuild:source.buildspec': 'false' } },
      },
    ])
    // Starting a build with another role would need iam:PassRole.
    expect(JSON.stringify(statements)).not.toContain('iam:PassRole')
  })

  it("may list the snapshot bucket, so a section's snapshot not yet written reads as missing, not as denied", () => {
    // Without s3:ListBucket, S3 answers GetObject of a missing key with 403 AccessDenied instead of
    // 404 NoSuchKey: the root's export, which exports a section never exported, would fail instead.
    const { publish: stack } = journal().stacks
    expect(policyOf(stack.trigger.role!)).toContainEqual({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: { 'Fn::GetAtt': [logicalId(stack.snapshots), 'Arn'] },
    })
  })

  it('reads the table, and writes only its own state (the PUBLISH partition)', () => {
    const statements = policyOf(journal().stacks.publish.trigger.role!)
    const writes = statements.filter((s) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(JSON.stringify(s.Action)))
    expect(writes).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:PutItem',
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['PUBLISH'] } },
      }),
    ])
  })
})

/** The statements of the policy CDK attached to `role`. */
function policyOf(
  role: import('aws-cdk-lib/aws-iam').IRole,
): { Action: unknown; Effect: string; [k: string]: unknown }[] {
  return Object.values(
    publish().findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: logicalId(role) }] } }),
  ).flatMap((p) => p.Properties.PolicyDocument.Statement)
}

describe('publish stack: the build', () => {
  it('builds on arm64 with the snapshots, site and distribution it needs, and no limit CodeBuild refuses', () => {
    // CreateProject refuses a project limit above the account's ("cannot exceed the account-level
    // concurrent build limit of 1" on new accounts): the deployment would fail. The queue caps builds.
    expect(project().ConcurrentBuildLimit).toBeUndefined()
    expect(project()).toMatchObject({
      TimeoutInMinutes: 30,
      Artifacts: { Type: 'NO_ARTIFACTS' },
      Environment: {
        Type: 'ARM_CONTAINER',
        Image: 'aws/codebuild/amazonlinux-aarch64-standard:3.0',
        PrivilegedMode: false,
      },
    })
    const variables = Object.fromEntries(
      project().Environment.EnvironmentVariables.map((v: { Name: string; Value: unknown }) => [v.Name, v.Value]),
    )
    // Nothing names the table or a person: the publish function gives each build its part.
    expect(Object.keys(variables).sort()).toEqual([
      'DISTRIBUTION_ID',
      'JOURNAL_SITE_URL',
      'SITE_BUCKET',
      'SNAPSHOT_BUCKET',
    ])
  })

  it("npm ci, fetches the part's snapshot, npm run build, then uploads and invalidates only if both succeeded", () => {
    const spec = buildSpec()
    expect(Object.keys(spec.phases)).toEqual(['install', 'build'])
    expect(spec.phases.install).toMatchObject({
      'on-failure': 'ABORT',
      commands: ['npm ci --prefer-offline --no-audit --no-fund'],
    })
    const commands: string[] = spec.phases.build.commands
    expect(spec.phases.build['on-failure']).toBe('ABORT')
    expect(commands.slice(0, 2)).toEqual([
      'mkdir -p .journal && ' +
        'aws s3 cp "s3://$SNAPSHOT_BUCKET/$SNAPSHOT_KEY" .journal/public-snapshot.json --only-show-errors',
      'JOURNAL_SNAPSHOT=.journal/public-snapshot.json npm run build',
    ])
    // After the build: list the part online, mark what is already there, then upload-site.ts uploads in
    // order, invalidates and deletes; no upload, deletion or invalidation of its own in the buildspec.
    expect(commands.slice(3)).toEqual([
      'npx tsx infra/publish/list-online.ts .journal/public-snapshot.json > .journal/site-listing.json ' +
        '|| echo null > .journal/site-listing.json',
      'npx tsx infra/publish/mark-unchanged.ts site/dist < .journal/site-listing.json',
      'npx tsx infra/publish/upload-site.ts site/dist .journal/site-listing.json',
    ])
  })

  it('builds from an archive of only what the build needs: no dependencies, site output, local data or secrets', () => {
    expect(project().Source).toMatchObject({ Type: 'S3', Location: expect.anything() })
    const key = JSON.stringify(project().Source.Location).match(/\/([0-9a-f]{64})\.zip/)![1]
    const staged = `${journal().app.outdir}/asset.${key}`
    expect(readdirSync(staged).sort()).toEqual([...BUILD_SOURCES].sort())
    const files = readdirSync(staged, { recursive: true, encoding: 'utf8' })
    expect(
      files.filter((f) => /(^|\/)(node_modules|\.journal|\.astro|cdk\.out)(\/|$)|^site\/dist|\.env|\.pem$/.test(f)),
    ).toEqual([])
    expect(files).toEqual(
      expect.arrayContaining([
        'functions/lambda/api.ts',
        'site/astro.config.mjs',
        'infra/publish/list-online.ts',
        'infra/publish/mark-unchanged.ts',
        'infra/publish/upload-site.ts',
      ]),
    )
  })

  it("may not read the table, only the snapshots, and publishes through the site stack's policy", () => {
    const { publish: stack } = journal().stacks
    const role = logicalId(stack.project.role!)
    const policy = Object.values(
      publish().findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
    )[0]!
    const actions = policy.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action)
    expect(actions.filter((a: string) => a.startsWith('dynamodb:'))).toEqual([])
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: [
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.snapshots), 'Arn'] }, '/organisation.json']] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.snapshots), 'Arn'] }, '/people/*']] },
      ],
    })
    publish().hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [stackOutput('Journal-Site')],
    })
    journal()
      .template((s) => s.site)
      .hasResourceProperties('AWS::IAM::ManagedPolicy', {
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:ListBucket',
              Resource: { 'Fn::GetAtt': [logicalId(journal().stacks.site.bucket), 'Arn'] },
            },
            Match.objectLike({ Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject'] }),
            Match.objectLike({ Action: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'] }),
          ],
        },
      })
  })
})
