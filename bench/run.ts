import { mkdirSync, writeFileSync } from 'node:fs'
import { measureBundle } from './lambda-bundle.js'

/**
 * `npm run bench`: every figure is a ratio against a reference measured in the same run,
 * because these machines are too noisy for absolute numbers.
 */
interface Row { figure: string; measured: string; reference: string; ratio: number; target: string; ok: boolean }

async function lambdaRows(): Promise<Row[]> {
  // Interleave the two so drift in machine load hits both alike.
  const reference = await measureBundle('bench/reference/minimal-handler.ts')
  const api = await measureBundle('functions/lambda/api.ts')
  const sizeRatio = api.bytes / reference.bytes
  const initRatio = api.initMs / reference.initMs
  return [
    { figure: 'API Lambda bundle size', measured: `${(api.bytes / 1024).toFixed(0)} KB`, reference: `${(reference.bytes / 1024).toFixed(0)} KB`, ratio: sizeRatio, target: '≤ 1.15×', ok: sizeRatio <= 1.15 },
    { figure: 'API Lambda cold module init', measured: `${api.initMs.toFixed(1)} ms`, reference: `${reference.initMs.toFixed(1)} ms`, ratio: initRatio, target: '≤ 1.2×', ok: initRatio <= 1.2 },
  ]
}

async function main() {
  const rows = [...(await lambdaRows())]
  console.table(rows.map((r) => ({ ...r, ratio: `${r.ratio.toFixed(2)}×`, ok: r.ok ? 'yes' : 'NO' })))
  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2))
  console.log(`written ${file}`)
}

await main()
