import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { configured, journal, logicalId } from './support/synth-journal.js'

type Alarm = {
  Properties: Record<string, unknown> & {
    MetricName: string
    Namespace: string
    AlarmActions: unknown[]
    OKActions: unknown[]
  }
}
const alarms = (synth = journal) =>
  Object.values(
    synth()
      .template((s) => s.alarms)
      .findResources('AWS::CloudWatch::Alarm'),
  ) as Alarm[]
const topicRef = () => ({ Ref: logicalId(journal().stacks.alarms.topic) })

describe('alarms stack', () => {
  it.each([
    ['Lambda errors', 'AWS/Lambda', 'Errors', 4],
    ['Lambda throttles', 'AWS/Lambda', 'Throttles', 4],
    ['API 5xx answers', 'AWS/ApiGateway', '5xx', 1],
    ['messages in a dead-letter queue', 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', 3],
    ['failed site builds', 'AWS/CodeBuild', 'FailedBuilds', 1],
  ])('alarms on %s (%s %s, %i)', (_, namespace, metric, count) => {
    const matching = alarms().filter((a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metric)
    expect(matching).toHaveLength(count)
    for (const alarm of matching) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      })
    }
  })

  it('watches each journal function: the API, the admin, the digest job and the publish trigger', () => {
    const watched = alarms()
      .filter((a) => a.Properties.Namespace === 'AWS/Lambda')
      .map((a) => JSON.stringify((a.Properties.Dimensions as unknown[])[0]))
    for (const [stack, functions] of [
      ['Journal-Api', 2],
      ['Journal-Jobs', 1],
      ['Journal-Publish', 1],
    ] as const) {
      expect(watched.filter((d) => d.includes(`"Fn::ImportValue":"${stack}:`))).toHaveLength(2 * functions)
    }
  })

  it('sends every alarm, and its recovery, to the topic', () => {
    expect(alarms()).toHaveLength(13)
    for (const alarm of alarms()) {
      expect(alarm.Properties.AlarmActions).toEqual([topicRef()])
      expect(alarm.Properties.OKActions).toEqual([topicRef()])
    }
  })

  it('e-mails the owner when an address is configured, and only then', () => {
    configured()
      .template((s) => s.alarms)
      .hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.nl' })
    journal()
      .template((s) => s.alarms)
      .resourceCountIs('AWS::SNS::Subscription', 0)
  })

  it("lets CloudWatch alarms of the journal's own account publish to the topic", () => {
    const alarmsStack = journal().stacks.alarms
    journal()
      .template((s) => s.alarms)
      .hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Sid: Match.anyValue(),
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: topicRef(),
              Condition: { StringEquals: { 'aws:SourceAccount': alarmsStack.resolve(alarmsStack.account) } },
            },
          ]),
        },
        Topics: [topicRef()],
      })
  })

  it('accepts publications to the topic over TLS only', () => {
    journal()
      .template((s) => s.alarms)
      .hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      })
  })
})
