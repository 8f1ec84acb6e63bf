/** Where the build keeps the part's public snapshot it fetched. */
export const SNAPSHOT_FILE = '.journal/public-snapshot.json'

/** Node.js major version of the build; the runtimes of the arm64 Amazon Linux 2023 image offer it. */
export const BUILD_NODE_VERSION = '22'

/** Where the build keeps the bucket's listing (key and ETag of each object) before it uploads. */
export const LISTING_FILE = '.journal/site-listing.json'

/**
 * The CodeBuild buildspec of a publish of one part of the site (functions/publish/part-publisher.ts
 * starts it with the part's JOURNAL_PART, SNAPSHOT_KEY, JOURNAL_SITE_BASE and SITE_PREFIX): fetch the
 * part's public snapshot, build the part from it (`npm run build`), upload into the part's folder,
 * invalidate, delete what is gone (upload-site.ts). The build never reads the journal table: the
 * publish function exported the snapshot. Everything runs in one phase that aborts at the first
 * failing command: when the Astro build fails, nothing is uploaded and the site online stays.
 * (A post_build phase would not do: it runs after a failed build too.)
 */
export function publishBuildSpec(): Record<string, unknown> {
  return {
    version: '0.2',
    env: { shell: 'bash' },
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
          `mkdir -p .journal && aws s3 cp "s3://$SNAPSHOT_BUCKET/$SNAPSHOT_KEY" ${SNAPSHOT_FILE} --only-show-errors`,
          `JOURNAL_SNAPSHOT=${SNAPSHOT_FILE} npm run build`,
          'test -f site/dist/index.html || ' +
            '{ echo "site/dist/index.html is missing: refusing to upload an incomplete site"; exit 1; }',
          // Only new and changed files are uploaded (see mark-unchanged.ts); a failed listing means a full
          // upload and no deletions.
          `npx tsx infra/publish/list-online.ts ${SNAPSHOT_FILE} > ${LISTING_FILE} || echo null > ${LISTING_FILE}`,
          `npx tsx infra/publish/mark-unchanged.ts site/dist < ${LISTING_FILE}`,
          // Upload in an order that keeps the site whole, invalidate, delete what is gone (upload-site.ts).
          `npx tsx infra/publish/upload-site.ts site/dist ${LISTING_FILE}`,
        ],
      },
    },
  }
}
