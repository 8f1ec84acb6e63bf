import { CfnOutput, Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources'
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations'
import * as scheduler from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'
import { DIGEST_INTERVAL_MINUTES } from '../../functions/core/digest/index.js'
import { LAMBDA_ENV } from '../../functions/lambda/function-config.js'
import type { JournalConfig } from '../config.js'
import { DeadLetterQueue } from '../constructs/dead-letter-queue.js'
import { JournalFunction } from '../constructs/journal-function.js'
import { schedulerRole } from '../constructs/scheduler-role.js'

export interface JobsStackProps extends StackProps {
  readonly config: JournalConfig
  readonly table: ITableV2
}

/**
 * Every UTC quarter hour, all year: each servant's Monday 07:00, in whatever zone their profile
 * names, is one of these (see `isDigestDue`), so a servant in a new zone needs no new schedule.
 */
export const DIGEST_LOOK_SCHEDULE = { minute: `0/${DIGEST_INTERVAL_MINUTES}` } as const

/** Tries of one journal's digest job before it waits in the dead-letter queue for a person. */
export const DIGEST_JOB_ATTEMPTS = 3

/**
 * Digest jobs run at the same time at most: a Monday morning of hundreds of servants takes a few
 * minutes instead of the account's Lambda concurrency, which a new account has little of and the
 * API needs (the minimum an SQS event source accepts is 2).
 */
export const DIGEST_JOBS_AT_ONCE = 5

/**
 * Scheduled work: the weekly digest of every journal in the organisation. One EventBridge
 * Scheduler schedule invokes the digest function every quarter hour (UTC); that look queues a job
 * for each journal whose Monday 07:00 it is, and the same function runs the jobs from the queue,
 * one journal per invocation, so one failing journal is retried alone.
 */
export class JobsStack extends Stack {
  readonly digest: JournalFunction
  readonly jobs: sqs.Queue
  readonly deadLetters: DeadLetterQueue

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props)
    const { config } = props
    this.deadLetters = new DeadLetterQueue(this, 'DigestDeadLetters', {
      purpose: 'weekly digest looks or journal digest jobs that failed after every retry',
      redriveFromQueue: true,
    })
    const timeout = Duration.minutes(1)
    this.jobs = new sqs.Queue(this, 'DigestJobs', {
      // Lambda's advice: six times the function's timeout, so a job is not handed out twice while it runs.
      visibilityTimeout: Duration.minutes(6),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: DIGEST_JOB_ATTEMPTS },
    })
    this.digest = new JournalFunction(this, 'DigestFunction', {
      entry: 'functions/lambda/digest.ts',
      description: "Weekly digest: queues each journal at its Monday 07:00 and stores last week's digest",
      timeout,
      logRetentionDays: config.logRetentionDays,
      environment: {
        [LAMBDA_ENV.person]: config.person,
        [LAMBDA_ENV.digestMode]: config.digestMode,
        [LAMBDA_ENV.digestQueueUrl]: this.jobs.queueUrl,
      },
    })
    this.digest.bindTable({ table: props.table, access: 'readWrite' })
    this.jobs.grantSendMessages(this.digest)
    this.digest.addEventSource(
      new SqsEventSource(this.jobs, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: DIGEST_JOBS_AT_ONCE,
      }),
    )
    // The scheduler invokes asynchronously: its own retries cover delivery, these cover the look.
    this.digest.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters.queue),
    })

    const scheduleRole = schedulerRole(
      this,
      'ScheduleRole',
      this.digest,
      'Lets the quarter-hourly schedule invoke the digest function and park failed deliveries in its dead-letter queue',
    )
    new scheduler.Schedule(this, 'WeeklyDigest', {
      description: 'Every UTC quarter hour: queue the weekly digest of each journal whose Monday 07:00 it is',
      schedule: scheduler.ScheduleExpression.cron({ ...DIGEST_LOOK_SCHEDULE, timeZone: TimeZone.ETC_UTC }),
      target: new LambdaInvoke(this.digest, {
        role: scheduleRole,
        input: scheduler.ScheduleTargetInput.fromObject({
          source: 'journal.weekly-digest',
          scheduledTime: scheduler.ContextAttribute.scheduledTime,
        }),
        retryAttempts: 5,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetters.queue,
      }),
    })
    new CfnOutput(this, 'DigestQueueUrl', {
      value: this.jobs.queueUrl,
      description: 'The weekly digest jobs, one per journal; a failed job sent here again runs again',
    })
  }
}
