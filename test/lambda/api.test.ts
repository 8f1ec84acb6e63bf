import { describe, expect, inject, it } from 'vitest'
import { testDb, ownerToken, PERSON } from '../support/test-db.js'

/** An API Gateway HTTP API (payload 2.0) event, as Lambda receives it. */
function httpEvent(method: string, path: string, query = '', headers: Record<string, string> = {}, body?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'api.example.org', ...headers },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      domainName: 'api.example.org',
      requestId: 'r1',
      stage: '$default',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...(body ? { body } : {}),
  }
}

describe('the API on Lambda', () => {
  it('serves the same app through the Lambda handler', async () => {
    const db = await testDb()
    const { secret } = await ownerToken(db)
    process.env.JOURNAL_TABLE = db.table
    process.env.JOURNAL_PERSON = PERSON
    process.env.JOURNAL_DYNAMODB_ENDPOINT = inject('dynamodbEndpoint')
    const { handler } = await import('../../functions/lambda/api.js')
    const body = JSON.stringify({ start: '2015-03-16T10:00', title: 'Lezing', kind: 'lecture', visibility: 'public' })
    const created = (await handler(
      httpEvent(
        'POST',
        '/api/entries',
        '',
        { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body,
      ) as never,
    )) as { statusCode: number; body: string }
    expect(created.statusCode).toBe(201)
    const listed = (await handler(httpEvent('GET', '/api/entries', 'from=2015-03-16&to=2015-03-22') as never)) as {
      statusCode: number
      body: string
    }
    expect(listed.statusCode).toBe(200)
    expect(JSON.parse(listed.body).items[0].title).toBe('Lezing')
  })
})
