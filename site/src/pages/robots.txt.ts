import type { APIRoute } from 'astro'
import { absoluteUrl, FEED_PATHS } from '@core/publishing/index.js'
import { file } from '../lib/feed-response.js'

export const GET: APIRoute = ({ site }) =>
  file(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(site!, FEED_PATHS.sitemap)}\n`, 'text/plain')
