import type { APIRoute } from 'astro'
import { file } from '../lib/feed-response.js'
import { loadJournal } from '../lib/journal.js'
import { themeCss } from '../lib/theme-css.js'

/** The organisation's colours and font as design tokens, from the profile's theme (or the default). */
export const GET: APIRoute = async () => file(themeCss((await loadJournal()).profile?.theme), 'text/css')
