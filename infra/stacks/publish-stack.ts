import { readFileSync } from 'node:fs'
import { CfnOutput, Duration, IgnoreMode, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront'
import * as codebuild from 'aws-cdk-lib/aws-codebuild'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources'
import * as logs from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Asset } from 'aws-cdk-lib/aws-s3-assets'
import * as scheduler from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import type { Construct } from 'constructs'
import { LAMBDA_ENV, PUBLISHED_KEY_PREFIXES, SCHEDULED_PUBLISH_CHECK } from '../../functions/lambda/function-config.js'
import type { JournalConfig } from '../config.js'
import { DeadLetterQueue } from '../constructs/dead-letter-queue.js'
import { JournalFunction, logRetention } from '../constructs/journal-function.js'
import { schedulerRole } from '../constructs/scheduler-role.js'
import { grantTable } from '../constructs/table-access.js'
import { nagRef } from '../nag.js'
import { fromRoot, REPO_ROOT } from '../paths.js'
import { publishBuildSpec } from '../publish/buildspec.js'

export interface PublishStackProps extends StackProps {
  readonly config: JournalConfig
  readonly table: ITableV2
  readonly siteBucket: IBucket
  readonly distribution: IDistribution
  /** The site stack's policy for uploading and invalidating. */
  readonly publisherPolicy: iam.IManagedPolicy
  readonly siteUrl: string
}

/** How long the stream gathers changes before the trigger runs: a burst of edits becomes one build. */
export const STREAM_BATCHING_WINDOW = Duration.seconds(60)

/** How often the trigger checks whether an embargo ended or a post came out since the last build. */
export const SCHEDULED_CHECK_RATE = Duration.minutes(15)

/**
 * The publish pipeline: a change to a published item → the DynamoDB stream → the publish trigger
 * (functions/lambda/publish.ts), which debounces and starts at most one build at a time → CodeBuild
 * runs the export and the Astro build, uploads site/dist and invalidates CloudFront. A schedule
 * also asks the trigger every 15 minutes whether an embargo ended since the last build.
 */
export class PublishStack extends Stack {
  readonly project: codebuild.Project
  readonly trigger: JournalFunction
  readonly deadLetters: DeadLetterQueue

  constructor(scope: Construct, id: string, props: PublishStackProps) {
    super(scope, id, props)
    const { config } = props
    this.project = this.buildProject(props)

    this.deadLetters = new DeadLetterQueue(this, 'PublishDeadLetters', {
      purpose: 'journal changes whose site build could not be started',
    })
    this.trigger = new JournalFunction(this, 'PublishFunction', {
      entry: 'functions/lambda/publish.ts',
      description: 'Publish trigger: starts a site build for journal changes, one build at a time',
      // Long enough to wait for a running build to finish and start the next one.
      timeout: Duration.minutes(10),
      memorySize: 256,
      logRetentionDays: config.logRetentionDays,
      environment: { [LAMBDA_ENV.buildProject]: this.project.projectName },
    })
    this.trigger.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds', 'codebuild:ListBuildsForProject'],
        resources: [this.project.projectArn],
      }),
    )
    this.trigger.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 1000,
        maxBatchingWindow: STREAM_BATCHING_WINDOW,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(6),
        bisectBatchOnError: false,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.deadLetters.queue),
        filters: [
          lambda.FilterCriteria.filter({
            dynamodb: { Keys: { pk: { S: PUBLISHED_KEY_PREFIXES.map((prefix) => ({ prefix })) } } },
          }),
        ],
      }),
    )
    // Embargoes end and posts come out without a change in the store: check for that regularly.
    new scheduler.Schedule(this, 'ScheduledPublishCheck', {
      description: 'Publishes when an embargo has ended or a post has come out since the last build',
      schedule: scheduler.ScheduleExpression.rate(SCHEDULED_CHECK_RATE),
      target: new LambdaInvoke(this.trigger, {
        role: schedulerRole(
          this,
          'ScheduleRole',
          this.trigger,
          'Lets the scheduled publish check invoke the publish trigger',
        ),
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULED_PUBLISH_CHECK),
        // A missed check is made up by the next one.
        retryAttempts: 0,
        maxEventAge: SCHEDULED_CHECK_RATE,
      }),
    })
    this.trigger.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: SCHEDULED_CHECK_RATE })

    new CfnOutput(this, 'BuildProjectName', {
      value: this.project.projectName,
      description: 'Start a publish by hand: aws codebuild start-build --project-name <this>',
    })
  }

  private buildProject(props: PublishStackProps): codebuild.Project {
    const { config } = props
    const source = new Asset(this, 'Source', {
      path: REPO_ROOT,
      ignoreMode: IgnoreMode.GIT,
      exclude: sourceExcludes(),
    })
    const project = new codebuild.Project(this, 'SiteBuild', {
      description: 'Exports the public snapshot, builds the site with Astro, uploads it and invalidates CloudFront',
      source: codebuild.Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      buildSpec: codebuild.BuildSpec.fromObject(publishBuildSpec()),
      environment: {
        buildImage: codebuild.LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0,
        computeType: codebuild.ComputeType.SMALL,
        environmentVariables: {
          [LAMBDA_ENV.table]: { value: props.table.tableName },
          [LAMBDA_ENV.person]: { value: config.person },
          JOURNAL_SITE_URL: { value: props.siteUrl },
          SITE_BUCKET: { value: props.siteBucket.bucketName },
          DISTRIBUTION_ID: { value: props.distribution.distributionId },
        },
      },
      cache: codebuild.Cache.local(codebuild.LocalCacheMode.CUSTOM),
      // One build at a time: two uploads racing could leave the older snapshot online.
      concurrentBuildLimit: 1,
      timeout: Duration.minutes(30),
      queuedTimeout: Duration.hours(1),
      logging: {
        cloudWatch: {
          logGroup: new logs.LogGroup(this, 'SiteBuildLogs', { retention: logRetention(config.logRetentionDays) }),
        },
      },
    })
    grantTable(project, props.table, 'read')
    project.role!.addManagedPolicy(props.publisherPolicy)
    const acknowledge = (finding: string, reason: string) =>
      Validations.of(project.role!).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason })
    for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*']) {
      acknowledge(
        `Action::${action}`,
        "CDK's grant to read the build's source archive uses these read-only wildcards, " +
          'and only on that archive and the CDK asset bucket holding it.',
      )
    }
    acknowledge(
      'Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:' +
        `log-group:/aws/codebuild/${nagRef(project)}:*`,
      "CodeBuild's default log group grant covers the log streams of this one project.",
    )
    acknowledge(
      `Resource::arn:<AWS::Partition>:codebuild:<AWS::Region>:<AWS::AccountId>:report-group/${nagRef(project)}-*`,
      "CodeBuild names a project's report groups after the project, " +
        "so the wildcard reaches only this project's reports.",
    )
    Validations.of(project).acknowledge({
      id: 'AwsSolutions-CB4',
      reason:
        'The build produces no artifacts (it uploads to the site bucket, which S3 encrypts), ' +
        'so a customer managed key would protect nothing and cost a monthly fee.',
    })
    return project
  }
}

/** What the site build needs from the repository; nothing else is uploaded as its source. */
export const BUILD_SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'functions',
  'site',
  'content',
  'infra',
] as const

/**
 * The build's source upload, as exclusions in .gitignore syntax: everything at the top level except
 * BUILD_SOURCES, and inside those what git ignores plus local output — dependencies, site builds
 * (`site/dist`, `site/dist2k`, …), the local database and owner token in .journal/, secrets.
 */
export function sourceExcludes(): string[] {
  const gitignore = readFileSync(fromRoot('.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  return [
    '/*',
    ...BUILD_SOURCES.map((path) => `!/${path}`),
    ...gitignore,
    'node_modules/',
    '.journal/',
    '.env*',
    '*.pem',
    'cdk.out/',
    'site/dist*/',
    'site/.astro/',
  ]
}
