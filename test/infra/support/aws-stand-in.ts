import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One call the stand-in answered: the JSON protocols' target, or S3's method and path. */
export interface StandInCall {
  target: string
  body: Record<string, unknown>
}

/**
 * A stand-in for the AWS services the functions call besides DynamoDB (which is DynamoDB Local):
 * SQS's JSON protocol (every message accepted, with the MD5 the SDK checks), CodeBuild's (every
 * build starts and has ended with `buildStatus`), and S3's REST objects (path style, kept in memory). A bundle
 * reaches it through AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_CODEBUILD and its queue URL's host.
 */
export async function withAwsStandIn(
  run: (endpoint: string, objects: Map<string, string>) => Promise<void>,
  buildStatus = 'SUCCEEDED',
): Promise<StandInCall[]> {
  const calls: StandInCall[] = []
  const objects = new Map<string, string>()
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => answer(req, res, body, { calls, objects, buildStatus }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects)
  } finally {
    server.close()
  }
  return calls
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex')

interface StandInState {
  calls: StandInCall[]
  objects: Map<string, string>
  /** How every build ends. */
  buildStatus: string
}

function answer(req: IncomingMessage, res: ServerResponse, body: string, state: StandInState) {
  const { calls, objects, buildStatus } = state
  const target = req.headers['x-amz-target']
  if (typeof target === 'string') {
    const input = JSON.parse(body || '{}') as Record<string, unknown>
    calls.push({ target, body: input })
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
    if (target === 'AmazonSQS.SendMessageBatch') {
      const entries = input.Entries as { Id: string; MessageBody: string }[]
      const Successful = entries.map((e) => ({
        Id: e.Id,
        MessageId: `msg-${e.Id}`,
        MD5OfMessageBody: md5(e.MessageBody),
      }))
      return res.end(JSON.stringify({ Successful, Failed: [] }))
    }
    if (target.endsWith('.StartBuild')) return res.end(JSON.stringify({ build: { id: `site-build:${calls.length}` } }))
    if (target.endsWith('.BatchGetBuilds')) {
      const builds = (input.ids as string[]).map((id) => ({ id, buildStatus }))
      return res.end(JSON.stringify({ builds }))
    }
    return res.end('{}')
  }
  // S3, path style: /<bucket>/<key>
  const path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
  calls.push({ target: `S3 ${req.method} ${path}`, body: {} })
  if (req.method === 'PUT') {
    objects.set(path, body)
    res.writeHead(200, { etag: `"${md5(body)}"` })
    return res.end()
  }
  const stored = objects.get(path)
  if (req.method === 'GET' && stored !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json', etag: `"${md5(stored)}"` })
    return res.end(stored)
  }
  res.writeHead(404, { 'content-type': 'application/xml' })
  res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>none</Message></Error>')
}
