import type { Counterpart, Entry } from '../model/entry.js'
import { nameKey } from '../model/slug.js'
import type { EntryStatus, Locale } from '../model/vocabulary.js'
import { countEntries, organisationsOf } from '../privacy/counted-entries.js'
import type { PublicEntry } from '../privacy/public-projection.js'
import { weekRangeOrThrow } from '../time/iso-weeks.js'
import { digestLead, firstSentence, type DigestLeadFacts } from '../words/digest-words.js'
import { entryLocalTimes } from '../words/labels.js'
import { markdownToText, renderMarkdown } from '../words/markdown.js'
import type { Digest } from './digest.js'
import { digestItem, type DigestItem } from './selection.js'

/** One item of a public digest: what a reader needs without clicking through. */
export interface PublicDigestItem extends DigestItem {
  /** Local start time, `10:00`; absent for an all-day appointment. */
  time?: string
  /** The appointment's subject. */
  title: string
  /** With whom, through the public projection: a private individual is only "particulier". */
  counterparts: Counterpart[]
  themes: string[]
  status: EntryStatus
  /** The first sentence of the public summary, plain text; absent without a summary. */
  firstSentence?: string
}

/** What the public sees of a week's digest: the servant's words and items rendered from today's entries. */
export interface PublicDigest {
  /** ISO week, `2015-W12`. */
  week: string
  /** The servant's own lead as Markdown; absent when they wrote none (the generated `lead` is shown then). */
  intro?: string
  /** `intro` rendered by the one sanitising Markdown renderer. */
  introHtml?: string
  /** The lead generated from `leadFacts`, in the journal's language, plain text. */
  lead: string
  /** The week's public figures the lead is written from, so a page in another language can write its own. */
  leadFacts: DigestLeadFacts
  /** In the order the servant chose (chronological when the selection is automatic). */
  items: PublicDigestItem[]
  /** Public entries of the week, as they are now, that are not among the items. */
  moreCount: number
  /** Restricted or embargoed entries of the week, as they are now. */
  withheldCount: number
  /** When it was published: the scheduled Monday morning, or the moment the servant published it. */
  publishedAt: string
}

/** The moment of projection and the journal's zone and language (`journalSettings`). */
export interface PublicDigestOptions {
  now: Date
  timeZone: string
  locale: Locale
}

/**
 * The one public projection of a digest, used by the API and the snapshot alike. A stored digest
 * keeps the servant's choice of entries, their order, notes and words; everything said about the
 * entries is computed from the entries as they are now, so a later decision reaches every digest
 * at the next build: an entry made private, restricted or withdrawn since, or moved to another
 * week, drops out, the other items are rendered again (a counterpart since marked as a private
 * individual reads "particulier"), and both counts and the lead are counted again. Drafts and
 * digests left without any item are not shown. `entries` must hold the entries of the digest's
 * week as stored now (others are ignored).
 */
export function toPublicDigest(
  digest: Digest,
  entries: readonly Entry[],
  { now, timeZone, locale }: PublicDigestOptions,
): PublicDigest | null {
  if (digest.status !== 'published') return null
  const counted = countEntries(entries, weekRangeOrThrow(digest.week), { now, timeZone, locale })
  const shown = new Map(counted.published.map((view) => [view.id, view]))
  const items = digest.items.flatMap((item) => {
    const view = shown.get(item.entryId)
    return view ? [publicItem(view, item.note, locale, timeZone)] : []
  })
  if (items.length === 0) return null
  const leadFacts = weekFacts(counted.published, counted.withheld.length)
  return {
    week: digest.week,
    ...(digest.intro.trim() ? { intro: digest.intro, introHtml: renderMarkdown(digest.intro) } : {}),
    lead: digestLead(leadFacts, locale),
    leadFacts,
    items,
    moreCount: counted.published.length - items.length,
    withheldCount: counted.withheld.length,
    publishedAt: digest.publishedAt ?? digest.updatedAt,
  }
}

function publicItem(view: PublicEntry, note: string | undefined, locale: Locale, timeZone: string): PublicDigestItem {
  const { startTime } = entryLocalTimes(view, timeZone)
  const sentence = view.summary ? firstSentence(markdownToText(view.summary, 1_000)) : ''
  return {
    ...digestItem(view, locale, timeZone),
    ...(startTime && !view.allDay ? { time: startTime } : {}),
    title: view.title,
    counterparts: view.counterparts,
    themes: view.themes,
    status: view.status,
    ...(sentence ? { firstSentence: sentence } : {}),
    ...(note ? { note } : {}),
  }
}

/**
 * How many public appointments, with how many organisations, and what they were mostly about:
 * the (at most two) themes that more than one appointment had, or the only appointment's themes.
 */
function weekFacts(published: readonly PublicEntry[], withheld: number): DigestLeadFacts {
  const organisations = new Set(published.flatMap((e) => organisationsOf(e).map((c) => nameKey(c.name))))
  const themeCounts = new Map<string, number>()
  for (const e of published)
    for (const theme of new Set(e.themes)) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1)
  const least = published.length === 1 ? 1 : 2
  const themes = [...themeCounts]
    .filter(([, n]) => n >= least)
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 2)
    .map(([theme]) => theme)
  return { appointments: published.length, organisations: organisations.size, themes, withheld }
}
