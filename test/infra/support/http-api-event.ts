/**
 * A request as API Gateway's HTTP API (payload format 2.0) hands it to a Lambda function: what the
 * bundled functions receive in AWS.
 */
export function httpApiEvent(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; query?: string; requestId?: string } = {},
) {
  const host = 'abc123.execute-api.eu-west-1.amazonaws.com'
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    isBase64Encoded: false,
    headers: {
      host,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(body === undefined ? {} : { body }),
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      domainName: host,
      apiId: 'abc123',
      requestId: options.requestId ?? 'r1',
      routeKey: '$default',
      stage: '$default',
      accountId: '123456789012',
      time: '16/Mar/2015:09:00:00 +0000',
      timeEpoch: 1426496400000,
    },
  }
}
