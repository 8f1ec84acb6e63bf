import { postPath } from '../publishing/paths.js'
import type { Figure, OrganisationType, ReportStats } from './report-stats.js'
import { slugify } from '../model/slug.js'
import type { EntryKind, Locale } from '../model/vocabulary.js'

/**
 * Every figure of an annual report links to the entries it counts: each non-empty figure gets a
 * listing page under the report (`/posts/jaarverslag-2015/kind-lecture/`). The report page and
 * the listing pages both derive their keys here, so a link and its page cannot drift apart.
 */

/** What one listing counts: a key number, a bar of a chart, an organisation type or an organisation. */
export type FigureSubject =
  | {
      figure:
        | 'total'
        | 'organisations'
        | 'first-time'
        | 'withheld'
        | 'subject-and-counterpart'
        | 'private-individuals'
        | 'cancelled'
    }
  | { figure: 'kind'; kind: EntryKind }
  | { figure: 'month'; month: string }
  | { figure: 'theme'; theme: string }
  | { figure: 'organisation-type'; type: OrganisationType }
  | { figure: 'organisation'; name: string; type: OrganisationType }

export interface FigureListing {
  /** Unique within the report, the same in both languages: `total`, `month-2015-03`, `theme-open-data`. */
  key: string
  subject: FigureSubject
  /** The figure of the report's stats itself (same object), so a page can look up its listing. */
  figure: Figure
}

/**
 * The listings of a report in page order: key numbers, months, kinds, themes, then each
 * organisation type followed by its organisations. Figures counting nothing get no listing.
 */
export function reportFigureListings(stats: ReportStats): FigureListing[] {
  const candidates: [FigureSubject, Figure | undefined][] = [
    [{ figure: 'total' }, stats.total],
    [{ figure: 'organisations' }, stats.organisations],
    [{ figure: 'first-time' }, stats.firstTimeOrganisations],
    [{ figure: 'withheld' }, stats.withheld],
    [{ figure: 'subject-and-counterpart' }, stats.subjectAndCounterpart],
    [{ figure: 'private-individuals' }, stats.privateIndividuals],
    [{ figure: 'cancelled' }, stats.cancelled],
    ...stats.perMonth.map((m): [FigureSubject, Figure] => [{ figure: 'month', month: m.month }, m]),
    ...stats.byKind.map((k): [FigureSubject, Figure] => [{ figure: 'kind', kind: k.kind }, k]),
    ...stats.themes.map((t): [FigureSubject, Figure] => [{ figure: 'theme', theme: t.theme }, t]),
    ...stats.organisationTypes.flatMap((g): [FigureSubject, Figure][] => [
      [{ figure: 'organisation-type', type: g.type }, g],
      ...g.organisations.map((o): [FigureSubject, Figure] => [
        { figure: 'organisation', name: o.name, type: o.type },
        o,
      ]),
    ]),
  ]
  const taken = new Set<string>()
  return candidates
    .flatMap(([subject, figure]) => (figure && figure.entryIds.length > 0 ? [[subject, figure] as const] : []))
    .map(([subject, figure]) => {
      const key = uniqueKey(keyOf(subject), taken)
      return { key, subject, figure }
    })
}

function keyOf(subject: FigureSubject): string {
  switch (subject.figure) {
    case 'kind':
      return `kind-${subject.kind}`
    case 'month':
      return `month-${subject.month}`
    case 'theme':
      return `theme-${slugify(subject.theme)}`
    case 'organisation-type':
      return `type-${subject.type}`
    case 'organisation':
      return slugify(subject.name)
    default:
      return subject.figure
  }
}

/** Two names the report tells apart ("open-data", "open data!") may share a slug: the later one gets `-2`. */
function uniqueKey(key: string, taken: Set<string>): string {
  let unique = key
  for (let n = 2; taken.has(unique); n++) unique = `${key}-${n}`
  taken.add(unique)
  return unique
}

/** A listing's page: `figurePath('jaarverslag-2015', 'month-2015-03')` is `/posts/jaarverslag-2015/month-2015-03/`. */
export const figurePath = (postSlug: string, key: string, locale?: Locale) => `${postPath(postSlug, locale)}${key}/`
