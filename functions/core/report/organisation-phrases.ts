import { WORDS } from '../words/catalogue.js'
import { compareNames, joinList } from '../words/natural-list.js'
import type { OrganisationType } from './report-stats.js'
import type { Locale } from '../model/vocabulary.js'

/**
 * How organisations of one type are named together in running text, as seed 004 does:
 * "de gemeenten Almere, Arnhem en Enschede, de provincie Overijssel en de ministeries van AZ,
 * OCW en VWS". The type word moves in front (singular or plural), so it is taken off the names
 * ("Gemeente Almere" → "Almere"). Types without a common noun list their names as they are.
 * The phrases are in the catalogue (words/catalogue.ts).
 */

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

export interface OrganisationGroup {
  type: OrganisationType
  names: readonly string[]
}

/**
 * Names organisations grouped by type, in the order given, in one phrase.
 *
 * @example describeOrganisations([
 *   { type: 'gemeente', names: ['Gemeente Enschede', 'Almere'] },
 *   { type: 'provincie', names: ['Provincie Overijssel'] },
 * ])
 * // 'de gemeenten Almere en Enschede en de provincie Overijssel'
 */
export function describeOrganisations(groups: readonly OrganisationGroup[], locale: Locale = 'nl'): string {
  const parts = groups.flatMap(({ type, names }) => {
    const phrase = WORDS[locale].organisationPhrases[type]
    const sorted = [...new Set(names.map((n) => (phrase ? shortName(type, n) : n)))].sort((a, b) =>
      compareNames(a, b, locale),
    )
    if (sorted.length === 0) return []
    if (!phrase) return sorted
    return [`${sorted.length === 1 ? phrase.one : phrase.many} ${joinList(sorted, locale)}`]
  })
  return joinList(parts, locale)
}
