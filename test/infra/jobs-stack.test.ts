import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, inject, it } from 'vitest'
import { testDb } from '../support/test-db.js'
import { bundleDir, invokeBundle } from './support/run-bundle.js'
import { configured, journal, logicalId } from './support/synth-journal.js'

const jobs = () => journal().template((s) => s.jobs)

describe('jobs stack', () => {
  it('runs the digest on Monday at 07:00 in Europe/Amsterdam, whatever the daylight-saving time', () => {
    jobs().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    })
  })

  it('follows the configured time zone', () => {
    configured()
      .template((s) => s.jobs)
      .hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 7 ? * MON *)',
        ScheduleExpressionTimezone: 'Europe/Brussels',
      })
  })

  it('retries a failed delivery and parks what still fails in the dead-letter queue', () => {
    const { jobs: stack } = journal().stacks
    const queue = logicalId(stack.deadLetters.queue)
    jobs().hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack.digest), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      }),
    })
    // The scheduler invokes asynchronously, so failures of the run itself are retried by Lambda.
    jobs().hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    })
  })

  it('passes the scheduled time, so a late retry still digests the week that just ended', () => {
    const schedule = Object.values(jobs().findResources('AWS::Scheduler::Schedule'))[0]!
    expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({
      source: 'journal.weekly-digest',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    })
  })

  it.each([
    ['by default', journal, { JOURNAL_DIGEST_MODE: 'publish', JOURNAL_PERSON: 'demo' }],
    ['as configured', configured, { JOURNAL_DIGEST_MODE: 'draft', JOURNAL_PERSON: 'jansen' }],
  ])(
    'tells the digest function its mode and person %s (the zone of its weeks comes from the profile)',
    (_, synth, variables) => {
      synth()
        .template((s) => s.jobs)
        .hasResourceProperties('AWS::Lambda::Function', {
          Handler: 'index.handler',
          Environment: { Variables: Match.objectLike({ ...variables, JOURNAL_TABLE: Match.anyValue() }) },
        })
    },
  )

  it('keeps dead letters encrypted for the maximum 14 days and refuses plain HTTP', () => {
    jobs().hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true })
    jobs().hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
  })

  it('lets only schedules of this account assume the schedule role', () => {
    jobs().hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    })
  })

  it('deploys a digest bundle that runs on its own: Monday 16 March 2015 digests week 11', async () => {
    const db = await testDb()
    const summary = invokeBundle(
      bundleDir(journal(), journal().stacks.jobs.digest),
      { source: 'journal.weekly-digest', scheduledTime: '2015-03-16T06:00:00Z' },
      {
        JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
        JOURNAL_TABLE: db.table,
        JOURNAL_PERSON: 'demo',
        JOURNAL_DIGEST_MODE: 'publish',
      },
    )
    expect(summary).toMatchObject({ week: '2015-W11' })
  })
})
