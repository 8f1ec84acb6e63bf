import type { Locale } from '../model/vocabulary.js'
import { joinList } from './natural-list.js'

/**
 * The words of a weekly digest's lead ("Deze week had ik zes openbare afspraken met vijf
 * organisaties, vooral over ambtelijk vakmanschap; één afspraak was besloten.") and of its items,
 * in Dutch and English. Numbers up to twelve are written out, as Dutch and English prose do.
 */

const NUMBER_WORDS: Record<Locale, readonly string[]> = {
  nl: ['geen', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'],
  en: ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
}

/** `numberWord(6, 'nl')` is "zes", `numberWord(0, 'en')` "no", `numberWord(13, 'nl')` "13". */
export function numberWord(n: number, locale: Locale): string {
  return NUMBER_WORDS[locale][n] ?? String(n)
}

/** A count with its noun in the right number: "één afspraak", "zes afspraken", "no organisations". */
const counted = (n: number, [one, many]: readonly [string, string], locale: Locale) =>
  `${numberWord(n, locale)} ${n === 1 ? one : many}`

/** What a lead is written from: the week as the public sees it. */
export interface DigestLeadFacts {
  /** Public appointments of the week. */
  appointments: number
  /** Organisations they name, each once; private individuals are not organisations. */
  organisations: number
  /** The week's most frequent themes, most frequent first (at most two). */
  themes: string[]
  /** Restricted or embargoed appointments of the week. */
  withheld: number
}

interface LeadWords {
  opening: string
  publicAppointment: readonly [string, string]
  organisation: readonly [string, string]
  appointment: readonly [string, string]
  with: string
  mostlyAbout: string
  about: string
  withheld: (n: number) => string
}

const LEAD_WORDS: Record<Locale, LeadWords> = {
  nl: {
    opening: 'Deze week had ik',
    publicAppointment: ['openbare afspraak', 'openbare afspraken'],
    organisation: ['organisatie', 'organisaties'],
    appointment: ['afspraak', 'afspraken'],
    with: 'met',
    mostlyAbout: 'vooral over',
    about: 'over',
    withheld: (n) => `${counted(n, LEAD_WORDS.nl.appointment, 'nl')} ${n === 1 ? 'was' : 'waren'} besloten`,
  },
  en: {
    opening: 'This week I had',
    publicAppointment: ['public appointment', 'public appointments'],
    organisation: ['organisation', 'organisations'],
    appointment: ['appointment', 'appointments'],
    with: 'with',
    mostlyAbout: 'mostly about',
    about: 'about',
    withheld: (n) => `${counted(n, LEAD_WORDS.en.appointment, 'en')} ${n === 1 ? 'was' : 'were'} confidential`,
  },
}

/**
 * The generated lead of a digest: one sentence from the week's public figures, never naming
 * anything the public may not see (the withheld count is already public on every digest).
 *
 * @example digestLead({ appointments: 6, organisations: 5, themes: ['ambtelijk vakmanschap'], withheld: 1 }, 'nl')
 * // 'Deze week had ik zes openbare afspraken met vijf organisaties, vooral over ambtelijk vakmanschap;
 * //  één afspraak was besloten.'
 */
export function digestLead(facts: DigestLeadFacts, locale: Locale): string {
  const w = LEAD_WORDS[locale]
  const parts = [w.opening, counted(facts.appointments, w.publicAppointment, locale)]
  if (facts.organisations > 0) parts.push(w.with, counted(facts.organisations, w.organisation, locale))
  let sentence = parts.join(' ')
  if (facts.themes.length > 0 && facts.appointments > 0) {
    sentence += `, ${facts.appointments === 1 ? w.about : w.mostlyAbout} ${joinList(facts.themes, locale)}`
  }
  if (facts.withheld > 0) sentence += `; ${w.withheld(facts.withheld)}`
  return `${sentence}.`
}

const sentences = new Intl.Segmenter('nl', { granularity: 'sentence' })

/**
 * The first sentence of a plain text, or all of it. Unicode's sentence rules (through `Intl`) read
 * past an abbreviation followed by a lower-case word ("met o.a. de gemeente") and a number
 * ("versie 2.0"), where a plain search for the first full stop would cut the sentence short.
 */
export function firstSentence(text: string): string {
  const [first] = sentences.segment(text.trim())
  return (first?.segment ?? '').trim()
}

/** The words around a digest's items, on its page and in its feed: "met …", the honest counts. */
export const DIGEST_WORDS: Record<
  Locale,
  { with: string; more: (n: number) => string; withheld: (n: number) => string; note: string }
> = {
  nl: {
    with: 'met',
    more: (n) => `En nog ${counted(n, ['andere openbare afspraak', 'andere openbare afspraken'], 'nl')}.`,
    withheld: (n) => `Niet vermeld: ${counted(n, ['besloten afspraak', 'besloten afspraken'], 'nl')}.`,
    note: 'Toelichting',
  },
  en: {
    with: 'with',
    more: (n) => `And ${counted(n, ['other public appointment', 'other public appointments'], 'en')}.`,
    withheld: (n) => `Not listed: ${counted(n, ['confidential appointment', 'confidential appointments'], 'en')}.`,
    note: 'Note',
  },
}
