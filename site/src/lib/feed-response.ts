/** A build-time file with its media type (the static host serves it by extension; dev uses this). */
export function file(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } })
}
