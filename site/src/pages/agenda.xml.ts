import type { APIRoute } from 'astro'
import { toRss } from '@core/feeds.js'
import { agendaFeed } from '@core/journal-feeds.js'
import { file } from '../lib/feed-response.js'
import { loadJournal } from '../lib/journal.js'

export const GET: APIRoute = async ({ site }) => file(toRss(agendaFeed((await loadJournal()).snapshot, site!.href)), 'application/rss+xml')
