import { Hono } from 'hono'
import {
  changedServant,
  FIRST_TOKEN_LABEL,
  organisationInputSchema,
  parseWith,
  servantChangeSchema,
  servantCreateSchema,
  type Organisation,
  type Servant,
} from '../core/model/index.js'
import { toPublicOrganisation, toPublicServant } from '../core/privacy/index.js'
import {
  addServant,
  getOrganisation,
  getServant,
  listServants,
  listTokens,
  putOrganisation,
  updateServant,
} from '../store/index.js'
import type { AppEnv } from './context.js'
import { etag, expectedVersion, jsonBody, requireAdministrator } from './middleware.js'
import { problem } from './problem.js'
import { issueFirstToken, newToken, tokenView } from './tokens.js'
import { ownerHeaders, publicHeaders } from './views.js'

async function servantOrProblem(db: Parameters<typeof getServant>[0], person: string): Promise<Servant> {
  const servant = await getServant(db, person)
  if (!servant) throw problem(404, `There is no servant "${person}". GET /api/people lists them.`)
  return servant
}

/**
 * The organisation's servants. Anyone may list them (name, role, and whether they left); the
 * administrator adds a servant with a first token (shown once), changes or deactivates one, and
 * issues a new first token. None of these routes reads anything inside a servant's journal.
 */
export const people = new Hono<AppEnv>()
  .get('/', async (c) => {
    const servants = await listServants(c.get('deps').db)
    return c.json({ items: servants.map(toPublicServant) }, 200, publicHeaders)
  })
  .get('/:person', async (c) => {
    const servant = await servantOrProblem(c.get('deps').db, c.req.param('person'))
    // Every field of a servant is public, so its version is too: the administrator changes with it.
    return c.json(toPublicServant(servant), 200, { ...publicHeaders, ETag: etag(servant.version) })
  })
  .post('/', requireAdministrator, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const input = parseWith(servantCreateSchema, c.get('body'))
    const at = now().toISOString()
    const servant: Servant = { ...input, status: 'active', createdAt: at, updatedAt: at, version: 1 }
    const { token, secret } = newToken(input.person, FIRST_TOKEN_LABEL, now())
    await addServant(db, servant, token)
    const body = { ...toPublicServant(servant), firstToken: { ...tokenView(token), secret } }
    return c.json(body, 201, { ...ownerHeaders, ETag: etag(1), Location: `/api/people/${servant.person}` })
  })
  .patch('/:person', requireAdministrator, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const current = await servantOrProblem(db, c.req.param('person'))
    const expected = expectedVersion(c.req.header('if-match'))
    const change = parseWith(servantChangeSchema, c.get('body'))
    const next = changedServant(current, change, now().toISOString())
    // Leaving ends the servant's access: their working tokens are revoked in the same write.
    const leaving = current.status === 'active' && next.status === 'left'
    const revoke = leaving ? (await listTokens(db, current.person)).filter((t) => !t.revokedAt) : []
    await updateServant(db, next, expected, revoke)
    return c.json(toPublicServant(next), 200, { ...ownerHeaders, ETag: etag(next.version) })
  })
  .post('/:person/tokens', requireAdministrator, async (c) => {
    const { db, now } = c.get('deps')
    const servant = await servantOrProblem(db, c.req.param('person'))
    if (servant.status === 'left')
      throw problem(409, `${servant.name} left on ${servant.leftOn}; set status "active" first (PATCH).`)
    const { token, secret, revoked } = await issueFirstToken(db, servant.person, now())
    return c.json({ ...tokenView(token), secret, revoked }, 201, ownerHeaders)
  })

/** The organisation the deployment serves: public to read, the administrator's to describe. */
export const organisation = new Hono<AppEnv>()
  .get('/', async (c) => {
    const found = await getOrganisation(c.get('deps').db)
    if (!found) throw problem(404, 'This deployment has not described its organisation yet.')
    return c.json(toPublicOrganisation(found), 200, publicHeaders)
  })
  .put('/', requireAdministrator, jsonBody, async (c) => {
    const { db, now } = c.get('deps')
    const input = parseWith(organisationInputSchema, c.get('body'))
    const current = await getOrganisation(db)
    const expected = current ? expectedVersion(c.req.header('if-match')) : 0
    const next: Organisation = { ...input, updatedAt: now().toISOString(), version: expected + 1 }
    await putOrganisation(db, next, expected)
    return c.json(toPublicOrganisation(next), current ? 200 : 201, { ...ownerHeaders, ETag: etag(next.version) })
  })
