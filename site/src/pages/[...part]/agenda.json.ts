import type { APIRoute } from 'astro'
import { toJsonFeed, agendaFeed } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { sectionUrl } from '../../lib/paths.js'
import { oncePerPart } from '../../lib/site-part.js'

export const getStaticPaths = oncePerPart

export const GET: APIRoute = async ({ site }) =>
  file(toJsonFeed(agendaFeed((await loadJournal()).snapshot, sectionUrl(site!).href)), 'application/feed+json')
