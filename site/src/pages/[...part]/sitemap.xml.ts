import type { APIRoute } from 'astro'
import { absoluteUrl } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { sectionFile } from '../../lib/paths.js'
import { allPagePaths, SITEMAP_CHUNK } from '../../lib/site-map.js'
import { oncePerPart } from '../../lib/site-part.js'

/** A sitemap index pointing at `/sitemap-1.xml`, … (one per 40,000 pages), so any journal size fits. */
export const getStaticPaths = oncePerPart

export const GET: APIRoute = async ({ site }) => {
  const count = Math.max(1, Math.ceil((await allPagePaths(await loadJournal())).length / SITEMAP_CHUNK))
  const maps = Array.from(
    { length: count },
    (_, i) => `<sitemap><loc>${absoluteUrl(site!, sectionFile(`/sitemap-${i + 1}.xml`))}</loc></sitemap>`,
  )
  return file(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${maps.join('\n')}\n</sitemapindex>\n`,
    'application/xml',
  )
}
