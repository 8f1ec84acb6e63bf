import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager'
import type { Construct } from 'constructs'
import { ADMIN_PATHS, LAMBDA_ENV, SERVANT_API_PATHS } from '../../functions/lambda/function-config.js'
import type { JournalConfig } from '../config.js'
import { JournalFunction, logRetention } from '../constructs/journal-function.js'

export interface ApiStackProps extends StackProps {
  readonly config: JournalConfig
  readonly table: ITableV2
  /** The public site's address, for the admin's links to published pages. */
  readonly siteUrl: string
}

/** Fields of one access-log line: enough to trace a request and spot abuse, nothing from its body. */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  userAgent: '$context.identity.userAgent',
}

/**
 * The journal API behind one HTTP API: the lean API function (public reads, everyday owner writes)
 * answers every path except ADMIN_PATHS, which go to the admin function (admin web app, OpenAPI,
 * report drafts, calendar import, tokens, people), so the public API's bundle and cold start stay
 * small. A servant's public reads under /api/people (SERVANT_API_PATHS) come back to the API function.
 */
export class ApiStack extends Stack {
  readonly handler: JournalFunction
  readonly admin: JournalFunction
  readonly httpApi: apigw.HttpApi
  readonly stage: apigw.HttpStage

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props)
    const { config } = props
    this.handler = new JournalFunction(this, 'ApiFunction', {
      entry: 'functions/lambda/api.ts',
      description: "Journal API (Hono): public read routes and the owner's everyday writes",
      memorySize: 1024,
      logRetentionDays: config.logRetentionDays,
      environment: { [LAMBDA_ENV.person]: config.person },
    })
    this.handler.bindTable({ table: props.table, access: 'readWrite' })
    this.admin = this.adminFunction(props)

    const api = new HttpLambdaIntegration('Api', this.handler)
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: `Open Agenda Journal API of ${config.person}`,
      createDefaultStage: false,
      defaultIntegration: api,
    })
    const admin = new HttpLambdaIntegration('Admin', this.admin)
    const route = (path: string, integration: HttpLambdaIntegration) => {
      const exact = path.includes('.')
      this.httpApi.addRoutes({ path, methods: [exact ? apigw.HttpMethod.GET : apigw.HttpMethod.ANY], integration })
      if (!exact) this.httpApi.addRoutes({ path: `${path}/{proxy+}`, methods: [apigw.HttpMethod.ANY], integration })
    }
    for (const path of ADMIN_PATHS) route(path, admin)
    // More specific than /api/people/{proxy+}, so API Gateway sends a servant's public reads to the lean API.
    for (const path of SERVANT_API_PATHS) route(path, api)
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logRetention(config.logRetentionDays) })
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    })
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public GET routes serve open data to anyone by design, and the owner routes check the bearer token ' +
        'or admin session in the application against what DynamoDB stores, the same check that runs locally.',
    })
    new CfnOutput(this, 'ApiUrl', {
      value: this.stage.url,
      description: 'Base URL of the journal API (append api/health to check it, admin for the admin)',
    })
  }

  /** The owner's tools; the key signing admin sessions is generated and kept in Secrets Manager, read at run time. */
  private adminFunction(props: ApiStackProps): JournalFunction {
    const sessionSecret = new secretsmanager.Secret(this, 'SessionSecret', {
      description: "Signs the journal admin's session cookies; replace it to sign everyone out",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    })
    Validations.of(sessionSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the session key signs every session out, and instances already running keep the key they read ' +
        'at their cold start, so it is rotated by hand: a new value, then new instances (README).',
    })
    const admin = new JournalFunction(this, 'AdminFunction', {
      entry: 'functions/lambda/admin.ts',
      description: 'Journal admin and owner tools: admin web app, OpenAPI, reports, import, tokens',
      // A calendar import may take a while; the HTTP API waits at most 30 seconds.
      timeout: Duration.seconds(29),
      memorySize: 1024,
      logRetentionDays: props.config.logRetentionDays,
      environment: {
        [LAMBDA_ENV.person]: props.config.person,
        [LAMBDA_ENV.siteUrl]: props.siteUrl,
        // The ARN only: the key in the environment could be read by anyone allowed lambda:GetFunctionConfiguration.
        [LAMBDA_ENV.sessionSecretArn]: sessionSecret.secretArn,
      },
    })
    // Read only, this one secret; not grantRead, which adds DescribeSecret the function does not need.
    admin.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [sessionSecret.secretArn] }),
    )
    admin.bindTable({ table: props.table, access: 'readWrite' })
    return admin
  }
}
