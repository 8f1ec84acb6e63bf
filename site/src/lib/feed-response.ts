import { xmlSafe } from '@core/model/index.js'

/**
 * A build-time file with its media type (the static host serves it by extension; dev uses this).
 * Characters XML forbids are dropped from every one, sitemaps included: none carries meaning.
 */
export function file(body: string, type: string): Response {
  return new Response(xmlSafe(body), { headers: { 'Content-Type': `${type}; charset=utf-8` } })
}
