import { compareNames, joinList } from '../words/natural-list.js'
import type { OrganisationType } from './report-stats.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * How organisations of one type are named together in running text, as seed 004 does:
 * "de gemeenten Almere, Arnhem en Enschede, de provincie Overijssel en de ministeries van AZ,
 * OCW en VWS". The type word moves in front (singular or plural), so it is taken off the names
 * ("Gemeente Almere" → "Almere"). Types without a common noun list their names as they are.
 */
interface Phrase { one: string; many: string }

const PHRASES: Record<Locale, Partial<Record<OrganisationType, Phrase>>> = {
  nl: {
    gemeente: { one: 'de gemeente', many: 'de gemeenten' },
    provincie: { one: 'de provincie', many: 'de provincies' },
    waterschap: { one: 'het waterschap', many: 'de waterschappen' },
    ministerie: { one: 'het ministerie van', many: 'de ministeries van' },
    uitvoeringsorganisatie: { one: 'de uitvoeringsorganisatie', many: 'de uitvoeringsorganisaties' },
    kennisinstelling: { one: 'de kennisinstelling', many: 'de kennisinstellingen' },
    bedrijf: { one: 'het bedrijf', many: 'de bedrijven' },
    media: { one: 'het medium', many: 'de media' },
    'maatschappelijke-organisatie': { one: 'de maatschappelijke organisatie', many: 'de maatschappelijke organisaties' },
    internationaal: { one: 'de internationale organisatie', many: 'de internationale organisaties' },
  },
  en: {
    gemeente: { one: 'the municipality of', many: 'the municipalities of' },
    provincie: { one: 'the province of', many: 'the provinces of' },
    waterschap: { one: 'the water authority', many: 'the water authorities' },
    ministerie: { one: 'the ministry of', many: 'the ministries of' },
    uitvoeringsorganisatie: { one: 'the executive agency', many: 'the executive agencies' },
    kennisinstelling: { one: 'the knowledge institution', many: 'the knowledge institutions' },
    bedrijf: { one: 'the company', many: 'the companies' },
    media: { one: 'the news outlet', many: 'the news outlets' },
    'maatschappelijke-organisatie': { one: 'the civil society organisation', many: 'the civil society organisations' },
    internationaal: { one: 'the international organisation', many: 'the international organisations' },
  },
}

/** The type word as organisations tend to be named in Dutch, whatever the reader's language. */
const PREFIXES: Partial<Record<OrganisationType, RegExp>> = {
  gemeente: /^gemeente\s+/i,
  provincie: /^provincie\s+/i,
  waterschap: /^waterschap\s+/i,
  ministerie: /^ministerie\s+van\s+/i,
}

/** A name without its type word, for use after the type: "Ministerie van OCW" → "OCW". */
export function shortName(type: OrganisationType, name: string): string {
  const short = PREFIXES[type] ? name.replace(PREFIXES[type], '') : name
  return short.trim() === '' ? name : short
}

export interface OrganisationGroup { type: OrganisationType; names: readonly string[] }

/**
 * Names organisations grouped by type, in the order given, in one phrase.
 *
 * @example describeOrganisations([{ type: 'gemeente', names: ['Gemeente Enschede', 'Almere'] }, { type: 'provincie', names: ['Provincie Overijssel'] }])
 * // 'de gemeenten Almere en Enschede en de provincie Overijssel'
 */
export function describeOrganisations(groups: readonly OrganisationGroup[], locale: Locale = 'nl'): string {
  const parts = groups.flatMap(({ type, names }) => {
    const phrase = PHRASES[locale][type]
    const sorted = [...new Set(names.map((n) => (phrase ? shortName(type, n) : n)))].sort((a, b) => compareNames(a, b, locale))
    if (sorted.length === 0) return []
    if (!phrase) return sorted
    return [`${sorted.length === 1 ? phrase.one : phrase.many} ${joinList(sorted, locale)}`]
  })
  return joinList(parts, locale)
}
