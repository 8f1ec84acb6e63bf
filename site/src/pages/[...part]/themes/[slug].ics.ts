import type { APIRoute, GetStaticPaths } from 'astro'
import { type Group, absoluteUrl, type SnapshotEntry } from '@core/publishing/index.js'
import { toICalendar } from '@core/calendar/ics-writer.js'
import { file } from '../../../lib/feed-response.js'
import { STRINGS } from '../../../lib/i18n.js'
import { loadJournal } from '../../../lib/journal.js'
import { entryPathOf } from '../../../lib/paths.js'
import { eachPart } from '../../../lib/site-part.js'

/** One calendar per theme, for readers who follow one subject. */
export const getStaticPaths = (() =>
  eachPart('part', async () => {
    const { agenda, builds } = await loadJournal()
    return agenda.themes
      .filter((theme) => builds('themes', theme.slug))
      .map((theme) => ({ params: { part: undefined as string | undefined, slug: theme.slug }, props: { theme } }))
  })) satisfies GetStaticPaths

export const GET: APIRoute = async ({ site, props }) => {
  const journal = await loadJournal()
  const theme = (props as { theme: Group<SnapshotEntry> }).theme
  const t = STRINGS[journal.contentLocale]
  const name = `${journal.profile ? t.openAgendaOf(journal.profile.name) : t.openAgenda} — ${theme.name}`
  const inOrder = [...theme.entries].reverse()
  return file(
    toICalendar(inOrder, {
      name,
      entryUrl: (id) => absoluteUrl(site!, entryPathOf(journal.entryById.get(id) ?? { id })),
      locale: journal.contentLocale,
      timezone: journal.timezone,
    }),
    'text/calendar',
  )
}
