/** Public answers may be cached briefly by browsers and CDNs; owner answers never. */
export const publicHeaders = { 'Cache-Control': 'public, max-age=60', Vary: 'Authorization' }
export const ownerHeaders = { 'Cache-Control': 'private, no-store', Vary: 'Authorization' }

/** The optional public reason for a change, sent as `X-Change-Reason` (percent-encoded for non-ASCII). */
export function changeReason(header: string | undefined): string | undefined {
  if (!header) return undefined
  try {
    return decodeURIComponent(header).slice(0, 500)
  } catch {
    return header.slice(0, 500)
  }
}
