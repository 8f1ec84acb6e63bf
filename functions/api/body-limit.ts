import type { MiddlewareHandler } from 'hono'
import { bodyLimit as countedBodyLimit } from 'hono/body-limit'

/**
 * Hono's body limit, without its cost where the size is known. Hono's middleware first reads
 * `c.req.raw.body`, and on Node that read alone builds a whole web `Request` (headers, abort
 * signal, body stream) for every request, a GET's too: ~3 % of the API's CPU on a public listing
 * (issue 16), and on a POST it also turns the adapter's direct read of the body into a stream.
 * The outcome is Hono's: GET and HEAD bring the app no body (neither the Node adapter nor the
 * Lambda one gives them one), a declared Content-Length is compared as Hono compares it, and a
 * body of undeclared length (chunked) is still counted by Hono's middleware as it streams in.
 */
export function bodyLimit(maxSize: number, tooLarge: () => never): MiddlewareHandler {
  const counted = countedBodyLimit({ maxSize, onError: tooLarge })
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const declared = c.req.header('content-length')
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next)
    if (Number.parseInt(declared || '0', 10) > maxSize) tooLarge()
    return next()
  }
}
