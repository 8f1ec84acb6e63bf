import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'
import { DEFAULT_TIMEZONE } from '../time/dates.js'
import { contact, link, longText, text, timeZone } from './primitives.js'
import { siteThemeSchema, type SiteThemeInput } from './theme.js'
import { LOCALES, type Locale } from './vocabulary.js'

/** Who keeps this journal: shown on every public page. */
export const profileInputSchema = builtOnFirstUse(() =>
  z.strictObject({
    name: text(120),
    role: text(200),
    organisation: text(200),
    bio: z.optional(longText(5_000)),
    links: z.optional(z.array(link).check(z.maxLength(20))),
    /** Where readers respond: an e-mail address or the https:// address of a web form. Public. */
    contact: z.optional(contact),
    locale: z.optional(z.enum(LOCALES)),
    timezone: z.optional(timeZone),
    /** Colours and font of the public site (`theme.ts`); without it the site uses the default theme. */
    theme: z.optional(siteThemeSchema),
  }),
)
export type ProfileInput = z.infer<typeof profileInputSchema>

export interface Profile {
  person: string
  name: string
  role: string
  organisation: string
  bio?: string
  links: { url: string; title?: string }[]
  /** An e-mail address or an https:// web-form address (`contactHref` makes the link). */
  contact?: string
  locale: (typeof LOCALES)[number]
  timezone: string
  theme?: SiteThemeInput
  updatedAt: string
  version: number
}

export function profileFromInput(input: ProfileInput): Omit<Profile, 'person' | 'updatedAt' | 'version'> {
  return {
    ...input,
    links: input.links ?? [],
    locale: input.locale ?? DEFAULT_SETTINGS.locale,
    timezone: input.timezone ?? DEFAULT_SETTINGS.timeZone,
  }
}

/**
 * The time zone and language of everything about a journal: its days and ISO weeks (API ranges,
 * digests, the site, calendars, reports, imports) and the words its summaries are written in.
 * Read once per request or job (`getJournalSettings`) and handed to everything that needs them.
 */
export interface JournalSettings {
  timeZone: string
  locale: Locale
}

/** What a journal without a profile yet uses: the same values a new profile starts with. */
export const DEFAULT_SETTINGS: JournalSettings = { timeZone: DEFAULT_TIMEZONE, locale: 'nl' }

/** The profile is the one source of a journal's zone and language (DESIGN.md, "Profile"). */
export function journalSettings(profile: Pick<Profile, 'timezone' | 'locale'> | undefined): JournalSettings {
  return profile ? { timeZone: profile.timezone, locale: profile.locale } : DEFAULT_SETTINGS
}
