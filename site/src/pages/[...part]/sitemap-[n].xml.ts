import type { APIRoute, GetStaticPaths } from 'astro'
import { absoluteUrl } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { allPagePaths, SITEMAP_CHUNK } from '../../lib/site-map.js'
import { eachPart } from '../../lib/site-part.js'

export const getStaticPaths = (() =>
  eachPart('part', async () => {
    const paths = await allPagePaths(await loadJournal())
    return Array.from({ length: Math.max(1, Math.ceil(paths.length / SITEMAP_CHUNK)) }, (_, i) => ({
      params: { part: undefined as string | undefined, n: String(i + 1) },
      props: { paths: paths.slice(i * SITEMAP_CHUNK, (i + 1) * SITEMAP_CHUNK) },
    }))
  })) satisfies GetStaticPaths

export const GET: APIRoute = ({ site, props }) => {
  const urls = (props as { paths: string[] }).paths.map((p) => `<url><loc>${absoluteUrl(site!, p)}</loc></url>`)
  return file(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
    'application/xml',
  )
}
