import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Unit tests: code run in-process, with no database, server, site build, CDK synthesis or
 * browser. They run without DynamoDB Local (and without Java) in seconds:
 * `npx vitest run --project unit`. A test file not listed here is an integration test.
 */
const UNIT = [
  'test/core/**/*.test.ts',
  'test/infra/config.test.ts',
  'test/infra/mark-unchanged.test.ts',
  'test/infra/publish-trigger.test.ts',
  'test/infra/table-access.test.ts',
  'test/infra/upload-site.test.ts',
  'test/lambda/bundles.test.ts',
  'test/local/site-watcher.test.ts',
  'test/reliability/fuzz-content.test.ts',
  'test/shared/**/*.test.ts',
]

export default defineConfig({
  // The site's modules import core as `@core/…` (site/astro.config.mjs); tests import some of them.
  resolve: { alias: { '@core': fileURLToPath(new URL('./functions/core', import.meta.url)) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT],
          // One in-memory DynamoDB Local for the whole run; each test file makes its own table.
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
})
