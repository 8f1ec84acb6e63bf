import { spawnSync } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, type BuildOptions } from 'esbuild'
import { JOURNAL_ESBUILD } from '../infra/constructs/journal-function.js'

export interface BundleFigures {
  bytes: number
  initMs: number
}

/** Bundles a Lambda entry as NodejsFunction does, without the source map (not loaded at init). */
async function bundle(entry: string, options: BuildOptions = JOURNAL_ESBUILD): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'oaj-bundle-')), 'index.mjs')
  await build({ ...options, entryPoints: [resolve(entry)], outfile, logLevel: 'error' })
  writeFileSync(
    join(outfile, '..', 'probe.mjs'),
    `const t=performance.now();await import(${JSON.stringify(outfile)});console.log(performance.now()-t)`,
  )
  return outfile
}

/**
 * Module-init time: a fresh Node process imports the bundle and reports how long the import took
 * (what a Lambda cold start spends in our code).
 */
function initOnce(outfile: string): number {
  const out = spawnSync(process.execPath, [join(outfile, '..', 'probe.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: 'eu-west-1', JOURNAL_TABLE: 'journal' },
  })
  if (out.status !== 0) throw new Error(`bundle failed to load: ${out.stderr}`)
  return Number(out.stdout.trim())
}

/**
 * Size and cold init of two Lambda entries. The init runs alternate between the two, so a change
 * in machine load during the measurement hits both alike; each figure is the median.
 */
export async function compareBundles(
  reference: string,
  candidate: string,
  runs = 25,
): Promise<[BundleFigures, BundleFigures]> {
  const files = [await bundle(reference), await bundle(candidate)] as const
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < runs; i++) for (const [k, file] of files.entries()) times[k]!.push(initOnce(file))
  return [0, 1].map((k) => ({ bytes: statSync(files[k]!).size, initMs: median(times[k]!) })) as [
    BundleFigures,
    BundleFigures,
  ]
}

/**
 * The size of an entry's bundle with the AWS SDK's default credential chain, as every function was
 * bundled before its credentials came from the environment only (functions/lambda/lambda-credentials.ts).
 */
export async function bytesWithDefaultCredentials(entry: string): Promise<number> {
  const { alias: _, ...withoutAliases } = JOURNAL_ESBUILD
  return statSync(await bundle(entry, withoutAliases)).size
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
