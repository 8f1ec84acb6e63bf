import { Hono, type MiddlewareHandler } from 'hono'
import { personSlug } from '../core/model/index.js'
import { getServant } from '../store/index.js'
import type { AppEnv } from './context.js'
import { problem } from './problem.js'

/**
 * `/api/people/{person}/…`: the request acts on the journal of the servant the path names. A
 * servant who left keeps their public record, so they are found; a slug that names nobody
 * answers 404 before any route runs (one no servant could have is not even looked up). The
 * default servant of a deployment without servant records (a single-servant one) is found too.
 */
export const servantInPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const person = c.req.param('person') ?? ''
  const { db, person: defaultPerson } = c.get('deps')
  const known = person === defaultPerson || (personSlug.safeParse(person).success && (await getServant(db, person)))
  if (!known) {
    const shown = person.length > 40 ? `${person.slice(0, 40)}…` : person
    throw problem(404, `There is no servant "${shown}" here. GET /api/people lists the servants and their slugs.`)
  }
  c.set('person', person)
  c.set('personInPath', person)
  await next()
}

/**
 * The same routes, for the servant the path names: `app.route('/api/people/:person/entries',
 * forServantInPath(entries))` serves `/api/people/{person}/entries` with the handlers of
 * `/api/entries`, not a copy of them.
 */
export function forServantInPath(routes: Hono<AppEnv>) {
  return new Hono<AppEnv>().use(servantInPath).route('/', routes)
}
