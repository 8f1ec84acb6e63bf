/** The closed word lists of the domain (DESIGN.md section 3), shared by schemas, UI and reports. */

export const ENTRY_KINDS = [
  'meeting',
  'lecture',
  'advice',
  'interview',
  'visit',
  'conference',
  'board',
  'media',
  'other',
] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/** Organisation types, in the order annual reports list them (government first, as seed 004 does). */
export const ORGANISATION_TYPES = [
  'gemeente',
  'provincie',
  'waterschap',
  'ministerie',
  'uitvoeringsorganisatie',
  'rechtspraak-om',
  'kennisinstelling',
  'bedrijf',
  'media',
  'maatschappelijke-organisatie',
  'internationaal',
  'overig',
] as const
export const COUNTERPART_TYPES = [...ORGANISATION_TYPES, 'private-person'] as const
export type CounterpartType = (typeof COUNTERPART_TYPES)[number]

export const ENTRY_STATUSES = ['planned', 'held', 'cancelled', 'moved'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

export const VISIBILITIES = ['public', 'restricted', 'private'] as const
export type Visibility = (typeof VISIBILITIES)[number]

export const POST_KINDS = ['annual-report', 'note'] as const
export const POST_STATUSES = ['draft', 'published'] as const
export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** How a private individual is named in every public output (GDPR data minimisation). */
export const PRIVATE_PERSON_LABEL: Record<Locale, string> = { nl: 'particulier', en: 'private individual' }

/** The label a restricted entry's slot carries instead of its title. */
export const RESTRICTED_LABEL: Record<Locale, string> = { nl: 'Besloten afspraak', en: 'Confidential appointment' }
