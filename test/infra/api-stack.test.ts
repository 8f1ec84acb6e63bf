import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { createApiApp, baseApp } from '../../functions/api/api-app.js'
import { mountTools } from '../../functions/api/tools-app.js'
import { mountAdmin } from '../../functions/admin/app.js'
import { ADMIN_PATHS, SERVANT_API_PATHS } from '../../functions/lambda/function-config.js'
import { ACCESS_LOG_FIELDS } from '../../infra/stacks/api-stack.js'
import { bundleDir, invokeBundle } from './support/run-bundle.js'
import { configured, journal, logicalId } from './support/synth-journal.js'

const api = () => journal().template((s) => s.api)

describe('api stack', () => {
  it('runs the Hono handler from functions/lambda/api.ts for the configured person', () => {
    api().hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: { Variables: Match.objectLike({ JOURNAL_PERSON: 'demo', JOURNAL_TABLE: Match.anyValue() }) },
    })
    configured()
      .template((s) => s.api)
      .hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ JOURNAL_PERSON: 'jansen' }) },
      })
  })

  it("sends the owner's tools to the admin function, and servants' public reads and all else to the API", () => {
    api().resourceCountIs('AWS::ApiGatewayV2::Api', 1)
    api().hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    const integrations = api().findResources('AWS::ApiGatewayV2::Integration')
    const functionOf = (target: { 'Fn::Join': [string, [string, { Ref: string }]] }) =>
      JSON.stringify(integrations[target['Fn::Join'][1][1].Ref]!.Properties.IntegrationUri)
    const routes = Object.fromEntries(
      Object.values(api().findResources('AWS::ApiGatewayV2::Route')).map((r) => [
        r.Properties.RouteKey as string,
        functionOf(r.Properties.Target),
      ]),
    )
    const { handler, admin } = journal().stacks.api
    expect(routes.$default).toContain(logicalId(handler))
    expect(Object.keys(routes).sort()).toEqual([
      '$default',
      'ANY /admin',
      'ANY /admin/{proxy+}',
      'ANY /api/digests',
      'ANY /api/digests/{proxy+}',
      'ANY /api/import',
      'ANY /api/import/{proxy+}',
      'ANY /api/organisation',
      'ANY /api/organisation/{proxy+}',
      'ANY /api/people',
      'ANY /api/people/{person}/entries',
      'ANY /api/people/{person}/entries/{proxy+}',
      'ANY /api/people/{person}/posts',
      'ANY /api/people/{person}/posts/{proxy+}',
      'ANY /api/people/{person}/profile',
      'ANY /api/people/{person}/profile/{proxy+}',
      'ANY /api/people/{proxy+}',
      'ANY /api/reports',
      'ANY /api/reports/{proxy+}',
      'ANY /api/tokens',
      'ANY /api/tokens/{proxy+}',
      'GET /api/openapi.json',
    ])
    const toApi = (route: string) => route === '$default' || route.startsWith('ANY /api/people/{person}/')
    for (const [route, fn] of Object.entries(routes))
      expect(fn, route).toContain(logicalId(toApi(route) ? handler : admin))
    for (const integration of Object.values(integrations))
      expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' })
  })

  it('routes exactly the paths each app answers (ADMIN_PATHS agrees with the Hono apps)', () => {
    const deps = { db: {} as never, person: 'demo' }
    const paths = (app: { routes: { path: string }[] }) => [
      ...new Set(app.routes.map((r) => r.path).filter((p) => p !== '/*' && p !== '*')),
    ]
    const under = (prefixes: readonly string[], path: string) =>
      prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    const servantPaths = SERVANT_API_PATHS.map((p) => p.replace('{person}', ':person'))
    const underAdmin = (path: string) => under(ADMIN_PATHS, path) && !under(servantPaths, path)
    const adminPaths = paths(mountAdmin(mountTools(baseApp(deps)), { ...deps, sessionSecret: 'x'.repeat(32) }))
    const apiPaths = paths(createApiApp(deps))
    expect(adminPaths.filter((p) => !underAdmin(p))).toEqual([])
    expect(apiPaths.filter(underAdmin)).toEqual([])
    expect(apiPaths).toContain('/api/entries')
    expect(apiPaths).toContain('/api/people/:person/entries/:id')
    expect(adminPaths).toContain('/api/people/:person/digests/:week')
  })

  it('gives the admin a generated session key through a dynamic reference, never in the template', () => {
    api().hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    })
    const admin = api().findResources('AWS::Lambda::Function')[logicalId(journal().stacks.api.admin)]!.Properties
    expect(JSON.stringify(admin.Environment.Variables.JOURNAL_SESSION_SECRET)).toMatch(
      /\{\{resolve:secretsmanager:.*:SecretString:::\}\}/,
    )
    expect(admin.Environment.Variables).toMatchObject({
      JOURNAL_PERSON: 'demo',
      JOURNAL_SITE_URL: expect.anything(),
      JOURNAL_TABLE: expect.anything(),
    })
    expect(admin.Timeout).toBeLessThanOrEqual(29)
  })

  it('throttles the stage with the configured rate and burst', () => {
    api().hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    })
    configured()
      .template((s) => s.api)
      .hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      })
  })

  it('writes JSON access logs to a log group with a retention period', () => {
    const logGroups = api().findResources('AWS::Logs::LogGroup')
    const stage = Object.values(api().findResources('AWS::ApiGatewayV2::Stage'))[0]!
    const destination = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0] as string
    expect(logGroups[destination]?.Properties).toMatchObject({ RetentionInDays: 90 })
    expect(
      Object.values(
        configured()
          .template((s) => s.api)
          .findResources('AWS::Logs::LogGroup'),
      ).map((g) => g.Properties.RetentionInDays),
    ).toEqual([365, 365, 365])
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toEqual(ACCESS_LOG_FIELDS)
  })

  it('lets only this API invoke the function', () => {
    api().hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Match.anyValue(),
    })
  })

  it('deploys a bundle that loads on its own and answers GET /api/health through the HTTP API event format', () => {
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/health',
      rawQueryString: '',
      isBase64Encoded: false,
      headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', accept: 'application/json' },
      requestContext: {
        http: { method: 'GET', path: '/api/health', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
        domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
        apiId: 'abc123',
        requestId: 'r1',
        routeKey: '$default',
        stage: '$default',
        accountId: '123456789012',
        time: '16/Mar/2015:09:00:00 +0000',
        timeEpoch: 1426496400000,
      },
    }
    const response = invokeBundle(bundleDir(journal(), journal().stacks.api.handler), event, {
      JOURNAL_TABLE: 'journal',
      JOURNAL_PERSON: 'demo',
    }) as { statusCode: number; body: string }
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
  })

  it('deploys an admin bundle that loads on its own and serves the OpenAPI description', () => {
    const event = {
      version: '2.0',
      routeKey: 'GET /api/openapi.json',
      rawPath: '/api/openapi.json',
      rawQueryString: '',
      isBase64Encoded: false,
      headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
      requestContext: {
        http: {
          method: 'GET',
          path: '/api/openapi.json',
          protocol: 'HTTP/1.1',
          sourceIp: '192.0.2.1',
          userAgent: 'vitest',
        },
        domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
        apiId: 'abc123',
        requestId: 'r2',
        routeKey: 'GET /api/openapi.json',
        stage: '$default',
        accountId: '123456789012',
        time: '16/Mar/2015:09:00:00 +0000',
        timeEpoch: 1426496400000,
      },
    }
    const env = {
      JOURNAL_TABLE: 'journal',
      JOURNAL_PERSON: 'demo',
      JOURNAL_SESSION_SECRET: 'k'.repeat(64),
      JOURNAL_SITE_URL: 'https://agenda.example.nl',
    }
    const response = invokeBundle(bundleDir(journal(), journal().stacks.api.admin), event, env) as {
      statusCode: number
      body: string
    }
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ openapi: expect.stringMatching(/^3\./) })
  })
})
