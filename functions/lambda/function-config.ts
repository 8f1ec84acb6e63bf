/**
 * What the CDK app and the Lambda entry points must agree on: environment variable names and the
 * keys whose changes are published. Kept free of imports so the infra code can read it without
 * pulling a Lambda's dependencies into synthesis.
 */
export const LAMBDA_ENV = {
  /** Name of the journal's DynamoDB table (read by functions/store/db.ts). */
  table: 'JOURNAL_TABLE',
  /** Whose journal the function serves. */
  person: 'JOURNAL_PERSON',
  /** `publish` or `draft`: how the weekly job leaves a new digest (functions/core/digest/digest.ts). */
  digestMode: 'JOURNAL_DIGEST_MODE',
  /** The queue of weekly-digest jobs, one per journal, that the digest function's looks fill and it runs. */
  digestQueueUrl: 'JOURNAL_DIGEST_QUEUE_URL',
  /** The CodeBuild project that builds a part of the site from its snapshot and uploads it. */
  buildProject: 'JOURNAL_BUILD_PROJECT',
  /** The private bucket holding the public snapshots the builds start from. */
  snapshotBucket: 'JOURNAL_SNAPSHOT_BUCKET',
  /** The FIFO queue of parts of the site to publish (functions/lambda/publish.ts). */
  publishQueue: 'JOURNAL_PUBLISH_QUEUE_URL',
  /** The ARN of the secret holding the key the admin signs sessions with (functions/lambda/session-secret.ts). */
  sessionSecretArn: 'JOURNAL_SESSION_SECRET_ARN',
  /** The public site's address, for links from the admin to the published pages. */
  siteUrl: 'JOURNAL_SITE_URL',
} as const

/**
 * The paths the owner's tools answer (functions/lambda/admin.ts): the HTTP API sends these to the
 * admin function and everything else to the lean API function (functions/lambda/api.ts).
 */
export const ADMIN_PATHS = [
  '/admin',
  '/api/openapi.json',
  '/api/reports',
  '/api/digests',
  '/api/import',
  '/api/tokens',
  '/api/people',
  '/api/organisation',
] as const

/**
 * A servant's public reads that the lean API function answers although they lie under
 * `/api/people` (an ADMIN_PATHS prefix): `/api/people/{person}/entries`, `…/posts`, `…/profile`
 * and below. The HTTP API routes these more specific paths to the API function; a servant's
 * digests and everything else under `/api/people` stay with the admin function.
 */
export const SERVANT_API_PATHS = ['entries', 'posts', 'profile'].map((route) => `/api/people/{person}/${route}`)

/**
 * Partition-key prefixes of the items the public site is built from (see functions/store/keys.ts
 * and `publishedChangeOf`): entries, posts and their revisions, digests, the profile and the
 * servants' records; with the organisation's item (ORGANISATION_ITEM). A change to anything else —
 * owner tokens, sessions, idempotency records and their TTL expiry, the publisher's own state —
 * never starts a site build.
 */
export const PUBLISHED_KEY_PREFIXES = ['ENTRY#', 'POST#', 'DIGEST#', 'PROFILE#', 'SERVANT#'] as const

/** The organisation's item (its partition also holds the cursor key, which is not published). */
export const ORGANISATION_ITEM = { pk: 'ORGANISATION', sk: 'ORGANISATION' } as const

/** What the publish trigger's schedule sends: "has the site gone stale by itself since the last build?" */
export const SCHEDULED_PUBLISH_CHECK = { source: 'journal.scheduled-publish-check' } as const

/** What an operator sends the publish function to republish every part (after a deployment changed the site's code). */
export const REPUBLISH = { source: 'journal.republish' } as const
