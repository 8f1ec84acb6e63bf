import { spawnSync } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

export interface BundleFigures { bytes: number; initMs: number }

/** Bundles a Lambda entry as NodejsFunction would (minified ESM, everything included) and measures it. */
export async function measureBundle(entry: string, initRuns = 15): Promise<BundleFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'oaj-bundle-'))
  const outfile = join(dir, 'index.mjs')
  await build({
    entryPoints: [resolve(entry)], outfile, bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node20',
    banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" }, logLevel: 'error',
  })
  return { bytes: statSync(outfile).size, initMs: coldInitMs(outfile, initRuns) }
}

/**
 * Module-init time: a fresh Node process imports the bundle and reports how long the import took
 * (what a Lambda cold start spends in our code). The median of several runs.
 */
function coldInitMs(bundle: string, runs: number): number {
  const probe = join(bundle, '..', 'probe.mjs')
  writeFileSync(probe, `const t=performance.now();await import(${JSON.stringify(bundle)});console.log(performance.now()-t)`)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, [probe], { encoding: 'utf8', env: { ...process.env, AWS_REGION: 'eu-west-1', JOURNAL_TABLE: 'journal' } })
    if (out.status !== 0) throw new Error(`bundle failed to load: ${out.stderr}`)
    times.push(Number(out.stdout.trim()))
  }
  return median(times)
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
