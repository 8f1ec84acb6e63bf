import { toICalendar } from '../calendar/ics-writer.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import { WORDS } from '../words/catalogue.js'
import { toAgendaCsv } from './agenda-csv.js'
import { themeGroups } from './agenda-index.js'
import type { OrganisationSnapshot } from './organisation-snapshot.js'
import { absoluteUrl, entryPagePath, FEED_PATHS, partUrl, themeIcsPath } from './paths.js'
import type { PublicSnapshot } from './public-snapshot.js'

/** A file of the site: its path under the part's folder (`/agenda.ics`) and its text. */
export interface TimelineFile {
  path: string
  text: string
}

export interface TimelineFileOptions {
  /** The site's address (`https://agenda.example.nl/`). */
  site: string
  /** The path the part is served under: '' at the root, `/wouter` for a servant's section. */
  base: string
  /** Whether to write the calendar of the theme `slug` (a change writes those it touched). @default every theme */
  theme?: (slug: string) => boolean
}

/**
 * The files of a site (a journal's, a servant's section or the organisation's own pages) that
 * list its whole timeline: the agenda's calendar, a calendar per theme, and the CSV, one at a time.
 * The site builder makes them beside Astro's process rather than as its pages
 * (functions/publish/build-site.ts): an organisation of 50 servants has 15,000 entries, and each
 * change rewrites all of these.
 */
export function* timelineFiles(
  snapshot: PublicSnapshot | OrganisationSnapshot,
  options: TimelineFileOptions,
): Generator<TimelineFile> {
  const { locale, timezone } = snapshot
  const entries: readonly (PublicEntry & { person?: string })[] = snapshot.entries
  const { site, base, theme: wanted = () => true } = options
  const organisation = 'servants' in snapshot ? snapshot : undefined
  const words = WORDS[locale]
  const owner = organisation ? organisation.organisation.name : (snapshot as PublicSnapshot).profile?.name
  const name = owner ? words.openAgendaOf(owner) : words.openAgenda
  // The part's address; on the organisation's timeline an entry's page is in its servant's section.
  const section = partUrl(site, base)
  const entryUrl = (entry: { id: string; person?: string }) => absoluteUrl(section, entryPagePath(entry))
  const calendar = { entryUrl, locale, timezone }
  yield { path: FEED_PATHS.agendaIcs, text: toICalendar(entries, { ...calendar, name }) }
  for (const group of themeGroups(entries)) {
    if (!wanted(group.slug)) continue
    // Oldest first, as the agenda's calendar.
    const inOrder = [...group.entries].reverse()
    yield {
      path: themeIcsPath(group.slug),
      text: toICalendar(inOrder, { ...calendar, name: `${name} — ${group.name}` }),
    }
  }
  const servantNames = new Map(organisation?.servants.map((s) => [s.person, s.name]))
  const person = organisation
    ? (entry: { person?: string }) => (entry.person && servantNames.get(entry.person)) ?? ''
    : ((snapshot as PublicSnapshot).profile?.name ?? '')
  yield { path: FEED_PATHS.agendaCsv, text: toAgendaCsv(entries, { person, site: section, locale, timezone }) }
}
