import { readFileSync } from 'node:fs'
import { CfnOutput, Duration, IgnoreMode, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront'
import * as codebuild from 'aws-cdk-lib/aws-codebuild'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as s3 from 'aws-cdk-lib/aws-s3'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { Asset } from 'aws-cdk-lib/aws-s3-assets'
import * as scheduler from 'aws-cdk-lib/aws-scheduler'
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'
import {
  LAMBDA_ENV,
  ORGANISATION_ITEM,
  PUBLISHED_KEY_PREFIXES,
  REPUBLISH,
  SCHEDULED_PUBLISH_CHECK,
} from '../../functions/lambda/function-config.js'
import type { JournalConfig } from '../config.js'
import { DeadLetterQueue } from '../constructs/dead-letter-queue.js'
import { JournalFunction, logRetention } from '../constructs/journal-function.js'
import { schedulerRole } from '../constructs/scheduler-role.js'
import { grantPublishState } from '../constructs/table-access.js'
import { nagRef } from '../nag.js'
import { fromRoot, REPO_ROOT } from '../paths.js'
import { publishBuildSpec } from '../publish/buildspec.js'
import { privateBucket } from './site-stack.js'

export interface PublishStackProps extends StackProps {
  readonly config: JournalConfig
  readonly table: ITableV2
  readonly siteBucket: IBucket
  readonly distribution: IDistribution
  /** The site stack's policy for uploading and invalidating. */
  readonly publisherPolicy: iam.IManagedPolicy
  readonly siteUrl: string
}

/** How long the stream gathers changes before the function runs: a burst of edits becomes one build. */
export const STREAM_BATCHING_WINDOW = Duration.seconds(60)

/** How often the function checks whether an embargo ended or a post came out since a part's last build. */
export const SCHEDULED_CHECK_RATE = Duration.minutes(15)

/** The publish function waits for the build it started; a build of a part takes minutes, not this long. */
export const PUBLISH_FUNCTION_TIMEOUT = Duration.minutes(15)

/**
 * The publish pipeline of an organisation's site, one part at a time (a servant's section, or the
 * pages at the root; functions/publish/part-publisher.ts):
 * a change to a published item → the DynamoDB stream → the publish function, which asks for the
 * parts it bears on on a FIFO queue (the part as message group) → the same function, one part per
 * invocation: it exports the part's public snapshot into a private bucket, starts the one
 * CodeBuild project for that part and waits for it; the build fetches the snapshot, builds with
 * Astro and uploads into the part's folder. Builds of one part never overlap; across parts the
 * queue's event source caps them at `publishConcurrency`, below the account's build quota. The
 * build's role cannot read the table, only the snapshot. A schedule asks every 15 minutes for
 * parts whose snapshot went stale by itself (an embargo ended).
 */
export class PublishStack extends Stack {
  readonly project: codebuild.Project
  readonly trigger: JournalFunction
  readonly snapshots: s3.Bucket
  readonly requests: sqs.Queue
  /** Stream batches that could not be turned into requests, and requests that failed every retry. */
  readonly deadLetters: DeadLetterQueue
  readonly failedRequests: DeadLetterQueue

  constructor(scope: Construct, id: string, props: PublishStackProps) {
    super(scope, id, props)
    const { config } = props
    this.snapshots = new s3.Bucket(this, 'Snapshots', {
      ...privateBucket,
      // Each publish writes a part's snapshot anew; older ones have no use.
      lifecycleRules: [{ expiration: Duration.days(400) }],
    })
    Validations.of(this.snapshots).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Holds only public snapshots that the publish function writes and the site build reads, ' +
        'each rewritten at every publish; CloudTrail records who touched the bucket.',
    })
    this.project = this.buildProject(props)

    this.deadLetters = new DeadLetterQueue(this, 'PublishDeadLetters', {
      purpose: 'journal changes whose publish could not be requested',
    })
    this.failedRequests = new DeadLetterQueue(this, 'PublishRequestDeadLetters', {
      purpose: 'parts of the site whose build failed or could not start after every retry',
      fifo: true,
      redriveFromQueue: true,
    })
    this.requests = new sqs.Queue(this, 'PublishRequests', {
      fifo: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // At least the function's timeout, or a request still being built would be handed out again.
      visibilityTimeout: PUBLISH_FUNCTION_TIMEOUT.plus(Duration.minutes(1)),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.failedRequests.queue, maxReceiveCount: 5 },
    })
    this.trigger = new JournalFunction(this, 'PublishFunction', {
      entry: 'functions/lambda/publish.ts',
      description: 'Publishes the site one part at a time: requests parts, exports their snapshots, runs their builds',
      timeout: PUBLISH_FUNCTION_TIMEOUT,
      // The organisation's snapshot holds every servant's public entries.
      memorySize: 1024,
      logRetentionDays: config.logRetentionDays,
      environment: {
        [LAMBDA_ENV.person]: config.person,
        [LAMBDA_ENV.buildProject]: this.project.projectName,
        [LAMBDA_ENV.snapshotBucket]: this.snapshots.bucketName,
        [LAMBDA_ENV.publishQueue]: this.requests.queueUrl,
      },
    })
    this.trigger.bindTable({ table: props.table, access: 'read' })
    grantPublishState(this.trigger, props.table)
    grantSnapshots(this.trigger, this.snapshots, ['s3:GetObject', 's3:PutObject'])
    // Without it S3 answers a snapshot not yet written with 403 AccessDenied, not 404 NoSuchKey, and
    // the root's export, which exports a section never exported, would fail instead.
    this.trigger.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.snapshots.bucketArn] }),
    )
    this.requests.grantSendMessages(this.trigger)
    this.trigger.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'],
        resources: [this.project.projectArn],
      }),
    )
    // Starting a build with another buildspec would run any command with the build's role. (Another
    // role would need iam:PassRole, which the function does not have.)
    this.trigger.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['codebuild:StartBuild'],
        resources: ['*'],
        conditions: { Null: { 'codebuild:source.buildspec': 'false' } },
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
          lambda.FilterCriteria.filter({
            dynamodb: { Keys: { pk: { S: [ORGANISATION_ITEM.pk] }, sk: { S: [ORGANISATION_ITEM.sk] } } },
          }),
        ],
      }),
    )
    this.trigger.addEventSource(
      new SqsEventSource(this.requests, { batchSize: 1, maxConcurrency: config.publishConcurrency }),
    )
    // Embargoes end and posts come out without a change in the store: check for that regularly.
    new scheduler.Schedule(this, 'ScheduledPublishCheck', {
      description: 'Publishes the parts whose embargo ended or whose post came out since their last build',
      schedule: scheduler.ScheduleExpression.rate(SCHEDULED_CHECK_RATE),
      target: new LambdaInvoke(this.trigger, {
        role: schedulerRole(
          this,
          'ScheduleRole',
          this.trigger,
          'Lets the scheduled publish check invoke the publish function',
        ),
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULED_PUBLISH_CHECK),
        // A missed check is made up by the next one.
        retryAttempts: 0,
        maxEventAge: SCHEDULED_CHECK_RATE,
      }),
    })
    this.trigger.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: SCHEDULED_CHECK_RATE })

    new CfnOutput(this, 'PublishFunctionName', {
      value: this.trigger.functionName,
      description:
        'Republish every part: aws lambda invoke --function-name <this> ' +
        `--cli-binary-format raw-in-base64-out --payload '${JSON.stringify(REPUBLISH)}' /dev/stdout`,
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
      description:
        'Builds one part of the site from its public snapshot with Astro, uploads it and invalidates CloudFront',
      source: codebuild.Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      buildSpec: codebuild.BuildSpec.fromObject(publishBuildSpec()),
      environment: {
        buildImage: codebuild.LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0,
        computeType: codebuild.ComputeType.SMALL,
        environmentVariables: {
          SNAPSHOT_BUCKET: { value: this.snapshots.bucketName },
          JOURNAL_SITE_URL: { value: props.siteUrl },
          SITE_BUCKET: { value: props.siteBucket.bucketName },
          DISTRIBUTION_ID: { value: props.distribution.distributionId },
        },
      },
      cache: codebuild.Cache.local(codebuild.LocalCacheMode.CUSTOM),
      // No concurrentBuildLimit: the publish queue caps builds (its event source's maximum
      // concurrency), and CodeBuild refuses to create a project whose limit exceeds the account's
      // quota (1 on many new accounts), which would fail the deployment.
      timeout: Duration.minutes(30),
      queuedTimeout: Duration.hours(1),
      logging: {
        cloudWatch: {
          logGroup: new logs.LogGroup(this, 'SiteBuildLogs', { retention: logRetention(config.logRetentionDays) }),
        },
      },
    })
    // No access to the table: the build reads the part's public snapshot and nothing else (fix 3).
    grantSnapshots(project, this.snapshots, ['s3:GetObject'])
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

/** Access to the snapshots, object by object (no deleting): the function writes, the build reads. */
function grantSnapshots(grantee: iam.IGrantable & Construct, bucket: s3.IBucket, actions: string[]): void {
  const objects = ['people/*', 'organisation.json']
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions, resources: objects.map((key) => bucket.arnForObjects(key)) }),
  )
  const role = grantee instanceof codebuild.Project ? grantee.role! : (grantee as JournalFunction).role!
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagRef(bucket, 'Arn')}/people/*]`,
    reason: "One snapshot per servant, named after them: the wildcard reaches the servants' public snapshots only.",
  })
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
