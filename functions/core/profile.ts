import * as z from 'zod/mini'
import { link, longText, text, timeZone } from './primitives.js'
import { LOCALES } from './vocabulary.js'

/** Who keeps this journal: shown on every public page. */
export const profileInputSchema = z.strictObject({
  name: text(120),
  role: text(200),
  organisation: text(200),
  bio: z.optional(longText(5_000)),
  links: z.optional(z.array(link).check(z.maxLength(20))),
  locale: z.optional(z.enum(LOCALES)),
  timezone: z.optional(timeZone),
})
export type ProfileInput = z.infer<typeof profileInputSchema>

export interface Profile {
  person: string
  name: string
  role: string
  organisation: string
  bio?: string
  links: { url: string; title?: string }[]
  locale: (typeof LOCALES)[number]
  timezone: string
  updatedAt: string
  version: number
}

export function profileFromInput(input: ProfileInput): Omit<Profile, 'person' | 'updatedAt' | 'version'> {
  return { ...input, links: input.links ?? [], locale: input.locale ?? 'nl', timezone: input.timezone ?? 'Europe/Amsterdam' }
}
