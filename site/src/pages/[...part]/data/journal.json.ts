import type { APIRoute } from 'astro'
import { file } from '../../../lib/feed-response.js'
import { readSnapshot } from '../../../lib/snapshot-file.js'
import { currentPart, oncePerPart } from '../../../lib/site-part.js'

/** The public snapshot the site was built from, byte for byte: the open data behind every page. */
export const getStaticPaths = oncePerPart

export const GET: APIRoute = () => file(readSnapshot(currentPart().snapshotFile).text, 'application/json')
