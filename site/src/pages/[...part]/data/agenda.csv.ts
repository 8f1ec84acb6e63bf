import type { APIRoute } from 'astro'
import { toAgendaCsv } from '@core/publishing/index.js'
import { file } from '../../../lib/feed-response.js'
import { loadJournal } from '../../../lib/journal.js'
import { sectionUrl } from '../../../lib/paths.js'
import { oncePerPart } from '../../../lib/site-part.js'

export const getStaticPaths = oncePerPart

export const GET: APIRoute = async ({ site }) => {
  const journal = await loadJournal()
  return file(
    toAgendaCsv(journal.entries, {
      person: journal.organisation
        ? (entry) => (entry.person && journal.organisation?.servantOf(entry.person)?.name) ?? ''
        : (journal.profile?.name ?? ''),
      site: sectionUrl(site!).href,
      locale: journal.contentLocale,
      timezone: journal.timezone,
    }),
    'text/csv',
  )
}
