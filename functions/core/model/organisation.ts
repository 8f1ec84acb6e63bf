import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { calendarDate, contact, link, text } from './primitives.js'
import { siteThemeSchema, type SiteThemeInput } from './theme.js'

/**
 * The organisation one deployment serves (a ministry's office, a municipality, an agency) and its
 * servants, each with their own journal. One servant alone is the simplest case: a deployment
 * without an organisation record still serves its one journal.
 */
export interface Organisation {
  name: string
  /** The public site's address, e.g. https://agenda.example.nl. */
  siteUrl?: string
  /** Where readers reach the organisation: an e-mail address or an https:// web-form address. */
  contact?: string
  /** Colours and font of the organisation's site (`theme.ts`); without it the default theme. */
  theme?: SiteThemeInput
  updatedAt: string
  version: number
}

export const organisationInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    name: text(200),
    siteUrl: z.optional(link.shape.url),
    contact: z.optional(contact),
    theme: z.optional(siteThemeSchema),
  }),
)
export type OrganisationInput = z.infer<typeof organisationInputSchema>

/**
 * The first path segments the site and the API use. A servant's section lives at `/<person>/`,
 * so a servant called `agenda` or `en` would hide a page of the organisation's site.
 */
export const RESERVED_PERSON_SLUGS = [
  'about',
  'accessibility',
  'admin',
  'agenda',
  'api',
  'data',
  'digest',
  'en',
  'follow',
  'nl',
  'organisations',
  'pagefind',
  'people',
  'posts',
  'privacy',
  'search',
  'themes',
  'volgen',
  'zoeken',
] as const

/** A servant's slug: their part of every key and of their site section's path. */
export const personSlug = builtOnFirstUse(() =>
  z.string().check(
    z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
      error: 'must start with a letter and hold lowercase letters, digits and single dashes, e.g. a-jansen',
    }),
    z.maxLength(40),
    z.refine((value) => !(RESERVED_PERSON_SLUGS as readonly string[]).includes(value), {
      error: (issue) => `"${String(issue.input)}" is a page of the site already; choose another, e.g. a surname`,
    }),
  ),
)

/** The label of the token an administrator issues a servant (with the servant, or later anew). */
export const FIRST_TOKEN_LABEL = 'first token, issued by the administrator'

export const SERVANT_STATUSES = ['active', 'left'] as const

/** A servant of the organisation: who keeps a journal here, and whether they still work here. */
export interface Servant {
  person: string
  name: string
  role: string
  status: (typeof SERVANT_STATUSES)[number]
  /** The day they left; their journal and its public record stay. */
  leftOn?: string
  createdAt: string
  updatedAt: string
  version: number
}

export const servantCreateSchema = builtOnFirstUse(() =>
  z.strictObject({ person: personSlug, name: text(120), role: text(200) }),
)
export type ServantCreate = z.infer<typeof servantCreateSchema>

/** A change to a servant: a new name or role, leaving (with the day) or coming back. */
export const servantChangeSchema = builtOnFirstUse(() =>
  z
    .strictObject({
      name: z.optional(text(120)),
      role: z.optional(text(200)),
      status: z.optional(z.enum(SERVANT_STATUSES)),
      leftOn: z.optional(calendarDate),
    })
    .check(
      z.refine((change) => (change.status === 'left') === (change.leftOn !== undefined), {
        error: 'status "left" needs leftOn (the last working day, YYYY-MM-DD), and leftOn needs status "left"',
        path: ['leftOn'],
      }),
    ),
)
export type ServantChange = z.infer<typeof servantChangeSchema>

/** The servant after `change`, one version on. Coming back clears the day they left. */
export function changedServant(servant: Servant, change: ServantChange, at: string): Servant {
  const { leftOn: _previous, ...rest } = servant
  const status = change.status ?? servant.status
  const leftOn = status === 'left' ? (change.leftOn ?? servant.leftOn) : undefined
  return {
    ...rest,
    ...(change.name !== undefined && { name: change.name }),
    ...(change.role !== undefined && { role: change.role }),
    status,
    ...(leftOn !== undefined && { leftOn }),
    updatedAt: at,
    version: servant.version + 1,
  }
}
