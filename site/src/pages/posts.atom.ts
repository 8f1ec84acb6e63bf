import type { APIRoute } from 'astro'
import { toAtom } from '@core/feeds.js'
import { postsFeed } from '@core/journal-feeds.js'
import { file } from '../lib/feed-response.js'
import { loadJournal } from '../lib/journal.js'

export const GET: APIRoute = async ({ site }) => file(toAtom(postsFeed((await loadJournal()).snapshot, site!.href)), 'application/atom+xml')
