/** Where the build keeps the public snapshot between the export and the site build. */
export const SNAPSHOT_FILE = '.journal/public-snapshot.json'

/** Where the export leaves the moment its snapshot goes stale by itself (empty when none). */
export const nextChangeFile = (snapshotFile: string) =>
  `${snapshotFile.slice(0, snapshotFile.lastIndexOf('/') + 1)}next-change-at`

/** Node.js major version of the build; the runtimes of the arm64 Amazon Linux 2023 image offer it. */
export const BUILD_NODE_VERSION = '22'

/** Where the build keeps the bucket's listing (key and ETag of each object) before it uploads. */
export const LISTING_FILE = '.journal/site-listing.json'

/**
 * The CodeBuild buildspec of a publish: export the public snapshot from the table (with the
 * build's role, see export-snapshot.ts), build the site from it (`npm run build`), upload,
 * invalidate, delete what is gone (upload-site.ts). Everything runs in one phase that aborts at
 * the first failing command: when the export or the Astro build fails, nothing is uploaded and
 * the site that was online stays online.
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
          // Only new and changed files are uploaded (see mark-unchanged.ts); a failed listing means a full
          // upload and no deletions.
          `aws s3api list-objects-v2 --bucket "$SITE_BUCKET" --query 'Contents[].[Key,ETag]' --output json ` +
            `> ${LISTING_FILE} || echo null > ${LISTING_FILE}`,
          `npx tsx infra/publish/mark-unchanged.ts site/dist < ${LISTING_FILE}`,
          // Upload in an order that keeps the site whole, invalidate, delete what is gone (upload-site.ts).
          `npx tsx infra/publish/upload-site.ts site/dist ${LISTING_FILE}`,
        ],
      },
    },
  }
}
