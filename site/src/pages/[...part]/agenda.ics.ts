import type { APIRoute } from 'astro'
import { toICalendar } from '@core/calendar/ics-writer.js'
import { absoluteUrl } from '@core/publishing/index.js'
import { file } from '../../lib/feed-response.js'
import { loadJournal } from '../../lib/journal.js'
import { STRINGS } from '../../lib/i18n.js'
import { entryPathOf } from '../../lib/paths.js'
import { oncePerPart } from '../../lib/site-part.js'

/** The whole agenda as a calendar subscription: public entries, and restricted ones as busy slots. */
export const getStaticPaths = oncePerPart

export const GET: APIRoute = async ({ site }) => {
  const journal = await loadJournal()
  const t = STRINGS[journal.contentLocale]
  return file(
    toICalendar(journal.entries, {
      name: journal.profile ? t.openAgendaOf(journal.profile.name) : t.openAgenda,
      entryUrl: (id) => absoluteUrl(site!, entryPathOf(journal.entryById.get(id) ?? { id })),
      locale: journal.contentLocale,
      timezone: journal.timezone,
    }),
    'text/calendar',
  )
}
