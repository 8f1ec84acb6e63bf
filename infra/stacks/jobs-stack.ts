import { Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations'
import * as scheduler from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import type { Construct } from 'constructs'
import { DIGEST_RUN_TIME } from '../../functions/core/digest/index.js'
import { LAMBDA_ENV } from '../../functions/lambda/function-config.js'
import type { JournalConfig } from '../config.js'
import { DeadLetterQueue } from '../constructs/dead-letter-queue.js'
import { JournalFunction } from '../constructs/journal-function.js'
import { schedulerRole } from '../constructs/scheduler-role.js'

export interface JobsStackProps extends StackProps {
  readonly config: JournalConfig
  readonly table: ITableV2
}

/** Monday at `DIGEST_RUN_TIME` (07:00): last week is over and the digest is ready before the working day starts. */
export const DIGEST_SCHEDULE = {
  minute: String(Number(DIGEST_RUN_TIME.slice(3))),
  hour: String(Number(DIGEST_RUN_TIME.slice(0, 2))),
  weekDay: 'MON',
} as const

/**
 * Scheduled work: the weekly digest. EventBridge Scheduler (not a cron rule) because it keeps
 * the hour in the servant's time zone across daylight-saving changes.
 */
export class JobsStack extends Stack {
  readonly digest: JournalFunction
  readonly deadLetters: DeadLetterQueue

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props)
    const { config } = props
    this.deadLetters = new DeadLetterQueue(this, 'DigestDeadLetters', {
      purpose: 'weekly digest runs that failed after every retry',
    })
    this.digest = new JournalFunction(this, 'DigestFunction', {
      entry: 'functions/lambda/digest.ts',
      description: "Weekly digest: selects last week's public entries and stores the digest",
      timeout: Duration.minutes(1),
      logRetentionDays: config.logRetentionDays,
      environment: {
        [LAMBDA_ENV.person]: config.person,
        [LAMBDA_ENV.digestMode]: config.digestMode,
      },
    })
    this.digest.bindTable({ table: props.table, access: 'readWrite' })
    // The scheduler invokes asynchronously: its own retries cover delivery, these cover the run.
    this.digest.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters.queue),
    })

    const scheduleRole = schedulerRole(
      this,
      'ScheduleRole',
      this.digest,
      'Lets the weekly schedule invoke the digest function and park failed deliveries in its dead-letter queue',
    )
    new scheduler.Schedule(this, 'WeeklyDigest', {
      description: `Weekly digest of ${config.person}, Monday 07:00 ${config.timezone}`,
      schedule: scheduler.ScheduleExpression.cron({ ...DIGEST_SCHEDULE, timeZone: TimeZone.of(config.timezone) }),
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
  }
}
