import { Hono } from 'hono'
import { profileFromInput, profileInputSchema, type Profile, parseWith } from '../core/model/index.js'
import { toPublicProfile } from '../core/privacy/index.js'
import { getProfile, putProfile } from '../store/index.js'
import type { AppEnv } from './context.js'
import { bearerToken, etag, expectedVersion, jsonBody, requireOwner } from './middleware.js'
import { problem } from './problem.js'
import { ownerHeaders, publicHeaders } from './views.js'

/** Who keeps the journal. The first PUT creates the profile; later ones need If-Match. */
export const profile = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps')
    // With a token, the profile read is the token's servant's: the one its ETag lets them change.
    const owner = await bearerToken(c)
    const found = await getProfile(db, c.get('person'))
    if (!found) throw problem(404, 'This journal has no profile yet.')
    return c.json(toPublicProfile(found), 200, { ...(owner ? ownerHeaders : publicHeaders), ETag: etag(found.version) })
  })
  .put('/', requireOwner, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const person = c.get('person')
    const input = parseWith(profileInputSchema, c.get('body'))
    const current = await getProfile(db, person)
    const expected = current ? expectedVersion(c.req.header('if-match')) : 0
    if (current && current.version !== expected)
      throw problem(412, `The profile is at version ${current.version}, not ${expected}: fetch it again first.`)
    const next: Profile = { person, ...profileFromInput(input), updatedAt: now().toISOString(), version: expected + 1 }
    await putProfile(db, next, expected)
    return c.json(toPublicProfile(next), current ? 200 : 201, { ...ownerHeaders, ETag: etag(next.version) })
  })
