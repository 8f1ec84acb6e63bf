import type { APIRoute } from 'astro'
import { themeCss } from '@core/publishing/index.js'
import { file } from '../lib/feed-response.js'
import { loadJournal } from '../lib/journal.js'

/** The organisation's colours and font as design tokens, from the profile's theme (or the default). */
export const GET: APIRoute = async () => file(themeCss((await loadJournal()).profile?.theme), 'text/css')
