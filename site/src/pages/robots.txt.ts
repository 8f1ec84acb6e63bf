import type { APIRoute } from 'astro'
import { absoluteUrl } from '@core/publishing/index.js'
import { file } from '../lib/feed-response.js'
import { FEED_PATHS } from '../lib/paths.js'

export const GET: APIRoute = ({ site }) =>
  file(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(site!, FEED_PATHS.sitemap)}\n`, 'text/plain')
