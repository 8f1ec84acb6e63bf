import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildDemoSite } from '../functions/local/demo-site.js'
import { freePort } from '../functions/local/dynamodb-local.js'
import { startLighthouse } from '../functions/local/lighthouse.js'
import { demoPageKinds } from '../functions/local/page-kinds.js'
import { serveStaticSite } from '../functions/local/static-site.js'
import { printRows, type Row } from './site-build.js'

/** The page kinds the issue names; the same ones test/site/lighthouse.test.ts audits. */
const AUDITED = ['home', 'week', 'entry', 'digest', 'annual-report']
const TARGET = 95

/**
 * Lighthouse's mobile performance score (a mid-range phone on a slow 4G connection, simulated:
 * no network needed) for the demo site's main page kinds. Reported against the target of 95,
 * not asserted: the score moves a few points with the load of the machine it runs on.
 */
export async function lighthouseRows(): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), 'oaj-bench-lighthouse-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const dist = join(root, 'dist')
  try {
    await buildDemoSite({ outDir: dist, siteUrl: base })
    const pages = demoPageKinds(dist).filter((p) => AUDITED.includes(p.kind))
    const server = serveStaticSite(dist, () => false)
    await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
    const lighthouse = await startLighthouse()
    try {
      const rows: Row[] = []
      for (const page of pages) {
        const { scores, failing } = await lighthouse.audit(base + page.path, ['performance'])
        const score = scores.performance ?? 0
        const belowFull = failing.map((f) => f.split(' ')[1]).join(', ')
        rows.push({
          figure: `Lighthouse mobile performance: ${page.kind} (${page.path})`,
          measured: belowFull ? `${score} · below full: ${belowFull}` : `${score}`,
          reference: `${TARGET}`,
          ratio: score / TARGET,
          target: `≥ ${TARGET} (reported)`,
          ok: score >= TARGET,
        })
      }
      return rows
    } finally {
      await lighthouse.close()
      server.close()
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRows(await lighthouseRows())
