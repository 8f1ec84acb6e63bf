import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { createApiApp, baseApp } from '../../functions/api/api-app.js'
import { mountTools } from '../../functions/api/tools-app.js'
import { mountAdmin } from '../../functions/admin/app.js'
import { ADMIN_PATHS, SERVANT_API_PATHS } from '../../functions/lambda/function-config.js'
import { ACCESS_LOG_FIELDS } from '../../infra/stacks/api-stack.js'
import { httpApiEvent } from './support/http-api-event.js'
import { bundleDir, invokeBundle, invokeBundleWarm } from './support/run-bundle.js'
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
    // The first test synthesizes (and bundles) two whole apps: 16 s on an idle machine, twice that under load.
  }, 120_000)

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

  it('gives the admin a generated session key by its ARN, and the right to read that secret only', () => {
    api().hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    })
    const { admin: adminFunction } = journal().stacks.api
    const secretRef = { Ref: Object.keys(api().findResources('AWS::SecretsManager::Secret'))[0]! }
    const admin = api().findResources('AWS::Lambda::Function')[logicalId(adminFunction)]!.Properties
    expect(admin.Environment.Variables).toMatchObject({
      JOURNAL_SESSION_SECRET_ARN: secretRef,
      JOURNAL_PERSON: 'demo',
      JOURNAL_SITE_URL: expect.anything(),
      JOURNAL_TABLE: expect.anything(),
    })
    expect(admin.Timeout).toBeLessThanOrEqual(29)
    const statements = Object.values(api().findResources('AWS::IAM::Policy')).flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[]).map((statement) => ({
        ...statement,
        roles: policy.Properties.Roles,
      })),
    )
    const onSecret = statements.filter((s) => JSON.stringify(s.Resource).includes(secretRef.Ref))
    expect(onSecret).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: secretRef,
        roles: [{ Ref: logicalId(adminFunction.role!) }],
      }),
    ])
  })

  it("puts no secret's value in any function's environment, in any stack", () => {
    const synth = journal()
    for (const stack of Object.values(synth.stacks)) {
      const functions = synth.template(() => stack).findResources('AWS::Lambda::Function')
      for (const [id, fn] of Object.entries(functions)) {
        const environment = JSON.stringify(fn.Properties.Environment ?? {})
        expect(environment, `${stack.stackName} ${id}`).not.toMatch(/resolve:(secretsmanager|ssm-secure)/)
        expect(environment, `${stack.stackName} ${id}`).not.toMatch(/SecretString/)
      }
    }
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
    const event = httpApiEvent('GET', '/api/health', { headers: { accept: 'application/json' } })
    const response = invokeBundle(bundleDir(journal(), journal().stacks.api.handler), event, {
      JOURNAL_TABLE: 'journal',
      JOURNAL_PERSON: 'demo',
    }) as { statusCode: number; body: string }
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
  })

  describe('the admin bundle, with its session key in Secrets Manager', () => {
    const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SessionSecret-AbCdEf'
    const KEY = 'k'.repeat(64)
    const openApi = (requestId: string) => httpApiEvent('GET', '/api/openapi.json', { requestId })
    type Answer = { status: number; body: unknown }
    type Result = { statusCode: number; headers: Record<string, string>; body: string }

    /** A stand-in for Secrets Manager's JSON protocol that gives the listed answers in turn. */
    async function withSecretsManager(answers: Answer[], run: (endpoint: string) => Promise<void>) {
      const calls: { target: string; body: unknown }[] = []
      const server = createServer((req, res) => {
        let body = ''
        req.on('data', (chunk) => (body += chunk))
        req.on('end', () => {
          calls.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(body) })
          const answer = answers[Math.min(calls.length, answers.length) - 1]!
          res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.1' })
          res.end(JSON.stringify(answer.body))
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      } finally {
        server.close()
      }
      return calls
    }
    const run = (endpoint: string, events: unknown[]) =>
      invokeBundleWarm(bundleDir(journal(), journal().stacks.api.admin), events, {
        JOURNAL_TABLE: 'journal',
        JOURNAL_PERSON: 'demo',
        JOURNAL_SESSION_SECRET_ARN: SECRET_ARN,
        JOURNAL_SITE_URL: 'https://agenda.example.nl',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'example',
      }) as Promise<{ results: Result[]; log: string }>
    const found = { status: 200, body: { ARN: SECRET_ARN, Name: 'SessionSecret', SecretString: KEY } }

    it('reads the key once per instance and serves the OpenAPI description', async () => {
      let results: Result[] = []
      const calls = await withSecretsManager([found], async (endpoint) => {
        ;({ results } = await run(endpoint, [openApi('r1'), openApi('r2')]))
      })
      expect(calls).toEqual([{ target: 'secretsmanager.GetSecretValue', body: { SecretId: SECRET_ARN } }])
      expect(results.map((r) => r.statusCode)).toEqual([200, 200])
      expect(JSON.parse(results[0]!.body)).toMatchObject({ openapi: expect.stringMatching(/^3\./) })
    })

    it('answers 503 problem+json and logs why while the key cannot be read, and tries again', async () => {
      const denied = {
        status: 400,
        body: {
          __type: 'AccessDeniedException',
          message: 'User: arn:aws:sts::123456789012:assumed-role/AdminRole is not authorized to perform this action',
        },
      }
      let outcome = { results: [] as Result[], log: '' }
      const calls = await withSecretsManager([denied, found], async (endpoint) => {
        outcome = await run(endpoint, [openApi('r1'), openApi('r2')])
      })
      expect(calls).toHaveLength(2)
      const [refused, served] = outcome.results
      expect(refused).toMatchObject({
        statusCode: 503,
        headers: { 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '60' },
      })
      expect(JSON.parse(refused!.body)).toMatchObject({ status: 503, detail: expect.stringContaining('session key') })
      expect(served!.statusCode).toBe(200)
      expect(outcome.log).toContain(
        `The admin's session key could not be read from Secrets Manager (${SECRET_ARN}): AccessDeniedException`,
      )
      expect(outcome.log).toContain('secretsmanager:GetSecretValue')
      expect(outcome.log + JSON.stringify(outcome.results)).not.toContain(KEY)
    })

    it('refuses a key that is too short, saying so without showing it', async () => {
      const short = { status: 200, body: { ARN: SECRET_ARN, Name: 'SessionSecret', SecretString: 'short-key-1234' } }
      let outcome = { results: [] as Result[], log: '' }
      await withSecretsManager([short], async (endpoint) => {
        outcome = await run(endpoint, [openApi('r1')])
      })
      expect(outcome.results[0]!.statusCode).toBe(503)
      expect(outcome.log).toContain(`The secret ${SECRET_ARN} is too short`)
      expect(outcome.log + JSON.stringify(outcome.results)).not.toContain('short-key-1234')
    })
  })
})
