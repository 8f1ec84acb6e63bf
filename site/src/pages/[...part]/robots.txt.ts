import type { APIRoute } from 'astro'
import { absoluteUrl } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { feedPaths, servantHomePath } from '../../lib/paths.js'
import { oncePerPart } from '../../lib/site-part.js'

/** Crawlers find the sitemap here; an organisation's site names each servant's section's too. */
export const getStaticPaths = oncePerPart

export const GET: APIRoute = async ({ site }) => {
  const sections = (await loadJournal()).organisation?.servants ?? []
  const maps = [feedPaths().sitemap, ...sections.map((s) => `${servantHomePath(s.person)}sitemap.xml`)]
  return file(
    `User-agent: *\nAllow: /\n${maps.map((m) => `Sitemap: ${absoluteUrl(site!, m)}\n`).join('')}`,
    'text/plain',
  )
}
