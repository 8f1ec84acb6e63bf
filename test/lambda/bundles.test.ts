import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { JOURNAL_ESBUILD } from '../../infra/constructs/journal-function.js'

/** The packages a Lambda entry bundles, as esbuild (which CDK's NodejsFunction uses) resolves them. */
async function bundledPackages(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [entry],
    ...JOURNAL_ESBUILD,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = Object.values(metafile.outputs)[0]!.inputs
  const packages = Object.entries(inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path)?.[1])
  return [...new Set(packages.filter((p): p is string => p !== undefined))].sort()
}

describe('the public API Lambda bundle', () => {
  it('has no Markdown renderer, HTML sanitiser, calendar parser or Secrets Manager client (admin only)', async () => {
    const api = await bundledPackages('functions/lambda/api.ts')
    expect(api).toEqual(expect.arrayContaining(['hono', '@aws-sdk/client-dynamodb', 'zod']))
    const heavies = ['markdown-it', 'sanitize-html', 'postcss', 'htmlparser2', 'ical.js', 'rss']
    for (const heavy of [...heavies, '@aws-sdk/client-secrets-manager']) {
      expect(api, heavy).not.toContain(heavy)
    }
    const admin = await bundledPackages('functions/lambda/admin.ts')
    expect(admin).toEqual(
      expect.arrayContaining(['markdown-it', 'sanitize-html', 'ical.js', '@aws-sdk/client-secrets-manager']),
    )
  })
})

describe('the credentials of a bundled function', () => {
  it('come from the environment, where Lambda puts them; the chain’s other sources are not bundled', async () => {
    const api = await bundledPackages('functions/lambda/api.ts')
    for (const source of ['credential-provider-ini', 'credential-provider-sso', 'credential-provider-process'])
      expect(api).not.toContain(`@aws-sdk/${source}`)
    expect(api).not.toContain('@aws-sdk/nested-clients')
    expect(api).not.toContain('@smithy/credential-provider-imds')

    // A DynamoDB client bundled as every function is: it signs with the role's keys from the environment.
    const dir = mkdtempSync(join(tmpdir(), 'oaj-credentials-'))
    try {
      await build({
        ...JOURNAL_ESBUILD,
        stdin: {
          contents:
            "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'\n" +
            "const client = new DynamoDBClient({ region: 'eu-west-1' })\n" +
            'console.log(JSON.stringify(await client.config.credentials()))\n',
          resolveDir: process.cwd(),
        },
        outfile: join(dir, 'probe.mjs'),
        logLevel: 'silent',
      })
      const run = (env: Record<string, string>) => {
        const {
          AWS_ACCESS_KEY_ID: _a,
          AWS_SECRET_ACCESS_KEY: _s,
          AWS_SESSION_TOKEN: _t,
          AWS_PROFILE: _p,
          ...rest
        } = process.env
        return spawnSync(process.execPath, [join(dir, 'probe.mjs')], { encoding: 'utf8', env: { ...rest, ...env } })
      }
      const lambda = run({ AWS_ACCESS_KEY_ID: 'AKIAROLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' })
      expect(lambda.status, lambda.stderr).toBe(0)
      expect(JSON.parse(lambda.stdout)).toMatchObject({ accessKeyId: 'AKIAROLE', sessionToken: 'token' })
      const none = run({})
      expect(none.status).not.toBe(0)
      expect(none.stderr).toMatch(/environment/i)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
