import type { MiddlewareHandler } from 'hono'
import { slug } from '../core/model/index.js'
import type { AppEnv } from './context.js'
import { problem } from './problem.js'

/** Entry ids are ULIDs; imported and restored entries keep theirs, all letters, digits, `-` and `_`. */
const ENTRY_ID = /^[0-9A-Za-z_-]{1,64}$/

/** Enough of what was sent to recognise it, never a 3,000-character echo. */
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value)

/**
 * A path parameter that cannot name any item answers 404, exactly like a missing item, before it
 * reaches the store: DynamoDB refuses oversized keys with an error that would otherwise be a 500.
 * A 404 rather than a 400 because the address names nothing, as an unknown valid one does.
 */
function itemParam(
  name: string,
  noun: string,
  looksValid: (value: string) => boolean,
  form: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const value = c.req.param(name) ?? ''
    if (!looksValid(value)) throw problem(404, `There is no ${noun} ${shown(value)}: ${form}.`)
    await next()
  }
}

export const entryIdParam = itemParam(
  'id',
  'entry',
  (v) => ENTRY_ID.test(v),
  'an entry id is the `id` of a listed entry, 26 letters and digits such as 01JQ3ZK8V1T6B2X9M4N5P7R8S0',
)
export const postSlugParam = itemParam(
  'slug',
  'post',
  (v) => slug.safeParse(v).success,
  'a post slug is lowercase letters, digits and single dashes, such as jaarverslag-2014-2015',
)
