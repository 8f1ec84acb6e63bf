import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_SETTINGS } from '../core/model/index.js'
import { localSettings } from '../local/settings.js'
import { CommandError, UsageError, type Io } from './io.js'

/** Whose token the CLI sends: the journal owner's, or the organisation administrator's (`journal people`). */
export type Acting = 'owner' | 'administrator'

const TOKEN_SOURCES = {
  owner: { variable: 'JOURNAL_TOKEN', file: 'owner-token', kind: 'owner token' },
  administrator: { variable: 'JOURNAL_ADMINISTRATOR_TOKEN', file: 'administrator-token', kind: 'administrator token' },
} as const

/** The token from its variable (JOURNAL_TOKEN…), or the one `npm start` keeps in .journal/. */
export function tokenOf(env: NodeJS.ProcessEnv, acting: Acting = 'owner'): string | undefined {
  const source = TOKEN_SOURCES[acting]
  if (env[source.variable]) return env[source.variable]?.trim()
  try {
    return readFileSync(join(settingsOf(env).dataDir, source.file), 'utf8').trim()
  } catch {
    return undefined
  }
}

/**
 * The API the CLI talks to: JOURNAL_API_URL, or the one `npm start` runs with the same settings
 * (JOURNAL_API_PORT), so the owner token goes nowhere else.
 */
export function apiUrl(env: NodeJS.ProcessEnv): string {
  return settingsOf(env).apiUrl
}

function settingsOf(env: NodeJS.ProcessEnv): ReturnType<typeof localSettings> {
  try {
    return localSettings(env)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

interface Problem {
  status?: number
  detail?: string
  errors?: { field: string; reason: string }[]
}

export interface ApiRequest {
  method?: string
  body?: unknown
  rawBody?: string
  contentType?: string
  headers?: Record<string, string>
}

/**
 * The journal API as the CLI uses it: owner token attached, JSON in and out, and every refusal
 * turned into a CommandError that says what to do about it.
 */
export function apiClient(io: Io, acting: Acting = 'owner') {
  const base = apiUrl(io.env)
  const token = tokenOf(io.env, acting)
  const source = TOKEN_SOURCES[acting]

  async function send(path: string, request: ApiRequest = {}): Promise<Response> {
    const headers: Record<string, string> = { ...request.headers }
    if (token) headers.Authorization = `Bearer ${token}`
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    if (request.rawBody !== undefined) headers['Content-Type'] = request.contentType ?? 'text/plain'
    try {
      return await fetch(new URL(path, base), {
        method: request.method ?? 'GET',
        headers,
        body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
      })
    } catch {
      throw new CommandError(
        `Cannot reach the journal API at ${base}. ` +
          'Start it with `npm start`, or set JOURNAL_API_URL to where it runs.',
      )
    }
  }

  async function refusal(res: Response): Promise<CommandError> {
    const problem = (await res.json().catch(() => ({}))) as Problem
    if (res.status === 401 && acting === 'owner') {
      return new CommandError(
        `${problem.detail ?? 'The API refused the token.'}\n${
          token
            ? 'Check JOURNAL_TOKEN: it must be a working owner token (create one with `journal token create` ' +
              'while signed in with another, or use the one `npm start` prints).'
            : 'No owner token found: set JOURNAL_TOKEN, or run `npm start` once so .journal/owner-token exists.'
        }`,
      )
    }
    if (res.status === 401 || res.status === 403) {
      return new CommandError(
        `${problem.detail ?? 'The API refused the token.'}\n` +
          `Set ${source.variable} to a working ${source.kind}, ` +
          `or run \`npm start\` once so .journal/${source.file} exists.`,
      )
    }
    const fields = (problem.errors ?? []).map((e) => `  ${e.field}: ${e.reason}`)
    return new CommandError(
      [problem.detail ?? `The API answered ${res.status} ${res.statusText}.`, ...fields].join('\n'),
    )
  }

  /** Sends a request and returns its JSON body (and ETag); any non-2xx answer throws. */
  async function call<T = Record<string, unknown>>(
    path: string,
    request: ApiRequest = {},
  ): Promise<{ body: T; etag?: string; status: number }> {
    const res = await send(path, request)
    if (!res.ok) throw await refusal(res)
    return { body: (await res.json()) as T, etag: res.headers.get('etag') ?? undefined, status: res.status }
  }

  /** The journal's time zone: its profile's (the one source), or the default before it has one. */
  async function journalZone(): Promise<string> {
    const res = await send('/api/profile')
    if (res.status === 404) return DEFAULT_SETTINGS.timeZone
    if (!res.ok) throw await refusal(res)
    return ((await res.json()) as { timezone: string }).timezone
  }

  return { base, token, send, call, refusal, journalZone }
}

export type ApiClient = ReturnType<typeof apiClient>
