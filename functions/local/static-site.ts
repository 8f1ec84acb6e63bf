import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
}

/** What one request path asks of the site: a file to send, or a refusal with the reason. */
export type StaticAnswer = { status: 200 | 404; file: string } | { status: 400 | 403 | 404; reason: string }

/**
 * Maps a request path to a file of the built site at `root`: `/x/` is `/x/index.html`, a missing
 * file is the site's 404 page, and nothing outside `root` is ever named. Paths the file system
 * cannot take (a NUL byte, broken percent-encoding) are refused here: they must never reach
 * `stat`, which throws on them and would take the whole local server down.
 */
export function resolveStaticPath(root: string, requestUrl: string): StaticAnswer {
  let decoded: string
  try {
    decoded = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return { status: 400, reason: 'The path is not valid percent-encoding: encode "%" as %25.' }
  }
  if (decoded.includes('\0'))
    return { status: 400, reason: 'The path holds a NUL byte (%00), which no file name can hold.' }
  const path = normalize(join(root, decoded))
  if (path !== root && !path.startsWith(root + sep)) return { status: 403, reason: 'The path points outside the site.' }
  const file = isDirectory(path) ? join(path, 'index.html') : path
  if (isFile(file)) return { status: 200, file }
  const notFound = join(root, '404.html')
  return isFile(notFound) ? { status: 404, file: notFound } : { status: 404, reason: 'Nothing is at this address.' }
}

/** A file name too long, or a "directory" that is a file (`/index.html/x`), is simply not there. */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false })
  } catch {
    return undefined
  }
}
const isDirectory = (path: string) => statOf(path)?.isDirectory() === true
const isFile = (path: string) => statOf(path)?.isFile() === true

/**
 * The local static server of the built site: GET and HEAD only, `no-cache` (the site is rebuilt
 * under it), and 503 while `firstBuildRunning()` (nothing to show yet). Whatever a request holds,
 * it gets an answer and the server keeps running.
 */
export function serveStaticSite(root: string, firstBuildRunning: () => boolean): Server {
  return createServer((req, res) => {
    try {
      answer(root, firstBuildRunning, req, res)
    } catch (error) {
      // Not expected to happen (every path is checked above); if it does, this request fails alone.
      if (!res.headersSent) text(res, 500, `The site could not be read: ${(error as Error).message}\n`)
      else res.destroy()
    }
  })
}

function answer(root: string, firstBuildRunning: () => boolean, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    text(res, 405, 'The site is static: only GET and HEAD are answered.\n')
    return
  }
  if (firstBuildRunning()) {
    res.setHeader('Retry-After', '5')
    text(res, 503, 'The site is being built; try again in a few seconds.\n')
    return
  }
  const found = resolveStaticPath(root, req.url ?? '/')
  if ('reason' in found) {
    text(res, found.status, `${found.reason}\n`)
    return
  }
  res.writeHead(found.status, {
    'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') return void res.end()
  // The file can vanish between the check and the read (a rebuild swaps the folders): the
  // answer is then cut off, and the server carries on.
  createReadStream(found.file)
    .once('error', () => res.destroy())
    .pipe(res)
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body)
}
