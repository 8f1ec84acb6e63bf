import type { CounterpartType, EntryKind, EntryStatus, Locale, ORGANISATION_TYPES } from '../model/vocabulary.js'

/**
 * Every word core writes for a reader (labels, history lines, feeds, the calendar, digests and
 * the annual-report draft), in Dutch and English. Dutch is written first and its shape is the
 * catalogue's type, so an English text missing or misspelt fails the type check; the word lists
 * of the vocabulary are checked with `satisfies`, so a new kind or status needs its words here.
 * Dates, months and lists come from `Intl` (labels.ts, natural-list.ts), not from here.
 */

/** Singular and plural of a counted noun: `['afspraak', 'afspraken']`. */
type Plural = [one: string, many: string]
/** How organisations of one type are named together in running text: "de gemeenten …". */
type Phrase = { one: string; many: string }
type OrganisationType = (typeof ORGANISATION_TYPES)[number]

const nl = {
  kinds: {
    meeting: 'Overleg',
    lecture: 'Lezing',
    advice: 'Advies',
    interview: 'Interview',
    visit: 'Werkbezoek',
    conference: 'Congres',
    board: 'Bestuursvergadering',
    media: 'Media',
    other: 'Overig',
  } satisfies Record<EntryKind, string>,
  statuses: {
    planned: 'Gepland',
    held: 'Heeft plaatsgevonden',
    cancelled: 'Geannuleerd',
    moved: 'Verplaatst',
  } satisfies Record<EntryStatus, string>,
  /** Organisation types as a heading over a group of organisations (plural). */
  counterpartTypes: {
    gemeente: 'Gemeenten',
    provincie: 'Provincies',
    waterschap: 'Waterschappen',
    ministerie: 'Ministeries',
    uitvoeringsorganisatie: 'Uitvoeringsorganisaties',
    'rechtspraak-om': 'Rechtspraak en OM',
    kennisinstelling: 'Kennisinstellingen',
    bedrijf: 'Bedrijven',
    media: 'Media',
    'maatschappelijke-organisatie': 'Maatschappelijke organisaties',
    internationaal: 'Internationale organisaties',
    overig: 'Overige organisaties',
    'private-person': 'Particulieren',
  } satisfies Record<CounterpartType, string>,
  /** One organisation's type, as shown beside its name: "Gemeente Enschede (gemeente)". */
  counterpartTypeNames: {
    gemeente: 'gemeente',
    provincie: 'provincie',
    waterschap: 'waterschap',
    ministerie: 'ministerie',
    uitvoeringsorganisatie: 'uitvoeringsorganisatie',
    'rechtspraak-om': 'rechtspraak of OM',
    kennisinstelling: 'kennisinstelling',
    bedrijf: 'bedrijf',
    media: 'media',
    'maatschappelijke-organisatie': 'maatschappelijke organisatie',
    internationaal: 'internationale organisatie',
    overig: 'overig',
    'private-person': 'particulier',
  } satisfies Record<CounterpartType, string>,
  /** Kinds as counted nouns: "3 adviesgesprekken". */
  kindNouns: {
    meeting: ['overleg', 'overleggen'],
    lecture: ['lezing', 'lezingen'],
    advice: ['adviesgesprek', 'adviesgesprekken'],
    interview: ['interview', 'interviews'],
    visit: ['werkbezoek', 'werkbezoeken'],
    conference: ['congres', 'congressen'],
    board: ['bestuursvergadering', 'bestuursvergaderingen'],
    media: ['media-optreden', 'media-optredens'],
    other: ['andere afspraak', 'andere afspraken'],
  } satisfies Record<EntryKind, Plural>,
  appointments: ['afspraak', 'afspraken'] satisfies Plural,
  /** A status in a digest line; nothing when the appointment went as planned. */
  digestStatuses: {
    planned: null,
    held: null,
    cancelled: 'afgelast',
    moved: 'verplaatst',
  } satisfies Record<EntryStatus, string | null>,
  /** "16 maart 2015 t/m 18 maart 2015 (hele dag)". */
  until: 't/m',
  allDay: 'hele dag',
  published: 'Gepubliceerd',
  changed: 'Gewijzigd',
  withdrawn: 'Ingetrokken',
  /** Lines of an item's public history: "tijd verplaatst van … naar …". */
  history: {
    moved: (from: string, to: string) => `tijd verplaatst van ${from} naar ${to}`,
    from: (what: string, from: string, to: string) => `${what} gewijzigd van ${from} in ${to}`,
    set: (what: string, to: string) => `${what}: ${to}`,
    removed: (what: string) => `${what} verwijderd`,
    touched: (what: string) => `${what} gewijzigd`,
    added: 'toegevoegd',
    dropped: 'weggehaald',
    madePublic: 'openbaar gemaakt',
    madeRestricted: 'afgeschermd',
    fields: {
      title: 'titel',
      kind: 'soort',
      status: 'status',
      statusNote: 'toelichting',
      location: 'locatie',
      themes: "thema's",
      counterparts: 'gesprekspartners',
      summary: 'samenvatting',
      links: 'links',
      body: 'tekst',
      period: 'periode',
      publishedAt: 'publicatiedatum',
    },
  },
  /** Titles and lines of the RSS, Atom and JSON feeds. */
  feeds: {
    journal: 'Open agenda',
    posts: { title: 'verslagen en notities', description: 'Jaarverslagen en notities uit de open agenda.' },
    agenda: { title: 'open agenda', description: 'Nieuwe en gewijzigde afspraken in de open agenda.' },
    digests: { title: 'weekoverzichten', description: 'Elke week de open agenda in tien punten.' },
    digestTitle: (week: number, year: string, from: string, to: string) => `Week ${week}, ${year}: ${from} – ${to}`,
    digestMore: (n: number) => `En nog ${n} andere afspraken.`,
    digestWithheld: (n: number) => `${n} besloten afspraken niet vermeld.`,
  },
  /** What the site and its calendars are called: after the servant, or the organisation, when named. */
  openAgendaOf: (name: string) => `Open agenda van ${name}`,
  openAgenda: 'Open agenda',
  /** The description of an event in the iCal export. */
  calendar: { withWhom: 'Met' },
  /** The annual-report draft (Markdown); HTML comments mark where the author writes. */
  report: {
    title: 'Persoonlijk jaarverslag',
    introMark: '<!-- Schrijf hier je eigen inleiding: waarom je dit overzicht maakt en wat deze periode kenmerkte -->',
    intro: (from: string, to: string) =>
      'Als ambtenaar word je betaald met publiek geld. Daarom laat ik zien ' +
      `wat ik met dat geld doe: in mijn open agenda en in dit overzicht van ${from} tot en met ${to}.`,
    contacts: 'Afspraken en contacten',
    total: (n: number, kinds: string) =>
      `Over deze periode staan ${n} openbare ${n === 1 ? 'afspraak' : 'afspraken'} in mijn open agenda: ${kinds}.`,
    none: 'Over deze periode staan geen openbare afspraken in mijn open agenda.',
    withheld: (n: number) =>
      (n === 1 ? 'Daarnaast was er 1 besloten afspraak' : `Daarnaast waren er ${n} besloten afspraken`) +
      ' (gepubliceerd zonder details).',
    advisory: (orgs: string) => `Voor adviesgesprekken, lezingen en werkbezoeken ben ik op bezoek geweest bij ${orgs}.`,
    others: 'Andere contacten, per soort organisatie:',
    privateIndividuals: (n: string) => `Particulieren: ${n}`,
    firstTime: (names: string) => `Voor het eerst in mijn agenda: ${names}.`,
    contactsMark: '<!-- Vertel hier welke contacten je het meest bijbleven -->',
    themes: "Thema's",
    themesMark: "<!-- Vertel hier wat je met deze thema's deed en wat je ervan leerde -->",
    figures: 'In cijfers',
    organisations: (n: number, first?: number) =>
      `${n} ${n === 1 ? 'organisatie' : 'organisaties'}` +
      `${first === undefined ? '' : `, ${first === n ? 'alle' : `waarvan ${first}`} voor het eerst in deze agenda`}.`,
    busiest: (month: string, n: string) => `Drukste maand: ${month} (${n}).`,
    share: (pct: number) => `${pct}% van de openbare afspraken noemt zowel een onderwerp als een gesprekspartner.`,
    delay: (days: number, text: string) =>
      days >= 0
        ? `Een afspraak stond (mediaan) ${text} na de start in de agenda.`
        : `Afspraken stonden (mediaan) ${text} van tevoren in de agenda.`,
    days: (n: string, one: boolean) => `${n} ${one ? 'dag' : 'dagen'}`,
    closing: 'Terug- en vooruitkijken',
    reflectionMark: '<!-- Schrijf hier je eigen terugblik -->',
  },
  /** Organisations of one type named together: "de gemeenten Almere en Enschede"; none for types without a noun. */
  organisationPhrases: {
    gemeente: { one: 'de gemeente', many: 'de gemeenten' },
    provincie: { one: 'de provincie', many: 'de provincies' },
    waterschap: { one: 'het waterschap', many: 'de waterschappen' },
    ministerie: { one: 'het ministerie van', many: 'de ministeries van' },
    uitvoeringsorganisatie: { one: 'de uitvoeringsorganisatie', many: 'de uitvoeringsorganisaties' },
    'rechtspraak-om': null,
    kennisinstelling: { one: 'de kennisinstelling', many: 'de kennisinstellingen' },
    bedrijf: { one: 'het bedrijf', many: 'de bedrijven' },
    media: { one: 'het medium', many: 'de media' },
    'maatschappelijke-organisatie': {
      one: 'de maatschappelijke organisatie',
      many: 'de maatschappelijke organisaties',
    },
    internationaal: { one: 'de internationale organisatie', many: 'de internationale organisaties' },
    overig: null,
  } satisfies Record<OrganisationType, Phrase | null>,
}

/** The catalogue's shape: the Dutch one. */
export type Words = typeof nl

const en: Words = {
  kinds: {
    meeting: 'Meeting',
    lecture: 'Lecture',
    advice: 'Advice',
    interview: 'Interview',
    visit: 'Visit',
    conference: 'Conference',
    board: 'Board meeting',
    media: 'Media',
    other: 'Other',
  },
  statuses: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled', moved: 'Moved' },
  counterpartTypes: {
    gemeente: 'Municipalities',
    provincie: 'Provinces',
    waterschap: 'Water authorities',
    ministerie: 'Ministries',
    uitvoeringsorganisatie: 'Executive agencies',
    'rechtspraak-om': 'Judiciary and public prosecution',
    kennisinstelling: 'Knowledge institutions',
    bedrijf: 'Companies',
    media: 'Media',
    'maatschappelijke-organisatie': 'Civil society organisations',
    internationaal: 'International organisations',
    overig: 'Other organisations',
    'private-person': 'Private individuals',
  },
  counterpartTypeNames: {
    gemeente: 'municipality',
    provincie: 'province',
    waterschap: 'water authority',
    ministerie: 'ministry',
    uitvoeringsorganisatie: 'executive agency',
    'rechtspraak-om': 'judiciary or prosecution',
    kennisinstelling: 'knowledge institution',
    bedrijf: 'company',
    media: 'media',
    'maatschappelijke-organisatie': 'civil society organisation',
    internationaal: 'international organisation',
    overig: 'other',
    'private-person': 'private individual',
  },
  kindNouns: {
    meeting: ['meeting', 'meetings'],
    lecture: ['lecture', 'lectures'],
    advice: ['advisory meeting', 'advisory meetings'],
    interview: ['interview', 'interviews'],
    visit: ['working visit', 'working visits'],
    conference: ['conference', 'conferences'],
    board: ['board meeting', 'board meetings'],
    media: ['media appearance', 'media appearances'],
    other: ['other appointment', 'other appointments'],
  },
  appointments: ['appointment', 'appointments'],
  digestStatuses: { planned: null, held: null, cancelled: 'cancelled', moved: 'moved' },
  until: 'to',
  allDay: 'all day',
  published: 'Published',
  changed: 'Changed',
  withdrawn: 'Withdrawn',
  history: {
    moved: (from, to) => `time moved from ${from} to ${to}`,
    from: (what, from, to) => `${what} changed from ${from} to ${to}`,
    set: (what, to) => `${what}: ${to}`,
    removed: (what) => `${what} removed`,
    touched: (what) => `${what} changed`,
    added: 'added',
    dropped: 'removed',
    madePublic: 'made public',
    madeRestricted: 'made confidential',
    fields: {
      title: 'title',
      kind: 'kind',
      status: 'status',
      statusNote: 'note',
      location: 'location',
      themes: 'themes',
      counterparts: 'counterparts',
      summary: 'summary',
      links: 'links',
      body: 'text',
      period: 'period',
      publishedAt: 'publication date',
    },
  },
  feeds: {
    journal: 'Open agenda',
    posts: { title: 'reports and notes', description: 'Annual reports and notes from the open agenda.' },
    agenda: { title: 'open agenda', description: 'New and changed appointments in the open agenda.' },
    digests: { title: 'weekly digests', description: 'The open agenda, every week in ten items.' },
    digestTitle: (week, year, from, to) => `Week ${week}, ${year}: ${from} – ${to}`,
    digestMore: (n) => `And ${n} other appointments.`,
    digestWithheld: (n) => `${n} confidential appointments not listed.`,
  },
  openAgendaOf: (name) => `Open agenda of ${name}`,
  openAgenda: 'Open agenda',
  calendar: { withWhom: 'With' },
  report: {
    title: 'Personal annual report',
    introMark: '<!-- Write your own introduction here: why you publish this overview and what marked this period -->',
    intro: (from, to) =>
      'As a civil servant I am paid with public money, so I show what I do with it: ' +
      `in my open agenda and in this overview from ${from} to ${to}.`,
    contacts: 'Appointments and contacts',
    total: (n, kinds) =>
      `For this period my open agenda lists ${n} public ${n === 1 ? 'appointment' : 'appointments'}: ${kinds}.`,
    none: 'For this period my open agenda lists no public appointments.',
    withheld: (n) =>
      (n === 1 ? 'There was also 1 confidential appointment' : `There were also ${n} confidential appointments`) +
      ' (published without details).',
    advisory: (orgs) => `For advisory meetings, lectures and working visits I visited ${orgs}.`,
    others: 'Other contacts, by kind of organisation:',
    privateIndividuals: (n) => `Private individuals: ${n}`,
    firstTime: (names) => `New in my agenda: ${names}.`,
    contactsMark: '<!-- Tell here which contacts stayed with you most -->',
    themes: 'Themes',
    themesMark: '<!-- Tell here what you did with these themes and what you learnt -->',
    figures: 'Key figures',
    organisations: (n, first) =>
      `${n} ${n === 1 ? 'organisation' : 'organisations'}` +
      `${first === undefined ? '' : `, ${first === n ? 'all' : first} of them new in this agenda`}.`,
    busiest: (month, n) => `Busiest month: ${month} (${n}).`,
    share: (pct) => `${pct}% of the public appointments name both a subject and a counterpart.`,
    delay: (days, text) =>
      days >= 0
        ? `An appointment appeared in the agenda (median) ${text} after it started.`
        : `Appointments appeared in the agenda (median) ${text} in advance.`,
    days: (n, one) => `${n} ${one ? 'day' : 'days'}`,
    closing: 'Looking back and ahead',
    reflectionMark: '<!-- Write your own reflection here -->',
  },
  organisationPhrases: {
    gemeente: { one: 'the municipality of', many: 'the municipalities of' },
    provincie: { one: 'the province of', many: 'the provinces of' },
    waterschap: { one: 'the water authority', many: 'the water authorities' },
    ministerie: { one: 'the ministry of', many: 'the ministries of' },
    uitvoeringsorganisatie: { one: 'the executive agency', many: 'the executive agencies' },
    'rechtspraak-om': null,
    kennisinstelling: { one: 'the knowledge institution', many: 'the knowledge institutions' },
    bedrijf: { one: 'the company', many: 'the companies' },
    media: { one: 'the news outlet', many: 'the news outlets' },
    'maatschappelijke-organisatie': { one: 'the civil society organisation', many: 'the civil society organisations' },
    internationaal: { one: 'the international organisation', many: 'the international organisations' },
    overig: null,
  },
}

/** Core's words per locale: `WORDS[locale].kinds.advice`. */
export const WORDS: Record<Locale, Words> = { nl, en }
