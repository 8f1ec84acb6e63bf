import { markdownToText } from '@core/words/index.js'
import type { PublicProfile } from '@core/privacy/index.js'
import type { SnapshotEntry } from '@core/publishing/index.js'

const STATUS = {
  planned: 'https://schema.org/EventScheduled',
  held: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  moved: 'https://schema.org/EventRescheduled',
} as const

/** schema.org `Event` for a public entry's page, so search engines and tools read the appointment. */
export function entryJsonLd(entry: SnapshotEntry, url: string, profile: PublicProfile | null): object {
  const attendee = entry.counterparts
    .filter((c) => c.type !== 'private-person')
    .map((c) => ({ '@type': 'Organization', name: c.name }))
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: entry.title,
    url,
    startDate: entry.start,
    ...(entry.end ? { endDate: entry.end } : {}),
    eventStatus: entry.withdrawn ? STATUS.cancelled : STATUS[entry.status],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(entry.location ? { location: { '@type': 'Place', name: entry.location } } : {}),
    ...(entry.summary ? { description: markdownToText(entry.summary, 300) } : {}),
    ...(entry.themes.length ? { keywords: entry.themes.join(', ') } : {}),
    ...(attendee.length ? { attendee } : {}),
    ...(profile
      ? {
          organizer: {
            '@type': 'Person',
            name: profile.name,
            jobTitle: profile.role,
            worksFor: { '@type': 'GovernmentOrganization', name: profile.organisation },
          },
        }
      : {}),
  }
}
