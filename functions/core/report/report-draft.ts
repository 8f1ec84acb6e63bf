import { COUNTERPART_TYPE_LABELS } from '../words/labels.js'
import { joinList } from '../words/natural-list.js'
import { describeOrganisations, shortName, type OrganisationGroup } from './organisation-phrases.js'
import type { Profile } from '../model/profile.js'
import type { OrganisationFigure, ReportStats } from './report-stats.js'
import { countAppointments, countKind, dayMonthYear, monthYear } from '../words/summary-words.js'
import type { EntryKind, Locale } from '../model/vocabulary.js'

/** Where the author writes; the draft never pretends to know what the year meant. */
export const REFLECTION_MARK: Record<Locale, string> = {
  nl: '<!-- Schrijf hier je eigen terugblik -->',
  en: '<!-- Write your own reflection here -->',
}

/** The kinds the seed lists as "adviesgesprekken en lezingen": the servant's work for others. */
const ADVISORY_KINDS: readonly EntryKind[] = ['advice', 'lecture', 'visit']

const TEXT = {
  nl: {
    title: 'Persoonlijk jaarverslag',
    introMark: '<!-- Schrijf hier je eigen inleiding: waarom je dit overzicht maakt en wat deze periode kenmerkte -->',
    intro: (from: string, to: string) => `Als ambtenaar word je betaald met publiek geld. Daarom laat ik zien wat ik met dat geld doe: in mijn open agenda en in dit overzicht van ${from} tot en met ${to}.`,
    contacts: 'Afspraken en contacten',
    total: (n: number, kinds: string) => `Over deze periode staan ${n} openbare ${n === 1 ? 'afspraak' : 'afspraken'} in mijn open agenda: ${kinds}.`,
    none: 'Over deze periode staan geen openbare afspraken in mijn open agenda.',
    withheld: (n: number) => (n === 1 ? 'Daarnaast was er 1 besloten afspraak' : `Daarnaast waren er ${n} besloten afspraken`) + ' (gepubliceerd zonder details).',
    advisory: (orgs: string) => `Voor adviesgesprekken, lezingen en werkbezoeken ben ik op bezoek geweest bij ${orgs}.`,
    others: 'Andere contacten, per soort organisatie:',
    privateIndividuals: (n: string) => `Particulieren: ${n}`,
    firstTime: (names: string) => `Voor het eerst in mijn agenda: ${names}.`,
    contactsMark: '<!-- Vertel hier welke contacten je het meest bijbleven -->',
    themes: "Thema's",
    themesMark: "<!-- Vertel hier wat je met deze thema's deed en wat je ervan leerde -->",
    figures: 'In cijfers',
    organisations: (n: number, first?: number) => `${n} ${n === 1 ? 'organisatie' : 'organisaties'}${first === undefined ? '' : `, ${first === n ? 'alle' : `waarvan ${first}`} voor het eerst in deze agenda`}.`,
    busiest: (month: string, n: string) => `Drukste maand: ${month} (${n}).`,
    share: (pct: number) => `${pct}% van de openbare afspraken noemt zowel een onderwerp als een gesprekspartner.`,
    delay: (days: number, text: string) => (days >= 0 ? `Een afspraak stond (mediaan) ${text} na de start in de agenda.` : `Afspraken stonden (mediaan) ${text} van tevoren in de agenda.`),
    days: (n: string, one: boolean) => `${n} ${one ? 'dag' : 'dagen'}`,
    closing: 'Terug- en vooruitkijken',
  },
  en: {
    title: 'Personal annual report',
    introMark: '<!-- Write your own introduction here: why you publish this overview and what marked this period -->',
    intro: (from: string, to: string) => `As a civil servant I am paid with public money, so I show what I do with it: in my open agenda and in this overview from ${from} to ${to}.`,
    contacts: 'Appointments and contacts',
    total: (n: number, kinds: string) => `For this period my open agenda lists ${n} public ${n === 1 ? 'appointment' : 'appointments'}: ${kinds}.`,
    none: 'For this period my open agenda lists no public appointments.',
    withheld: (n: number) => (n === 1 ? 'There was also 1 confidential appointment' : `There were also ${n} confidential appointments`) + ' (published without details).',
    advisory: (orgs: string) => `For advisory meetings, lectures and working visits I visited ${orgs}.`,
    others: 'Other contacts, by kind of organisation:',
    privateIndividuals: (n: string) => `Private individuals: ${n}`,
    firstTime: (names: string) => `New in my agenda: ${names}.`,
    contactsMark: '<!-- Tell here which contacts stayed with you most -->',
    themes: 'Themes',
    themesMark: '<!-- Tell here what you did with these themes and what you learnt -->',
    figures: 'Key figures',
    organisations: (n: number, first?: number) => `${n} ${n === 1 ? 'organisation' : 'organisations'}${first === undefined ? '' : `, ${first === n ? 'all' : first} of them new in this agenda`}.`,
    busiest: (month: string, n: string) => `Busiest month: ${month} (${n}).`,
    share: (pct: number) => `${pct}% of the public appointments name both a subject and a counterpart.`,
    delay: (days: number, text: string) => (days >= 0 ? `An appointment appeared in the agenda (median) ${text} after it started.` : `Appointments appeared in the agenda (median) ${text} in advance.`),
    days: (n: string, one: boolean) => `${n} ${one ? 'day' : 'days'}`,
    closing: 'Looking back and ahead',
  },
} as const

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
  const t = TEXT[locale]
  const { from, to } = stats.period
  return [
    `# ${t.title} ${years(from, to)}`,
    t.introMark,
    t.intro(dayMonthYear(from, locale), dayMonthYear(to, locale)),
    `## ${t.contacts}`,
    ...contactParagraphs(stats, locale),
    t.contactsMark,
    ...themeSection(stats, locale),
    `## ${t.figures}`,
    keyFigures(stats, locale).map((line) => `- ${line}`).join('\n'),
    `## ${t.closing}`,
    REFLECTION_MARK[locale],
  ].join('\n\n') + '\n'
}

/** "2015" for a calendar year, "2014/2015" for a year across the turn, "2014–2016" for longer. */
function years(from: string, to: string): string {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))]
  return a === b ? `${a}` : b === a + 1 ? `${a}/${b}` : `${a}–${b}`
}

const isAdvisory = (o: OrganisationFigure) => o.kinds.some((k) => ADVISORY_KINDS.includes(k))

function contactParagraphs(stats: ReportStats, locale: Locale): string[] {
  const t = TEXT[locale]
  const paragraphs: string[] = []
  const kinds = joinList(stats.byKind.map((k) => countKind(k.count, k.kind, locale)), locale)
  const summary = stats.total.count === 0 ? t.none : t.total(stats.total.count, kinds)
  paragraphs.push(stats.withheld.count > 0 ? `${summary} ${t.withheld(stats.withheld.count)}` : summary)
  const advisory = groupedNames(stats, isAdvisory)
  if (advisory.length > 0) paragraphs.push(t.advisory(describeOrganisations(advisory, locale)))
  const others = stats.organisationTypes
    .map((g) => ({ type: g.type, names: g.organisations.filter((o) => !isAdvisory(o)).map((o) => md(shortName(g.type, o.name))) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `- ${COUNTERPART_TYPE_LABELS[locale][g.type]}: ${joinList(g.names, locale)}`)
  if (stats.privateIndividuals.count > 0) others.push(`- ${t.privateIndividuals(countAppointments(stats.privateIndividuals.count, locale))}`)
  if (others.length > 0) paragraphs.push(`${t.others}\n\n${others.join('\n')}`)
  // When every organisation is new (the agenda's first year), the list would only repeat the ones above.
  const firstTime = groupedNames(stats, (o) => o.firstTime)
  if (stats.firstTimeOrganisations && stats.firstTimeOrganisations.count > 0 && stats.firstTimeOrganisations.count < stats.organisations.count) {
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
  const t = TEXT[locale]
  return [`## ${t.themes}`, t.themesMark, stats.themes.map((th) => `- ${md(th.theme)}: ${countAppointments(th.count, locale)}`).join('\n')]
}

function keyFigures(stats: ReportStats, locale: Locale): string[] {
  const t = TEXT[locale]
  const lines = [t.organisations(stats.organisations.count, stats.firstTimeOrganisations?.count)]
  const busiest = stats.perMonth.reduce((best, m) => (m.count > best.count ? m : best), stats.perMonth[0]!)
  if (busiest.count > 0) lines.push(t.busiest(monthYear(busiest.month, locale), countAppointments(busiest.count, locale)))
  if (stats.subjectAndCounterpart.share !== null) lines.push(t.share(Math.round(stats.subjectAndCounterpart.share * 100)))
  const days = stats.publicationDelay.medianDays
  if (days !== null) {
    const amount = Math.abs(days)
    const text = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(amount)
    lines.push(t.delay(days, t.days(text, amount === 1)))
  }
  return lines
}
