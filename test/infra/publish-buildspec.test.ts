import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishPart, type PartBuildRequest } from '../../functions/publish/part-publisher.js'
import { createDb, type Db } from '../../functions/store/index.js'
import { publishBuildSpec } from '../../infra/publish/buildspec.js'
import { REPO_ROOT } from '../../infra/paths.js'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { dynamodbEndpoint, testDb } from '../support/test-db.js'
import { seedOrganisation } from './support/organisation.js'
import { journal } from './support/synth-journal.js'

/**
 * The publish build as CodeBuild runs it: the buildspec's build commands, one by one in bash, in a
 * clean copy of the source asset the synthesis staged, against a stand-in `aws` CLI on folders
 * (test/infra/support/fake-aws-cli.mjs). Dependencies are linked from this checkout instead of
 * `npm ci` (no network in the tests). The snapshots come from the real publisher's export.
 */
const FAKE_AWS = fileURLToPath(new URL('./support/fake-aws-cli.mjs', import.meta.url))
let work: string
let copy: string
let aws: string
let db: Db
const requests: PartBuildRequest[] = []

const bucket = (name: string, key = '') => join(aws, 'buckets', name, key)
const put = (name: string, key: string, body: string) => {
  mkdirSync(dirname(bucket(name, key)), { recursive: true })
  writeFileSync(bucket(name, key), body)
}

/** Runs the buildspec's build phase for one part, as the publish function's overrides set it. */
function build(request: PartBuildRequest) {
  const env = {
    PATH: `${join(aws, 'bin')}:${process.env.PATH}`,
    // A home of its own: this machine's ~/.bashrc would put another aws first on the PATH.
    HOME: work,
    FAKE_AWS_DIR: aws,
    SNAPSHOT_BUCKET: 'snapshots',
    SITE_BUCKET: 'site',
    DISTRIBUTION_ID: 'E2EXAMPLE',
    JOURNAL_SITE_URL: 'https://agenda.example.nl',
    SNAPSHOT_KEY: request.snapshotKey,
    JOURNAL_SITE_BASE: request.base,
    SITE_PREFIX: request.prefix,
    JOURNAL_SITE_BUILD_HEAP_MB: String(request.size.heapMb),
  }
  const spec = publishBuildSpec() as { phases: { build: { commands: string[] } } }
  for (const command of spec.phases.build.commands)
    execFileSync('bash', ['-eo', 'pipefail', '-c', command], { cwd: copy, env, stdio: 'pipe', timeout: 240_000 })
}

const calls = () =>
  readFileSync(join(aws, 'calls.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string[])

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'oaj-buildspec-'))
  aws = join(work, 'aws')
  mkdirSync(join(aws, 'bin'), { recursive: true })
  writeFileSync(join(aws, 'bin', 'aws'), `#!/bin/sh\nexec "${process.execPath}" "${FAKE_AWS}" "$@"\n`)
  chmodSync(join(aws, 'bin', 'aws'), 0o755)
  writeFileSync(join(aws, 'calls.log'), '')
  // The source asset as the synthesis staged it (what CodeBuild downloads), copied clean.
  const project = Object.values(
    journal()
      .template((s) => s.publish)
      .findResources('AWS::CodeBuild::Project'),
  )[0]!.Properties
  const key = JSON.stringify(project.Source.Location).match(/\/([0-9a-f]{64})\.zip/)![1]
  copy = join(work, 'source')
  cpSync(`${journal().app.outdir}/asset.${key}`, copy, { recursive: true })
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'))

  db = await testDb()
  await seedOrganisation(db, ['bram', 'wouter'])
  const bram = new JournalBuilder('bram', 'tok-bram').withProfile({ name: 'Bram Visser' })
  bram.entry({ start: '2015-03-17T10:00', title: 'Overleg Utrecht' })
  await bram.saveTo(db)
  const wouter = new JournalBuilder('wouter', 'tok-wouter').withProfile({ name: 'Wouter Bos' })
  wouter.entry({ start: '2015-03-16T10:00', title: 'Werkbezoek Zwolle' })
  await wouter.saveTo(db)
  // Online before: Wouter's section, a page of the root that is gone, a page of Bram's that is gone.
  put('site', 'wouter/index.html', 'Wouter online')
  put('site', 'old-root-page/index.html', 'gone from the root')
  put('site', 'bram/old-page/index.html', 'gone from the section')
}, 60_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The real publisher exports into the stand-in's snapshot bucket and records what it would start. */
async function publish(part: string) {
  const deps = {
    // A client of its own: the last one's sockets idled through a whole Astro build, and DynamoDB
    // Local may have closed them (CI saw "socket hang up").
    db: createDb({ endpoint: dynamodbEndpoint(), table: db.table }),
    person: 'demo',
    snapshots: {
      put: async (key: string, body: string) => put('snapshots', key, body),
      get: async (key: string) =>
        existsSync(bucket('snapshots', key)) ? readFileSync(bucket('snapshots', key), 'utf8') : undefined,
    },
    builds: {
      start: async (request: PartBuildRequest) => {
        requests.push(request)
        return `build-${requests.length}`
      },
      status: async () => 'SUCCEEDED' as const,
    },
    queue: { send: async () => {} },
    wait: { until: Date.now() + 60_000, pollMs: 1_000 },
  }
  await publishPart(deps, part, Date.now() - 60_000)
  build(requests.at(-1)!)
}

describe('the publish buildspec on a clean copy of its source', () => {
  it("builds a servant's section into its folder, deletes its gone pages and nothing of anyone else's", async () => {
    await publish('bram')
    expect(readFileSync(bucket('site', 'bram/index.html'), 'utf8')).toContain('Bram Visser')
    expect(existsSync(bucket('site', 'bram/old-page/index.html'))).toBe(false)
    expect(readFileSync(bucket('site', 'wouter/index.html'), 'utf8')).toBe('Wouter online')
    expect(existsSync(bucket('site', 'old-root-page/index.html'))).toBe(true)
    const invalidation = calls().find((c) => c[1] === 'create-invalidation')!
    expect(invalidation.slice(invalidation.indexOf('--paths') + 1, invalidation.indexOf('--query'))).toEqual([
      '/bram/*',
      '/bram',
    ])
  }, 300_000)

  it("builds the organisation's pages at the root, deletes the root's gone pages, leaves every section", async () => {
    await publish('@organisation')
    const home = readFileSync(bucket('site', 'index.html'), 'utf8')
    expect(home).toContain('Ministerie van Voorbeeldzaken')
    expect(existsSync(bucket('site', 'old-root-page/index.html'))).toBe(false)
    expect(readFileSync(bucket('site', 'wouter/index.html'), 'utf8')).toBe('Wouter online')
    expect(existsSync(bucket('site', 'bram/index.html'))).toBe(true)
  }, 300_000)
})
