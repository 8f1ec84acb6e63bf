import { mkdirSync, writeFileSync } from 'node:fs'
import { apiThroughput, type Compared, type Throughput } from './api-throughput.js'
import { generationFigures } from './generation.js'
import { lighthouseRows } from './lighthouse.js'
import { bytesWithDefaultCredentials, compareBundles } from './lambda-bundle.js'
import { organisationRows } from './organisation-publish.js'
import { publishLatencyRows } from './publish-latency.js'
import { printRows, siteBuildRows, type Row } from './site-build.js'

/**
 * `npm run bench`: every figure is a ratio against a reference measured in the same run,
 * because these machines are too noisy for absolute numbers.
 */

async function lambdaRows(): Promise<Row[]> {
  const entries = ['bench/reference/minimal-handler.ts', 'functions/lambda/api.ts'] as const
  const [reference, api] = await compareBundles(...entries)
  const [referenceBefore, apiBefore] = await Promise.all(entries.map(bytesWithDefaultCredentials))
  const sizeRatio = api.bytes / reference.bytes
  const initRatio = api.initMs / reference.initMs
  // Both bundled alike; in brackets as bundled with the SDK's default credential chain.
  const kb = (now: number, before: number) =>
    `${(now / 1024).toFixed(0)} KB (${(before / 1024).toFixed(0)} KB with the default credential chain)`
  return [
    {
      figure: 'API Lambda bundle size',
      measured: kb(api.bytes, apiBefore!),
      reference: kb(reference.bytes, referenceBefore!),
      ratio: sizeRatio,
      target: '≤ 1.10×',
      ok: sizeRatio <= 1.1,
    },
    {
      figure: 'API Lambda cold module init',
      measured: `${api.initMs.toFixed(1)} ms`,
      reference: `${reference.initMs.toFixed(1)} ms`,
      ratio: initRatio,
      target: '≤ 1.15×',
      ok: initRatio <= 1.15,
    },
  ]
}

function throughputRows(name: string, f: Compared): Row[] {
  // The median of the rounds' ratios (see `Throughput.toRaw`), not the ratio of the median rounds.
  const [ratio, floor] = [f.api.toRaw, f.bare.toRaw]
  const raw = `${f.raw.opsPerSecond.toFixed(0)} ops/s raw SDK`
  // The ratio of the median rounds too, as earlier runs counted it.
  const rate = (t: Throughput) =>
    `${t.opsPerSecond.toFixed(0)} req/s (median rounds ${(t.opsPerSecond / f.raw.opsPerSecond).toFixed(2)}×)`
  const ms = (t: Throughput) => `p50 ${t.p50.toFixed(1)} / p99 ${t.p99.toFixed(1)} ms`
  return [
    {
      figure: `${name}: throughput`,
      measured: rate(f.api),
      reference: raw,
      ratio,
      target: '≥ 0.9×',
      ok: ratio >= 0.9,
    },
    {
      figure: `${name}: bare Hono, same calls (floor)`,
      measured: rate(f.bare),
      reference: raw,
      ratio: floor,
      target: 'reported',
      ok: true,
    },
    {
      figure: `${name}: latency`,
      measured: ms(f.api),
      reference: ms(f.raw),
      ratio: f.raw.p50 / f.api.p50,
      target: 'reported',
      ok: true,
    },
  ]
}

function generationRows(): Row[] {
  const g = generationFigures()
  const row = (figure: string, [half, full]: [number, number]): Row => ({
    figure,
    measured: `${full.toFixed(0)} ms for 10,000 entries`,
    reference: `${half.toFixed(0)} ms for 5,000`,
    ratio: full / half,
    target: '≤ 2.2× (linear)',
    ok: full / half <= 2.2,
  })
  return [
    row('all weekly digests of a 10-year journal', g.digestMs),
    row('annual report stats of the last year', g.reportMs),
  ]
}

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const throughput = await apiThroughput()
  const rows = [
    ...(process.env.BENCH_LAMBDA === 'off' ? [] : await lambdaRows()),
    ...throughputRows('public week listing', throughput.list),
    ...throughputRows('create entry (owner)', throughput.create),
    ...(process.env.BENCH_GENERATION === 'off' ? [] : generationRows()),
    ...(process.env.BENCH_SITE === 'off' ? [] : await siteBuildRows()),
    ...(process.env.BENCH_LIGHTHOUSE === 'off' ? [] : await lighthouseRows()),
    ...(process.env.BENCH_ORGANISATION === 'off' ? [] : await organisationRows()),
    ...(process.env.BENCH_LATENCY === 'off' ? [] : await publishLatencyRows()),
  ]
  printRows(rows)
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2))
  console.log(`written ${file}`)
}

await main()
