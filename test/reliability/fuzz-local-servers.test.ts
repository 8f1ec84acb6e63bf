import fc from 'fast-check'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type LocalApiServer } from '../../functions/local/api-server.js'
import { serveStaticSite } from '../../functions/local/static-site.js'
import { testDb } from '../support/test-db.js'

/**
 * Whatever arrives on a socket of `npm start` — a path no file system can hold, broken encoding,
 * odd methods, hostile headers — gets an answer below 500, and the server answers the next request.
 * Requests are written to the socket by hand, so paths and headers reach the server unvalidated.
 */
function rawRequest(port: number, head: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setTimeout(15_000, () => {
      socket.destroy()
      reject(new Error(`no answer within 15 s to ${JSON.stringify(head.slice(0, 300))}`))
    })
    socket.once('connect', () => socket.write(head, 'latin1'))
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)
      if (status) {
        socket.destroy()
        resolve(Number(status[1]))
      }
    })
    socket.once('error', (error) => reject(error))
    socket.once('close', () => reject(new Error(`closed without an answer to ${JSON.stringify(head.slice(0, 300))}`)))
  })
}

const HEX = '0123456789abcdefABCDEF'
/** A path segment: words the site uses, traversal and encoding tricks, and random text percent-encoded or not. */
const segment = fc.oneof(
  fc.constantFrom(
    '',
    '.',
    '..',
    '%2e%2e',
    '%2f',
    '%5c',
    '%00',
    '%',
    '%zz',
    '%c0%af',
    '%ff%fe',
    '%e2%82',
    '\\',
    'index.html',
    '404.html',
    'index.html',
    'agenda',
    'entries',
    'sign-in',
    '%0d%0aSet-Cookie:x=1',
  ),
  fc.string({ maxLength: 40 }).map((text) => encodeURIComponent(text)),
  fc.stringMatching(/^[!-~]{0,40}$/),
  fc.array(fc.constantFrom(...HEX, '%'), { maxLength: 12 }).map((chars) => chars.join('')),
)
const path = (prefixes: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.array(segment, { maxLength: 6 }),
      fc.option(fc.stringMatching(/^[!-~]{0,60}$/), { nil: undefined }),
    )
    .map(([prefix, segments, query]) => `${prefix}${segments.join('/')}${query === undefined ? '' : `?${query}`}`)
    .filter((p) => !p.includes(' '))
const method = fc.constantFrom(
  'GET',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'BREW',
  'get',
)
/** Header values a client can put on the wire: any byte but CR and LF, and a few known troublemakers. */
const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }).map((text) => text.replace(/[\r\n]/g, '')),
  fc.stringMatching(/^[\t -~\x80-\xff]{0,80}$/),
  fc.constantFrom(
    '',
    '::x',
    '[',
    'localhost:99999',
    'a b',
    '\0',
    'x'.repeat(4000),
    'text/html, */*;q=0.1',
    'bytes=0-0,5-',
    'gzip;q=2',
    'oaj_session=%00',
    '../../etc/passwd',
  ),
)
const headerName = fc.oneof(
  fc.constantFrom(
    'Host',
    'Referer',
    'Origin',
    'Cookie',
    'Accept',
    'Accept-Encoding',
    'Accept-Language',
    'Range',
    'If-Match',
    'If-None-Match',
    'If-Modified-Since',
    'Authorization',
    'Content-Type',
    'X-Forwarded-For',
    'X-Forwarded-Host',
    'X-Forwarded-Proto',
    'Idempotency-Key',
    'Expect',
    'Connection',
    'Upgrade',
  ),
  fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,30}$/),
)
const headers = fc
  .array(fc.tuple(headerName, headerValue), { maxLength: 6 })
  // The body's length is set below: another one would only make the server wait for more bytes.
  .map((pairs) => pairs.filter(([name]) => !/^(content-length|transfer-encoding)$/i.test(name)))
const body = fc.option(
  fc.oneof(
    fc.stringMatching(/^[\t\n\r -~\x80-\xff]{0,200}$/),
    fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
    fc.constantFrom('{"title":', 'token=%00&next=//evil', '\0\0\0'),
  ),
  { nil: undefined },
)
const request = (prefixes: string[]) =>
  fc
    .record({ method, path: path(prefixes), headers, host: fc.boolean(), body })
    .map((r) =>
      [
        `${r.method} ${r.path} HTTP/1.1\r\n`,
        r.host ? 'Host: 127.0.0.1\r\n' : '',
        ...r.headers.map(([n, v]) => `${n}: ${v}\r\n`),
        r.body === undefined ? '' : `Content-Length: ${Buffer.byteLength(r.body, 'latin1')}\r\n`,
        'Connection: close\r\n\r\n',
        r.body ?? '',
      ].join(''),
    )

/** Bytes that are not HTTP at all, or are HTTP broken on purpose. */
const BROKEN = [
  'GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
  'GET /\0 HTTP/1.1\r\n\r\n',
  'GARBAGE\r\n\r\n',
  'GET http://[::1/ HTTP/1.1\r\n\r\n',
  'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
  'GET //x HTTP/1.1\r\n\r\n',
  `GET /${'a'.repeat(20_000)} HTTP/1.1\r\n\r\n`,
  'GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n',
  'GET / HTTP/9.9\r\n\r\n',
  'GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n',
  'GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  // A Host that makes a URL with credentials (seed 421768727): Node refuses to build the Request.
  'GET / HTTP/1.1\r\nHost: $\t@\t¿/!\r\nConnection: close\r\n\r\n',
  'POST /api/entries HTTP/1.1\r\nHost: u@example\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
]

async function fuzz(port: number, prefixes: string[], numRuns: number): Promise<void> {
  for (const head of BROKEN) expect(await rawRequest(port, head), JSON.stringify(head.slice(0, 80))).toBeLessThan(500)
  await fc.assert(
    fc.asyncProperty(request(prefixes), async (head) => {
      expect(await rawRequest(port, head), JSON.stringify(head)).toBeLessThan(500)
    }),
    { numRuns },
  )
}

describe('the local site server under random requests', () => {
  let root: string
  let server: ReturnType<typeof serveStaticSite>
  let port: number

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'oaj-static-'))
    mkdirSync(join(root, 'agenda'))
    writeFileSync(join(root, 'index.html'), '<h1>Open agenda</h1>')
    writeFileSync(join(root, '404.html'), '<h1>Pagina niet gevonden</h1>')
    writeFileSync(join(root, 'agenda', 'index.html'), '<h1>Agenda</h1>')
    server = serveStaticSite(root, () => false)
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    port = (server.address() as { port: number }).port
  })
  afterAll(async () => {
    await new Promise((ok) => server.close(ok))
    rmSync(root, { recursive: true, force: true })
  })

  it.each([
    ['a NUL byte', '/%00', 400],
    ['a NUL byte in a folder', '/agenda/%00/', 400],
    ['broken percent-encoding', '/%E0%A4%A', 400],
    ['a file used as a folder', '/index.html/anything', 404],
    ['a name too long for the file system', `/${'a'.repeat(5_000)}`, 404],
    ['a way out of the site', '/..%2f..%2fetc%2fpasswd', 403],
  ])('answers a path with %s with %i and keeps serving', async (_, target, status) => {
    expect(await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)).toBe(status)
    const home = await fetch(`http://127.0.0.1:${port}/`)
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Open agenda')
  })

  it('answers every random path, header and body below 500, and still serves the site afterwards', async () => {
    await fuzz(port, ['/', '/agenda/', '/index.html/', '/..', '/%2e%2e/'], 400)
    expect(await (await fetch(`http://127.0.0.1:${port}/agenda/`)).text()).toContain('Agenda')
  }, 120_000)
})

describe('the local API and admin server under random requests', () => {
  let api: LocalApiServer
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oaj-api-fuzz-'))
    api = await startApiServer({ db: await testDb(), person: 'fuzz', dataDir, port: 0 })
  })
  afterAll(async () => {
    await api.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('answers every random path, header and body below 500, and still answers afterwards', async () => {
    const port = Number(new URL(api.url).port)
    await fuzz(
      port,
      [
        '/',
        '/api/',
        '/api/entries/',
        '/api/posts/',
        '/api/digests/',
        '/api/people/',
        '/admin/',
        '/admin/sign-in',
        '/admin/entries/',
      ],
      250,
    )
    expect(await (await fetch(`${api.url}/api/health`)).json()).toEqual({ status: 'ok' })
  }, 180_000)
})
