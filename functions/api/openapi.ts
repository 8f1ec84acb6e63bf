import * as z from 'zod/mini'
import {
  entryInputSchema,
  entryPatchSchema,
  withdrawalSchema,
  periodSchema,
  postCreateSchema,
  postPatchSchema,
  postReplaceSchema,
  organisationInputSchema,
  profileInputSchema,
  servantChangeSchema,
  servantCreateSchema,
  tokenCreateSchema,
} from '../core/model/index.js'
import { digestRequestSchema } from '../core/digest/index.js'
import { MAX_UPLOAD_MB } from './api-app.js'
import { importQuerySchema } from './import.js'
import { MAX_ITEMS_READ } from '../store/paging.js'
import { entryListQuerySchema, pageQuerySchema } from './query.js'

type Operation = Record<string, unknown>
const schema = (s: z.ZodMiniType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } })
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})
const owner = { security: [{ bearer: [] }] }
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  schema: { type: 'string' },
  description: 'The ETag from the last read; 412 when the item changed since.',
}
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 255 },
  description:
    'Retrying with the same key returns the first response and creates nothing new; ' +
    'the same key with another body answers 422.',
}
const changeReason = {
  name: 'X-Change-Reason',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'Public reason shown in the change history (percent-encode non-ASCII).',
}
const queryParams = (s: z.ZodMiniType) =>
  Object.entries((schema(s).properties ?? {}) as Record<string, object>).map(([name, p]) => ({
    name,
    in: 'query',
    required: false,
    schema: p,
  }))
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
/** What every paged list promises; MAX_ITEMS_READ bounds the work of one request. */
const PAGING =
  `One request reads at most ${MAX_ITEMS_READ} items it could show (items never shown publicly are ` +
  'read past and not counted, so paging tells nothing about them): fewer items than limit with a cursor ' +
  'means keep going; only an answer without cursor is the end. A cursor is opaque (sealed): pass it ' +
  'back as given. It works only with the listing (range, order) that gave it out; another, or one ' +
  'changed, answers 400, start again without cursor.'
const errors = {
  400: problemResponse('Invalid input: `errors` names each field and the reason'),
  401: problemResponse('Missing or invalid owner token'),
  503: problemResponse('Database unavailable; retry after Retry-After seconds'),
}

function writeOps(
  kind: 'entry' | 'post',
  param: string,
  replaceSchema: string,
  patchSchema: string,
): Record<string, Operation> {
  const common = { ...owner, parameters: [pathParam(param), ifMatch, changeReason] }
  const responses = {
    200: { description: `The ${kind} after the change (new ETag)` },
    ...errors,
    404: problemResponse('No such item'),
    412: problemResponse('Changed since read'),
    413: problemResponse('Body too large'),
    428: problemResponse('If-Match missing'),
  }
  return {
    put: { summary: `Replace a ${kind}`, ...common, requestBody: json(replaceSchema), responses },
    patch: { summary: `Change some fields of a ${kind}`, ...common, requestBody: json(patchSchema), responses },
    delete: {
      summary: `Withdraw a ${kind} (it stays readable as withdrawn, with the reason)`,
      ...common,
      requestBody: json('Withdrawal'),
      responses,
    },
  }
}

/**
 * The OpenAPI 3.1 description of every route, with request schemas generated from the core schemas.
 */
export function openApiDocument() {
  const paths = journalPaths()
  return {
    openapi: '3.1.0',
    info: {
      title: 'Open Agenda Journal API',
      version: '1.0.0',
      description:
        'Public reads show the public projection only; writes need the owner token. Errors are RFC 9457 ' +
        "problem+json. An organisation's deployment serves many servants: a servant's token acts on their own " +
        "journal only (a path naming another servant answers 403, an administrator's token 403 on every journal " +
        "route); /api/people/{person}/… reads one servant's public record; /api/entries lists every servant's.",
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        EntryInput: schema(entryInputSchema),
        EntryPatch: schema(entryPatchSchema),
        Withdrawal: schema(withdrawalSchema),
        PostCreate: schema(postCreateSchema),
        PostReplace: schema(postReplaceSchema),
        PostPatch: schema(postPatchSchema),
        ProfileInput: schema(profileInputSchema),
        Problem: {
          type: 'object',
          required: ['title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
            },
          },
        },
      },
    },
    paths: { ...paths, ...servantPaths(paths), ...organisationPaths() },
  }
}

/** The routes of one journal, as /api/… serves them (the default servant's, or the token's). */
function journalPaths(): Record<string, Record<string, Operation>> {
  return {
    '/api/health': { get: { summary: 'Liveness', responses: { 200: { description: '{"status":"ok"}' } } } },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    '/api/entries': {
      get: {
        summary:
          "Every servant's public entries in a date range (days in the default servant's time zone), " +
          'merged by start, then id, newest first unless order=asc; each item names its servant (person, ' +
          `personName when the servant is on record); paged by cursor. ${PAGING} With an owner token: all ` +
          "entries of the token's own journal, unprojected.",
        parameters: queryParams(entryListQuerySchema),
        responses: { 200: { description: '{ items, cursor? }' }, ...errors },
      },
      post: {
        summary: 'Log an entry',
        ...owner,
        parameters: [idempotencyKey],
        requestBody: json('EntryInput'),
        responses: {
          201: { description: 'The entry; ETag "1"; Location' },
          ...errors,
          413: problemResponse('Body too large'),
          422: problemResponse('Idempotency-Key reused with another body'),
        },
      },
    },
    '/api/entries/{id}': {
      get: {
        summary:
          "One entry of the default servant (with an owner token: of the token's servant) with its public " +
          'change history; a private entry answers 404 like a missing one',
        parameters: [pathParam('id')],
        responses: {
          200: { description: 'The entry; ETag = version' },
          404: problemResponse('No such public entry'),
        },
      },
      ...writeOps('entry', 'id', 'EntryInput', 'EntryPatch'),
    },
    '/api/posts': {
      get: {
        summary: `Published posts, newest first; paged. ${PAGING}`,
        parameters: queryParams(pageQuerySchema),
        responses: { 200: { description: '{ items, cursor? }' } },
      },
      post: {
        summary: 'Write a post (annual report or note)',
        ...owner,
        parameters: [idempotencyKey],
        requestBody: json('PostCreate'),
        responses: {
          201: { description: 'The post' },
          ...errors,
          409: problemResponse('Slug taken'),
          422: problemResponse('Idempotency-Key reused with another body'),
        },
      },
    },
    '/api/posts/{slug}': {
      get: {
        summary: 'One published post with its public change history',
        parameters: [pathParam('slug')],
        responses: { 200: { description: 'The post' }, 404: problemResponse('No such published post') },
      },
      ...writeOps('post', 'slug', 'PostReplace', 'PostPatch'),
    },
    '/api/profile': {
      get: {
        summary: "Who keeps this journal (with a servant's token: that servant's profile, whose ETag PUT needs)",
        responses: { 200: { description: 'The profile' }, 404: problemResponse('No profile yet') },
      },
      put: {
        summary: 'Create (no If-Match) or replace (If-Match) the profile',
        description:
          'Everything in the profile is public. `contact` is where readers respond ("Respond" on the site): ' +
          'an e-mail address or the https:// address of a web form; leave it out for none.',
        ...owner,
        requestBody: json('ProfileInput'),
        responses: {
          200: { description: 'Replaced' },
          201: { description: 'Created' },
          ...errors,
          412: problemResponse('Changed since read'),
        },
      },
    },
    '/api/digests': {
      get: {
        summary: `Published weekly digests, newest week first; paged. ${PAGING} With the owner token: drafts too.`,
        parameters: queryParams(pageQuerySchema),
        responses: { 200: { description: '{ items, cursor? }' }, ...errors },
      },
    },
    '/api/digests/{week}': {
      get: {
        summary: 'The published digest of an ISO week (2015-W12); a draft answers 404 like a missing one',
        parameters: [pathParam('week')],
        responses: {
          200: {
            description:
              "The digest; ETag = version. Public view: week, intro (the servant's Markdown, absent when none) " +
              "with introHtml (rendered, sanitised), lead (generated from leadFacts in the journal's language: " +
              "appointments, organisations, themes, withheld), items in the servant's order (entryId, date, kind, " +
              'line, path as before, plus time, title, counterparts, themes, status, firstSentence, note), ' +
              'moreCount, withheldCount, publishedAt. The owner gets the stored digest (curatedAt when curated).',
          },
          400: errors[400],
          404: problemResponse('No published digest for this week'),
        },
      },
      post: {
        summary:
          'Generate or regenerate the digest of a week (idempotent). Body optional: intro and status ' +
          'keep their stored values when left out; a new digest is a draft unless status says otherwise.',
        ...owner,
        parameters: [pathParam('week')],
        requestBody: { required: false, content: { 'application/json': { schema: schema(digestRequestSchema) } } },
        responses: {
          200: {
            description:
              '{ week, outcome: updated | unchanged | removed | empty, digest | null, detail? }: ' +
              'a week without public entries gets no digest',
          },
          201: { description: '{ week, outcome: created, digest }' },
          ...errors,
        },
      },
    },
    '/api/reports/draft': {
      post: {
        summary:
          'A Markdown draft of an annual report for a period, with the figures behind it (each with its entry ids)',
        ...owner,
        requestBody: { required: true, content: { 'application/json': { schema: schema(periodSchema) } } },
        responses: { 200: { description: '{ markdown, stats }' }, ...errors },
      },
    },
    '/api/import/ics': {
      post: {
        summary:
          'Import a calendar export (.ics from Outlook, Google or Apple): repeats expanded ' +
          'within from..to (default a year back and ahead), every new entry private, ' +
          'a re-import updates by UID. A bad file is refused whole (400 names the line). ' +
          'Accept: application/x-ndjson streams progress lines, then a result line.',
        ...owner,
        parameters: [...queryParams(importQuerySchema)],
        requestBody: { required: true, content: { 'text/calendar': { schema: { type: 'string' } } } },
        responses: {
          200: { description: '{ created, updated, unchanged, outsideRange, entries[], range, dryRun }' },
          ...errors,
          413: problemResponse(`Body over ${MAX_UPLOAD_MB} MB: import a shorter range`),
          415: problemResponse('Not sent as text/calendar'),
        },
      },
    },
    '/api/tokens': {
      get: {
        summary: "The owner's API tokens (never their secrets)",
        ...owner,
        responses: { 200: { description: '{ items: [{ id, label, createdAt, revokedAt? }] }' }, 401: errors[401] },
      },
      post: {
        summary: 'Create a token; its secret is in this answer only',
        ...owner,
        requestBody: { required: true, content: { 'application/json': { schema: schema(tokenCreateSchema) } } },
        responses: { 201: { description: '{ id, label, createdAt, secret }' }, ...errors },
      },
    },
    '/api/tokens/{id}': {
      delete: {
        summary: 'Revoke a token (the last working one is kept)',
        ...owner,
        parameters: [pathParam('id')],
        responses: {
          200: { description: 'The revoked token' },
          401: errors[401],
          404: problemResponse('No such token'),
          409: problemResponse('Revoked already, or the last working token'),
        },
      },
    },
    '/api/export': {
      get: {
        summary: 'The complete journal, private items included',
        ...owner,
        responses: { 200: { description: 'Export document' }, 401: errors[401] },
      },
    },
  }
}

/** What each of a servant's public reads gives; the rest of the operation is that of the /api/… route. */
const SERVANT_READS: Record<string, string> = {
  entries:
    "The servant's entries in a date range (days in their profile's time zone), newest first unless " +
    `order=asc; paged by cursor. ${PAGING}`,
  'entries/{id}': "One of the servant's entries with its public change history; a private one answers 404",
  posts: "The servant's published posts, newest first; paged",
  'posts/{slug}': "One of the servant's published posts with its public change history",
  digests: "The servant's published weekly digests, newest week first; paged",
  'digests/{week}': "The servant's published digest of an ISO week (2015-W12)",
  profile: 'Who the servant is, as their profile says',
}

/**
 * The routes of each servant: the same as the default servant's, under /api/people/{person}, with
 * the same parameters and answers. Reads show that servant's public record; the writes answer
 * only to that servant's own token.
 */
function servantPaths(paths: Record<string, Record<string, Operation>>): Record<string, Record<string, Operation>> {
  const refused = {
    403: problemResponse("Another servant's or an administrator's token"),
    404: problemResponse('No such servant (GET /api/people lists them), or no such public item'),
  }
  const forServant = (route: string, operation: Operation, summary = operation.summary) => ({
    ...operation,
    summary,
    parameters: [pathParam('person'), ...((operation.parameters as unknown[] | undefined) ?? [])],
    responses: { ...(operation.responses as Record<string, unknown>), ...refused },
    description: [
      operation.description,
      `Answers as /api/${route} does, for the servant the path names (a servant who left included). ` +
        "Writes need that servant's own token; another servant's token is refused with 403.",
    ]
      .filter(Boolean)
      .join(' '),
  })
  return Object.fromEntries(
    Object.entries(SERVANT_READS).map(([route, summary]) => {
      const operations = Object.entries(paths[`/api/${route}`]!).map(([method, operation]) => [
        method,
        forServant(route, operation, method === 'get' ? summary : operation.summary),
      ])
      return [`/api/people/{person}/${route}`, Object.fromEntries(operations)]
    }),
  )
}

/** The organisation and its servants: public to read, the administrator's token to change. */
function organisationPaths(): Record<string, Record<string, Operation>> {
  const administrator = { security: [{ bearer: [] }] }
  const refused = {
    401: errors[401],
    403: problemResponse("Not an administrator's token (servants' tokens manage only their own journal)"),
  }
  const body = (s: z.ZodMiniType) => ({ required: true, content: { 'application/json': { schema: schema(s) } } })
  const servant = '{ person, name, role, status: active | left, leftOn? }'
  return {
    '/api/people': {
      get: {
        summary: "The organisation's servants, active and former",
        responses: { 200: { description: `{ items: [${servant}] }` } },
      },
      post: {
        summary: 'Add a servant and issue their first token (its secret is in this answer only; give it to them)',
        ...administrator,
        requestBody: body(servantCreateSchema),
        responses: {
          201: { description: `${servant} with firstToken: { id, label, createdAt, secret }` },
          ...errors,
          ...refused,
          409: problemResponse('A servant with that slug exists'),
        },
      },
    },
    '/api/people/{person}': {
      get: {
        summary: 'One servant',
        parameters: [pathParam('person')],
        responses: { 200: { description: servant }, 404: problemResponse('No such servant') },
      },
      patch: {
        summary:
          "Change a servant's name or role, or deactivate them (status left, leftOn): " +
          'their tokens are revoked, their public record stays',
        ...administrator,
        parameters: [pathParam('person'), ifMatch],
        requestBody: body(servantChangeSchema),
        responses: { 200: { description: servant }, ...errors, ...refused, 412: problemResponse('Changed since read') },
      },
    },
    '/api/people/{person}/tokens': {
      post: {
        summary:
          'Issue a new first token for an active servant (who lost theirs, or came back); ' +
          "the servant's working tokens are revoked in the same write",
        ...administrator,
        parameters: [pathParam('person')],
        responses: {
          201: { description: '{ id, label, createdAt, secret, revoked } (revoked: how many working tokens ended)' },
          ...refused,
          409: problemResponse('The servant left; make them active first'),
        },
      },
    },
    '/api/organisation': {
      get: {
        summary: 'The organisation this deployment serves',
        responses: { 200: { description: '{ name, siteUrl? }' } },
      },
      put: {
        summary: 'Describe the organisation (If-Match once it exists)',
        ...administrator,
        parameters: [{ ...ifMatch, required: false }],
        requestBody: body(organisationInputSchema),
        responses: {
          200: { description: '{ name, siteUrl? }' },
          201: { description: 'Created' },
          ...errors,
          ...refused,
        },
      },
    },
  }
}
