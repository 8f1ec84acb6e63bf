import { Duration, Validations } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs'
import * as logs from 'aws-cdk-lib/aws-logs'
import type { Construct } from 'constructs'
import { LAMBDA_ENV } from '../../functions/lambda/function-config.js'
import { fromRoot, REPO_ROOT } from '../paths.js'
import { grantTable, type TableAccess } from './table-access.js'

export interface JournalFunctionProps {
  /** The handler file, relative to the repository root, e.g. `functions/lambda/api.ts`; it exports `handler`. */
  readonly entry: string
  /** One line for the console: what this function does. */
  readonly description: string
  /** @default Duration.seconds(10) — an API call or a stream batch never needs longer */
  readonly timeout?: Duration
  /** @default 512 — on arm64 this buys enough CPU for a fast cold start of the bundled SDK */
  readonly memorySize?: number
  /** Variables added to the defaults (NODE_OPTIONS for source maps). @default {} */
  readonly environment?: Record<string, string>
  /** @default 90 */
  readonly logRetentionDays?: number
}

/** How a function may use the journal table. */
export interface TableBinding {
  readonly table: ITableV2
  /** `read` for functions that only export or display; `readWrite` for the API and the digest job. */
  readonly access: TableAccess
}

/**
 * A Lambda function with every journal default in one place, so no stack repeats them:
 * arm64 (cheaper per GB-second than x86), Node.js 24 (the newest GA Lambda runtime in this CDK),
 * minified ESM with source maps (stack traces point at the TypeScript), active X-Ray tracing,
 * JSON logs into its own log group with a retention period, and a role that may write only to
 * that log group. Bundling uses the esbuild in node_modules, never Docker, so synthesis works
 * offline. The AWS SDK is bundled rather than taken from the runtime: the deployed code then uses
 * exactly the SDK version the tests ran against.
 */
export class JournalFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: JournalFunctionProps) {
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}: ${props.description}`,
    })
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logRetention(props.logRetentionDays ?? 90) })
    logGroup.grantWrite(role)
    super(scope, id, {
      entry: fromRoot(props.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: fromRoot('package-lock.json'),
      description: props.description,
      runtime: JOURNAL_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: JOURNAL_BUNDLING,
    })
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions, ' +
        'so tracing needs Resource "*".',
    })
  }

  /** Lets the function use the table with least privilege (see table-access.ts) and tells it the table's name. */
  bindTable({ table, access }: TableBinding): void {
    grantTable(this, table, access)
    this.addEnvironment(LAMBDA_ENV.table, table.tableName)
  }
}

/** The Lambda runtime of every function. */
export const JOURNAL_RUNTIME = lambda.Runtime.NODEJS_24_X

/**
 * Modules every function's bundle takes in place of another: the SDK's default credential chain
 * becomes the environment's credentials, which is where Lambda puts them (functions/lambda/lambda-credentials.ts).
 */
const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': fromRoot('functions/lambda/lambda-credentials.ts'),
}

/** esbuild settings shared by every function; exported so tests can check them. */
export const JOURNAL_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  externalModules: [],
  // Some dependencies still call require(); give the ESM bundle one.
  banner: "import{createRequire as __journalRequire}from'node:module';const require=__journalRequire(import.meta.url);",
  esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([name, path]) => [`--alias:${name}`, path])),
  forceDockerBundling: false,
}

/**
 * JOURNAL_BUNDLING as esbuild's own options, for the bench and the tests that bundle an entry
 * without CDK, so they measure the bundle that is deployed: with `module` before `main` the AWS
 * SDK's ES builds tree-shake (a Hono + DynamoDB handler: 356 KB, against 551 KB with esbuild's
 * default order for Node).
 */
export const JOURNAL_ESBUILD = {
  bundle: true,
  platform: 'node',
  // What NodejsFunction derives from the runtime: nodejs24.x → node24.
  target: JOURNAL_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
  format: 'esm',
  minify: JOURNAL_BUNDLING.minify,
  mainFields: JOURNAL_BUNDLING.mainFields,
  banner: { js: JOURNAL_BUNDLING.banner! },
  alias: LAMBDA_ALIASES,
} as const satisfies Record<string, unknown>

/** The CloudWatch retention setting for a number of days (one of the values CloudWatch accepts). */
export function logRetention(days: number): logs.RetentionDays {
  const value = Object.values(logs.RetentionDays).find((d) => d === days)
  if (value === undefined) throw new Error(`CloudWatch Logs cannot keep logs for ${days} days`)
  return value as logs.RetentionDays
}
