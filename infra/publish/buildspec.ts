import { SITE_FILE_RULES, PAGE_CACHE_CONTROL } from '../site/site-files.js'

/** Where the build keeps the public snapshot between the export and the site build. */
export const SNAPSHOT_FILE = '.journal/public-snapshot.json'

/** Where the export leaves the moment its snapshot goes stale by itself (empty when none). */
export const nextChangeFile = (snapshotFile: string) =>
  `${snapshotFile.slice(0, snapshotFile.lastIndexOf('/') + 1)}next-change-at`

/** Node.js major version of the build; the runtimes of the arm64 Amazon Linux 2023 image offer it. */
export const BUILD_NODE_VERSION = '22'

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

/**
 * The upload, one `aws s3 sync` per kind of file so each gets its content type and Cache-Control
 * (see site-files.ts). A rule's files are excluded from every later pass, so each file is written
 * once, with its own headers. The last pass only deletes what the new build no longer has: every
 * other file was just uploaded and is newer in S3 than on disk.
 */
export function siteSyncCommands(source = 'site/dist', target = 's3://$SITE_BUCKET'): string[] {
  const sync = `aws s3 sync ${source} ${target} --no-progress`
  const earlier: string[] = []
  const passes = SITE_FILE_RULES.map((rule) => {
    const filters = [
      "--exclude '*'",
      ...rule.patterns.map((p) => `--include ${quote(p)}`),
      ...earlier.map((p) => `--exclude ${quote(p)}`),
    ]
    earlier.push(...rule.patterns)
    const headers = [
      ...(rule.contentType ? [`--content-type ${quote(rule.contentType)}`] : []),
      `--cache-control ${quote(rule.cacheControl)}`,
    ]
    return [sync, ...filters, ...headers].join(' ')
  })
  const rest = [
    sync,
    ...earlier.map((p) => `--exclude ${quote(p)}`),
    `--cache-control ${quote(PAGE_CACHE_CONTROL)}`,
  ].join(' ')
  return [...passes, rest, `${sync} --delete`]
}

/**
 * The CodeBuild buildspec of a publish: export the public snapshot from the table (with the
 * build's role, see export-snapshot.ts), build the site from it (`npm run build`), upload,
 * invalidate. Everything runs in one phase that aborts at the first failing command: when the
 * export or the Astro build fails, nothing is uploaded and the site that was online stays online.
 * (A post_build phase would not do: it runs after a failed build too.)
 */
export function publishBuildSpec(): Record<string, unknown> {
  return {
    version: '0.2',
    // NEXT_CHANGE_AT: when this build's snapshot goes stale by itself (read by the scheduled check).
    env: { shell: 'bash', 'exported-variables': ['NEXT_CHANGE_AT'] },
    // npm's download cache, kept on the build host between the bursts of builds a busy day brings.
    cache: { paths: ['/root/.npm/**/*'] },
    phases: {
      install: {
        'runtime-versions': { nodejs: BUILD_NODE_VERSION },
        'on-failure': 'ABORT',
        commands: ['npm ci --prefer-offline --no-audit --no-fund'],
      },
      build: {
        'on-failure': 'ABORT',
        commands: [
          `npx tsx infra/publish/export-snapshot.ts ${SNAPSHOT_FILE}`,
          `export NEXT_CHANGE_AT="$(cat ${nextChangeFile(SNAPSHOT_FILE)})"`,
          `JOURNAL_SNAPSHOT=${SNAPSHOT_FILE} npm run build`,
          'test -f site/dist/index.html || ' +
            '{ echo "site/dist/index.html is missing: refusing to upload an incomplete site"; exit 1; }',
          // Only new and changed files are uploaded (see mark-unchanged.ts); a failed listing means a full upload.
          `aws s3api list-objects-v2 --bucket "$SITE_BUCKET" --query 'Contents[].[Key,ETag]' --output json | ` +
            'npx tsx infra/publish/mark-unchanged.ts site/dist',
          ...siteSyncCommands(),
          `aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths '/*'`,
        ],
      },
    },
  }
}
