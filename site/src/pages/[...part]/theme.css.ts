import type { APIRoute } from 'astro'
import { themeCss } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { oncePerPart } from '../../lib/site-part.js'

/**
 * The colours and font as design tokens: the servant's own theme, else their organisation's (on
 * the organisation's pages, its own), else the default.
 */
export const getStaticPaths = oncePerPart

export const GET: APIRoute = async () => {
  const journal = await loadJournal()
  return file(themeCss(journal.profile?.theme ?? journal.snapshot.organisation?.theme), 'text/css')
}
