import type { Organisation, Servant } from '../model/organisation.js'

/** What the public sees of a servant: who they are, their role, and whether and when they left. */
export interface PublicServant {
  person: string
  name: string
  role: string
  status: Servant['status']
  leftOn?: string
}

/** Every field of a servant, decided for the public view; a new field fails the type check until decided. */
export const SERVANT_FIELD_DECISIONS = {
  person: 'shown',
  name: 'shown',
  role: 'shown',
  status: 'shown',
  leftOn: 'shown',
  createdAt: 'never',
  updatedAt: 'never',
  version: 'never',
} as const satisfies Record<keyof Servant, 'shown' | 'never'>

export function toPublicServant(servant: Servant): PublicServant {
  return {
    person: servant.person,
    name: servant.name,
    role: servant.role,
    status: servant.status,
    ...(servant.leftOn !== undefined && { leftOn: servant.leftOn }),
  }
}

export type PublicOrganisation = Pick<Organisation, 'name' | 'siteUrl' | 'contact' | 'theme'>

export const ORGANISATION_FIELD_DECISIONS = {
  name: 'shown',
  siteUrl: 'shown',
  contact: 'shown',
  theme: 'shown',
  updatedAt: 'never',
  version: 'never',
} as const satisfies Record<keyof Organisation, 'shown' | 'never'>

export function toPublicOrganisation(organisation: Organisation): PublicOrganisation {
  return {
    name: organisation.name,
    ...(organisation.siteUrl !== undefined && { siteUrl: organisation.siteUrl }),
    ...(organisation.contact !== undefined && { contact: organisation.contact }),
    ...(organisation.theme !== undefined && { theme: organisation.theme }),
  }
}
