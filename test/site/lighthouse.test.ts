import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemoSiteFrom } from '../../functions/local/demo-site.js'
import { freePort } from '../../functions/local/dynamodb-local.js'
import { startLighthouse, type Lighthouse } from '../../functions/local/lighthouse.js'
import { demoPageKinds, type PageKind } from '../../functions/local/page-kinds.js'
import { serveStaticSite } from '../../functions/local/static-site.js'
import { PERSON, testDb } from '../support/test-db.js'

/**
 * Lighthouse (Debian's Chromium, headless, offline) on the demo site's main page kinds: full
 * marks for accessibility, best practices and SEO. The site is served at the address it was
 * built for, so canonical links and feeds point where Lighthouse finds the page. A failure lists
 * the audits that lost points, by id and title. Mobile performance is reported by `npm run bench`.
 */
const AUDITED = ['home', 'week', 'entry', 'digest', 'annual-report']

let root: string
let server: Server
let base: string
let pages: PageKind[]
let lighthouse: Lighthouse

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'oaj-lighthouse-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const dist = join(root, 'dist')
  await buildDemoSiteFrom(await testDb(), PERSON, { outDir: dist, siteUrl: base, cacheDir: join(root, 'cache') })
  pages = demoPageKinds(dist).filter((p) => AUDITED.includes(p.kind))
  server = serveStaticSite(dist, () => false)
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
  lighthouse = await startLighthouse()
}, 300_000)

afterAll(async () => {
  await lighthouse?.close()
  server?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('Lighthouse on the demo site', () => {
  it('audits one page of each kind asked for', () => {
    expect(pages.map((p) => p.kind).sort()).toEqual([...AUDITED].sort())
  })

  it.each(AUDITED)(
    'scores 100 for accessibility, best practices and SEO on the %s page',
    async (kind) => {
      const page = pages.find((p) => p.kind === kind)!
      const { scores, failing } = await lighthouse.audit(base + page.path, ['accessibility', 'best-practices', 'seo'])
      expect(scores, `${page.path} loses points on:\n${failing.join('\n')}`).toEqual({
        accessibility: 100,
        'best-practices': 100,
        seo: 100,
      })
    },
    120_000,
  )
})
