import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ValidationError, type FieldError } from '../core/model/index.js'
import { AlreadyExistsError, BadCursorError, NotFoundError, VersionConflictError } from '../store/index.js'

/** An RFC 9457 problem the API answers with; thrown anywhere, rendered once by `onError`. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail)
  }
}

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'Changed by someone else',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  428: 'If-Match required',
  503: 'Temporarily unavailable',
  500: 'Unexpected error',
}

export function problem(status: number, detail: string, extra: Problem['extra'] = {}): Problem {
  return new Problem(status, TITLES[status] ?? 'Error', detail, extra)
}

/** Errors that mean the database could not be reached, rather than that it refused the request. */
function isUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: unknown }
  const names = [
    'TimeoutError',
    'RequestTimeout',
    'ServiceUnavailable',
    'InternalServerError',
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
  ]
  return (
    names.includes(e?.name ?? '') ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(e?.code ?? '') ||
    (e?.$metadata?.httpStatusCode ?? 0) >= 500 ||
    (e?.cause !== undefined && isUnavailable(e.cause))
  )
}

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error
  if (error instanceof ValidationError)
    return problem(400, 'Some fields are not valid; see errors for each field and how to fix it.', {
      errors: error.errors,
    })
  if (error instanceof BadCursorError)
    return problem(400, error.message, { errors: [{ field: 'cursor', reason: error.message }] })
  if (error instanceof NotFoundError) return problem(404, error.message)
  if (error instanceof VersionConflictError)
    return problem(
      412,
      'This item was changed since you read it. ' +
        'Fetch it again (GET), reapply your change and send the new ETag in If-Match.',
    )
  if (error instanceof AlreadyExistsError) return problem(409, error.message)
  if (error instanceof HTTPException)
    return problem(error.status, error.message || TITLES[error.status] || 'Request refused')
  if (isUnavailable(error))
    return problem(503, 'The journal database is unavailable right now; nothing was changed. Retry in a few seconds.', {
      headers: { 'Retry-After': '5' },
    })
  return problem(500, 'Something went wrong on our side; nothing was changed. The error has been logged.')
}

/** The single error handler: every failure leaves as application/problem+json, never as a stack trace. */
export function renderProblem(error: unknown, c: Context): Response {
  const p = toProblem(error)
  if (p.status === 500) console.error(`${c.req.method} ${c.req.path}:`, error)
  if (p.status === 503)
    console.warn(`${c.req.method} ${c.req.path}: database unavailable (${(error as Error).message})`)
  const body = {
    type: p.status >= 500 ? 'about:blank' : `/problems/${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: c.req.path,
    ...(p.extra.errors ? { errors: p.extra.errors } : {}),
  }
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...p.extra.headers,
    },
  })
}
