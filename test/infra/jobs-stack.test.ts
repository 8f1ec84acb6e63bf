import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, inject, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import { addServant, getDigest } from '../../functions/store/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'
import { withAwsStandIn } from './support/aws-stand-in.js'
import { bundleDir, invokeBundle, invokeBundleWarm } from './support/run-bundle.js'
import { configured, journal, logicalId } from './support/synth-journal.js'

const jobs = () => journal().template((s) => s.jobs)
const ids = () => {
  const { jobs: stack } = journal().stacks
  return { fn: logicalId(stack.digest), queue: logicalId(stack.jobs), dlq: logicalId(stack.deadLetters.queue) }
}

describe('jobs stack', () => {
  it('looks every quarter hour in UTC, so each servant’s Monday 07:00 is one of its looks, in any zone', () => {
    jobs().hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
    })
  })

  it.each([
    ['by default', journal],
    ['as configured', configured],
  ])('has one schedule for the whole organisation %s: a servant in a new zone needs no deployment', (_, synth) => {
    synth()
      .template((s) => s.jobs)
      .resourceCountIs('AWS::Scheduler::Schedule', 1)
  })

  it('retries a failed delivery of a look and parks what still fails in the dead-letter queue', () => {
    const { fn, dlq } = ids()
    jobs().hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [fn, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } },
      }),
    })
    // The scheduler invokes asynchronously, so failures of the look itself are retried by Lambda.
    jobs().hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlq, 'Arn'] } } },
    })
  })

  it('passes the scheduled time, so a late retry still finds the journals due at that quarter hour', () => {
    const schedule = Object.values(jobs().findResources('AWS::Scheduler::Schedule'))[0]!
    expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({
      source: 'journal.weekly-digest',
      scheduledTime: '<aws.scheduler.scheduled-time>',
    })
  })

  it('gives each journal’s digest job three tries, then the dead-letter queue, whose depth alarms', () => {
    const { queue, dlq } = ids()
    const [jobsQueue] = Object.entries(jobs().findResources('AWS::SQS::Queue')).filter(([id]) => id === queue)
    expect(jobsQueue![1].Properties).toMatchObject({
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 },
      SqsManagedSseEnabled: true,
      // Longer than the function's one minute: a job is not handed out again while it runs.
      VisibilityTimeout: 360,
    })
    jobs().hasResourceProperties('AWS::Lambda::Function', { Timeout: 60 })
  })

  it('runs the queued jobs one journal per invocation, a few at a time, returning only a failed one', () => {
    const { fn, queue } = ids()
    jobs().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
      FunctionName: { Ref: fn },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 5 },
    })
  })

  it('lets the digest function send to its queue', () => {
    const { queue } = ids()
    jobs().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
          }),
        ]),
      },
    })
  })

  it.each([
    ['by default', journal, { JOURNAL_DIGEST_MODE: 'publish', JOURNAL_PERSON: 'demo' }],
    ['as configured', configured, { JOURNAL_DIGEST_MODE: 'draft', JOURNAL_PERSON: 'jansen' }],
  ])(
    'tells the digest function its mode, own journal and queue %s (zones come from the profiles)',
    (_, synth, vars) => {
      const { jobs: stack } = synth().stacks
      synth()
        .template((s) => s.jobs)
        .hasResourceProperties('AWS::Lambda::Function', {
          Handler: 'index.handler',
          Environment: {
            Variables: Match.objectLike({
              ...vars,
              JOURNAL_DIGEST_QUEUE_URL: { Ref: logicalId(stack.jobs) },
              JOURNAL_TABLE: Match.anyValue(),
            }),
          },
        })
    },
  )

  it('keeps both queues encrypted and refuses plain HTTP to either', () => {
    const { queue, dlq } = ids()
    jobs().hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true })
    const policies = Object.values(jobs().findResources('AWS::SQS::QueuePolicy'))
    for (const id of [queue, dlq]) {
      const policy = policies.find((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }]))
      expect(policy?.Properties.PolicyDocument.Statement, id).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      )
    }
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

  it('runs from its bundle: a servant in Kathmandu is queued at 01:15 UTC, then gets week 11 digested', async () => {
    const db = await testDb()
    const at = '2015-03-09T09:00:00Z'
    await addServant(
      db,
      { person: 'anna', name: 'Anna', role: 'adviseur', status: 'active', createdAt: at, updatedAt: at, version: 1 },
      newToken('anna', 'first token', new Date(at)).token,
    )
    const anna = new JournalBuilder('anna').withProfile({ timezone: 'Asia/Kathmandu' })
    anna.entry({ start: '2015-03-10T10:00', title: 'Overleg' })
    await anna.saveTo(db)
    // The SQS client sends to the host of the queue's URL, here the stand-in's.
    const queueUrl = (endpoint: string) => `${endpoint}/123456789012/digest-jobs`
    const env = (endpoint: string) => ({
      JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      JOURNAL_TABLE: db.table,
      JOURNAL_PERSON: 'demo',
      JOURNAL_DIGEST_MODE: 'publish',
      JOURNAL_DIGEST_QUEUE_URL: queueUrl(endpoint),
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
    })
    const dir = bundleDir(journal(), journal().stacks.jobs.digest)
    // Monday 16 March 2015, 07:00 in Kathmandu (+05:45).
    const look = { source: 'journal.weekly-digest', scheduledTime: '2015-03-16T01:15:00Z' }
    let results: unknown[] = []
    let sqs = ''
    const calls = await withAwsStandIn(async (endpoint) => {
      sqs = endpoint
      ;({ results } = await invokeBundleWarm(dir, [look], env(endpoint)))
    })
    expect(results).toEqual([{ scheduledTime: '2015-03-16T01:15:00.000Z', queued: ['anna'] }])
    expect(calls).toHaveLength(1)
    expect(calls[0]!.target).toBe('AmazonSQS.SendMessageBatch')
    const batch = calls[0]!.body as { QueueUrl: string; Entries: { MessageBody: string }[] }
    expect(batch.QueueUrl).toBe(queueUrl(sqs))
    const bodies = batch.Entries.map((e) => e.MessageBody)
    expect(bodies.map((b) => JSON.parse(b))).toEqual([{ person: 'anna', scheduledTime: '2015-03-16T01:15:00.000Z' }])

    const sqsEvent = {
      Records: bodies.map((body, n) => ({ messageId: `msg-${n}`, body, eventSource: 'aws:sqs', attributes: {} })),
    }
    expect(invokeBundle(dir, sqsEvent, env('http://127.0.0.1:9'))).toEqual({ batchItemFailures: [] })
    expect(await getDigest(db, 'anna', '2015-W11')).toMatchObject({ status: 'published', items: [expect.anything()] })
  })
})
