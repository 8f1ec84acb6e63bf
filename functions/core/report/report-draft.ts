import { COUNTERPART_TYPE_LABELS, formatDate, formatMonth, LANGUAGE_TAGS } from '../words/labels.js'
import { WORDS } from '../words/catalogue.js'
import { joinList } from '../words/natural-list.js'
import { describeOrganisations, shortName, type OrganisationGroup } from './organisation-phrases.js'
import type { Profile } from '../model/profile.js'
import type { OrganisationFigure, ReportStats } from './report-stats.js'
import { countAppointments, countKind } from '../words/summary-words.js'
import type { EntryKind, Locale } from '../model/vocabulary.js'

/** Where the author writes; the draft never pretends to know what the year meant. */
export const REFLECTION_MARK: Record<Locale, string> = {
  nl: WORDS.nl.report.reflectionMark,
  en: WORDS.en.report.reflectionMark,
}

/** The kinds the seed lists as "adviesgesprekken en lezingen": the servant's work for others. */
const ADVISORY_KINDS: readonly EntryKind[] = ['advice', 'lecture', 'visit']

export type ReportProfile = Partial<Pick<Profile, 'name' | 'locale'>>

/** Markdown-significant characters in names and themes are escaped, so a name cannot become markup. */
const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1')

/**
 * A first draft of an annual-report post in the structure of seed 004: an introduction to write,
 * the appointments by kind, the organisations advised and lectured for grouped by type in
 * natural language, other contacts by category, first-time contacts, themes, key figures, and
 * marked places (HTML comments) for the author's own reflection. English when the profile says so.
 *
 * @example draftAnnualReport(reportStats(entries, { from: '2014-07-01', to: '2015-06-30' }, now), { locale: 'nl' })
 * // '# Persoonlijk jaarverslag 2014/2015\n\n<!-- Schrijf hier … -->…'
 */
export function draftAnnualReport(stats: ReportStats, profile: ReportProfile = {}): string {
  const locale = profile.locale ?? 'nl'
  const t = WORDS[locale].report
  const { from, to } = stats.period
  const sections = [
    `# ${t.title} ${years(from, to)}`,
    t.introMark,
    t.intro(formatDate(from, locale, 'medium'), formatDate(to, locale, 'medium')),
    `## ${t.contacts}`,
    ...contactParagraphs(stats, locale),
    t.contactsMark,
    ...themeSection(stats, locale),
    `## ${t.figures}`,
    keyFigures(stats, locale)
      .map((line) => `- ${line}`)
      .join('\n'),
    `## ${t.closing}`,
    t.reflectionMark,
  ]
  return `${sections.join('\n\n')}\n`
}

/**
 * A draft as a post: its `# title` line becomes the post's title (the page's h1), the rest its body.
 *
 * @example draftAsPost('# Persoonlijk jaarverslag 2015\n\nTekst\n')
 * // { title: 'Persoonlijk jaarverslag 2015', body: 'Tekst\n' }
 */
export function draftAsPost(markdown: string): { title: string; body: string } {
  const title = /^# (.+)\n/.exec(markdown)?.[1]
  return title ? { title, body: markdown.replace(/^# .+\n+/, '') } : { title: '', body: markdown }
}

/** "2015" for a calendar year, "2014/2015" for a year across the turn, "2014–2016" for longer. */
function years(from: string, to: string): string {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))]
  return a === b ? `${a}` : b === a + 1 ? `${a}/${b}` : `${a}–${b}`
}

const isAdvisory = (o: OrganisationFigure) => o.kinds.some((k) => ADVISORY_KINDS.includes(k))

function contactParagraphs(stats: ReportStats, locale: Locale): string[] {
  const t = WORDS[locale].report
  const paragraphs: string[] = []
  const kinds = joinList(
    stats.byKind.map((k) => countKind(k.count, k.kind, locale)),
    locale,
  )
  const summary = stats.total.count === 0 ? t.none : t.total(stats.total.count, kinds)
  paragraphs.push(stats.withheld.count > 0 ? `${summary} ${t.withheld(stats.withheld.count)}` : summary)
  const advisory = groupedNames(stats, isAdvisory)
  if (advisory.length > 0) paragraphs.push(t.advisory(describeOrganisations(advisory, locale)))
  const others = stats.organisationTypes
    .map((g) => ({
      type: g.type,
      names: g.organisations.filter((o) => !isAdvisory(o)).map((o) => md(shortName(g.type, o.name))),
    }))
    .filter((g) => g.names.length > 0)
    .map((g) => `- ${COUNTERPART_TYPE_LABELS[locale][g.type]}: ${joinList(g.names, locale)}`)
  if (stats.privateIndividuals.count > 0)
    others.push(`- ${t.privateIndividuals(countAppointments(stats.privateIndividuals.count, locale))}`)
  if (others.length > 0) paragraphs.push(`${t.others}\n\n${others.join('\n')}`)
  // When every organisation is new (the agenda's first year), the list would only repeat the ones above.
  const firstTime = groupedNames(stats, (o) => o.firstTime)
  if (
    stats.firstTimeOrganisations &&
    stats.firstTimeOrganisations.count > 0 &&
    stats.firstTimeOrganisations.count < stats.organisations.count
  ) {
    paragraphs.push(t.firstTime(describeOrganisations(firstTime, locale)))
  }
  return paragraphs
}

/** The organisations that pass `keep`, by type, names escaped for Markdown. */
function groupedNames(stats: ReportStats, keep: (o: OrganisationFigure) => boolean): OrganisationGroup[] {
  return stats.organisationTypes
    .map((g) => ({ type: g.type, names: g.organisations.filter(keep).map((o) => md(o.name)) }))
    .filter((g) => g.names.length > 0)
}

function themeSection(stats: ReportStats, locale: Locale): string[] {
  if (stats.themes.length === 0) return []
  const t = WORDS[locale].report
  return [
    `## ${t.themes}`,
    t.themesMark,
    stats.themes.map((th) => `- ${md(th.theme)}: ${countAppointments(th.count, locale)}`).join('\n'),
  ]
}

function keyFigures(stats: ReportStats, locale: Locale): string[] {
  const t = WORDS[locale].report
  const lines = [t.organisations(stats.organisations.count, stats.firstTimeOrganisations?.count)]
  const busiest = stats.perMonth.reduce((best, m) => (m.count > best.count ? m : best), stats.perMonth[0]!)
  if (busiest.count > 0)
    lines.push(t.busiest(formatMonth(busiest.month, locale), countAppointments(busiest.count, locale)))
  if (stats.subjectAndCounterpart.share !== null)
    lines.push(t.share(Math.round(stats.subjectAndCounterpart.share * 100)))
  const days = stats.publicationDelay.medianDays
  if (days !== null) {
    const amount = Math.abs(days)
    const text = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: 1 }).format(amount)
    lines.push(t.delay(days, t.days(text, amount === 1)))
  }
  return lines
}
