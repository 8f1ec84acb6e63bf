import { defineMiddleware } from 'astro:middleware'
import { inPart, ownStylesheets, partOfPage } from './lib/site-part.js'

/**
 * Each page renders within its part of the build (see lib/site-part.ts): its journal, its paths,
 * its stylesheets. A build of one part has nothing to rewrite.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const part = partOfPage(context.props, context.url.pathname)
  const response = await inPart(part, next)
  const move = ownStylesheets(part)
  if (!move || !response.headers.get('content-type')?.startsWith('text/html')) return response
  const moved = new Response(move(await response.text()), response)
  // The text grew: the length Astro measured no longer holds.
  moved.headers.delete('content-length')
  return moved
})
