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
