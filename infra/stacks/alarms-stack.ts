import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib'
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import type { IProject } from 'aws-cdk-lib/aws-codebuild'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as sns from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { Construct } from 'constructs'
import type { JournalConfig } from '../config.js'
import type { DeadLetterQueue } from '../constructs/dead-letter-queue.js'
import type { JournalFunction } from '../constructs/journal-function.js'

export interface AlarmsStackProps extends StackProps {
  readonly config: JournalConfig
  /** Every journal Lambda function, by a short name used in the alarm descriptions. */
  readonly functions: Record<string, JournalFunction>
  readonly httpApi: IHttpApi
  readonly deadLetterQueues: DeadLetterQueue[]
  readonly buildProject: IProject
}

const PERIOD = Duration.minutes(5)

/**
 * Everything that needs a person, on one SNS topic (e-mailed to `alarmEmail` when configured):
 * Lambda errors and throttles, API 5xx answers, messages in a dead-letter queue, failed site builds.
 * Each alarm fires on the first occurrence, because at one servant's scale any of these is rare.
 */
export class AlarmsStack extends Stack {
  readonly topic: sns.Topic
  readonly alarms: cloudwatch.Alarm[] = []

  constructor(scope: Construct, id: string, props: AlarmsStackProps) {
    super(scope, id, props)
    const { config } = props
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `Open Agenda Journal alarms (${config.person})`,
      enforceSSL: true,
    })
    // enforceSSL gives the topic a policy of its own, which replaces SNS's default one: without this
    // Allow, CloudWatch may not publish to the topic and every alarm action fails without a word.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    )
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail))

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(
        `${name}Errors`,
        fn.metricErrors({ period: PERIOD, statistic: 'Sum' }),
        `The ${name} function failed. Its log group ${fn.logGroup.logGroupName} has the error and the request.`,
      )
      this.alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }),
        `The ${name} function was throttled: the account's Lambda concurrency is used up by something else.`,
      )
    }
    this.alarm(
      'Api5xx',
      props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      "The API answered 5xx. Look for the request id in the API function's log.",
    )
    for (const dlq of props.deadLetterQueues) {
      this.alarm(
        `${dlq.node.id}Depth`,
        dlq.queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
        `A message waits in a dead-letter queue: ${dlq.purpose}. Read it, fix the cause, then delete it.`,
      )
    }
    this.alarm(
      'SiteBuildFailed',
      props.buildProject.metricFailedBuilds({ period: PERIOD, statistic: 'Sum' }),
      'A site build failed; the previous site is still online. The build log in CodeBuild says why.',
    )
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.topic.topicArn,
      description: "Subscribe here to receive the journal's alarms",
    })
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    })
    alarm.addAlarmAction(new SnsAction(this.topic))
    alarm.addOkAction(new SnsAction(this.topic))
    this.alarms.push(alarm)
  }
}
