import { describe, expect, inject, it } from 'vitest'
import { getPublishState, putPublishState, type Db } from '../../functions/store/index.js'
import { keys } from '../../functions/store/keys.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { testDb } from '../support/test-db.js'
import { withAwsStandIn, type StandInCall } from './support/aws-stand-in.js'
import { bundleDir, invokeBundleWarm } from './support/run-bundle.js'
import { seedOrganisation } from './support/organisation.js'
import { journal } from './support/synth-journal.js'

/**
 * The publish function as Lambda runs it: its bundle from the synthesised assembly, the template's
 * variables, DynamoDB Local for the table and a stand-in for SQS, S3 and CodeBuild, given the
 * events AWS gives it (a stream batch, then the queue's message).
 */
/** The variables the template gives the function, with the stand-in's endpoints. */
const publishEnv = (db: Db, endpoint: string) => ({
  JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
  JOURNAL_TABLE: db.table,
  JOURNAL_PERSON: 'demo',
  JOURNAL_SNAPSHOT_BUCKET: 'snapshots',
  JOURNAL_BUILD_PROJECT: 'site-build',
  JOURNAL_PUBLISH_QUEUE_URL: `${endpoint}/123456789012/publish.fifo`,
  AWS_ENDPOINT_URL_S3: endpoint,
  AWS_ENDPOINT_URL_CODEBUILD: endpoint,
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example',
})

describe('the publish bundle, invoked with the events AWS sends', () => {
  it('turns a stream batch into a request for the section, then exports it and starts its build', async () => {
    const db = await testDb()
    const at = '2015-01-01T08:00:00.000Z'
    await seedOrganisation(db, ['bram', 'wouter'])
    const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
    const entry = bram.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
    bram.entry({ start: '2015-03-18T10:00', title: 'CanaryPrivateBundle', visibility: 'private' })
    await bram.saveTo(db)
    // Wouter's section is online already (a section never built would be asked for with any change).
    await putPublishState(db, { part: 'wouter', published: { buildId: 'earlier', exportedAt: at } })

    const stream = {
      Records: [
        {
          eventSource: 'aws:dynamodb',
          eventName: 'MODIFY',
          dynamodb: { Keys: { pk: { S: keys.entry('bram', entry.id).pk }, sk: { S: 'ENTRY' } } },
        },
      ],
    }
    const message = (part: string) => ({
      Records: [
        {
          eventSource: 'aws:sqs',
          messageId: 'm1',
          body: JSON.stringify({ part }),
          attributes: { SentTimestamp: String(Date.now() - 60_000), MessageGroupId: part },
        },
      ],
    })
    let results: unknown[] = []
    let snapshot = ''
    const calls = await withAwsStandIn(async (endpoint, objects) => {
      const env = publishEnv(db, endpoint)
      ;({ results } = await invokeBundleWarm(
        bundleDir(journal(), journal().stacks.publish.trigger),
        [stream, message('bram')],
        env,
      ))
      snapshot = objects.get('/snapshots/people/bram.json') ?? ''
    })
    expect(results[0]).toEqual({ requested: ['bram'] })
    expect(results[1]).toEqual([expect.objectContaining({ outcome: 'published', part: 'bram' })])
    const targets = calls.map((c) => c.target)
    expect(targets).toEqual([
      'AmazonSQS.SendMessageBatch',
      'S3 PUT /snapshots/people/bram.json',
      'CodeBuild_20161006.StartBuild',
      'CodeBuild_20161006.BatchGetBuilds',
      'AmazonSQS.SendMessageBatch',
    ])
    const sent = (call: StandInCall) => (call.body.Entries as { MessageGroupId: string }[]).map((e) => e.MessageGroupId)
    expect(sent(calls[0]!)).toEqual(['bram'])
    expect(sent(calls[4]!)).toEqual(['@organisation'])
    expect(calls[2]!.body).toMatchObject({
      projectName: 'site-build',
      environmentVariablesOverride: expect.arrayContaining([
        { name: 'SNAPSHOT_KEY', value: 'people/bram.json', type: 'PLAINTEXT' },
        { name: 'SITE_PREFIX', value: 'bram/', type: 'PLAINTEXT' },
      ]),
    })
    expect(snapshot).toContain('Overleg Utrecht')
    expect(snapshot).not.toContain('CanaryPrivateBundle')
    expect((await getPublishState(db, 'bram')).published?.buildId).toBe('site-build:3')
  }, 120_000) // synthesis bundles every function first: tens of seconds on a busy machine

  it('fails the message when the build fails, and logs whose part failed as a metric', async () => {
    const db = await testDb()
    await seedOrganisation(db, ['bram', 'wouter'])
    const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
    bram.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
    await bram.saveTo(db)
    const message = {
      Records: [{ eventSource: 'aws:sqs', body: '{"part":"bram"}', attributes: { SentTimestamp: String(Date.now()) } }],
    }
    let failure = ''
    await withAwsStandIn(async (endpoint) => {
      const env = publishEnv(db, endpoint)
      failure = await invokeBundleWarm(bundleDir(journal(), journal().stacks.publish.trigger), [message], env).then(
        () => '',
        (error: Error) => error.message,
      )
    }, 'FAILED')
    expect(failure).toMatch(/The build site-build:\d+ of "bram" failed/)
    const metric = failure.split('\n').find((line) => line.includes('FailedPublishes'))!
    expect(JSON.parse(metric.slice(metric.indexOf('{')))).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'OpenAgendaJournal', Dimensions: [['Part']] }] },
      Part: 'bram',
      FailedPublishes: 1,
    })
    expect((await getPublishState(db, 'bram')).failed).toBeDefined()
  }, 120_000)
})
