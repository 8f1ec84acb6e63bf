import { LOCALES, type Locale, type Post, type Revision } from '../core/model/index.js'
import type { DigestStatus } from '../core/digest/index.js'

/**
 * The admin's words, in Dutch (the default) and English. Dutch is written first and its shape is
 * the catalogue's type, so an English text missing fails the type check. Kinds, statuses and
 * organisation types come from core's catalogue (core/words), so the admin names them exactly as
 * the public site does; language names come from CLDR (`languageName`).
 */

/** The admin speaks the site's languages. */
export type Lang = Locale

const nl = {
  appName: 'Open agenda · beheer',
  skip: 'Naar de inhoud',
  nav: {
    label: 'Beheer',
    log: 'Vastleggen',
    entries: 'Afspraken',
    import: 'Importeren',
    posts: 'Berichten',
    digests: 'Weekoverzicht',
    profile: 'Profiel',
    tokens: 'Tokens',
    servants: 'Medewerkers',
    organisation: 'Organisatie',
    site: 'Openbare site',
    signOut: 'Afmelden',
  },
  signIn: {
    title: 'Aanmelden',
    token: 'Token',
    submit: 'Aanmelden',
    hint:
      'Je eigen token: dat van npm start, een token dat je met „journal token create” maakte of het eerste ' +
      'token van de beheerder. De beheerder van de organisatie meldt zich aan met het beheerderstoken. ' +
      'Je blijft 12 uur aangemeld.',
    wrong:
      'Dit token klopt niet, is ingetrokken of hoort bij een ander journaal. Controleer het en probeer het opnieuw.',
    expired: 'Meld je aan om verder te gaan (je sessie is verlopen of je was nog niet aangemeld).',
    signedOut: 'Je bent afgemeld.',
    revoked: (date: string) =>
      `Dit token is op ${date} ingetrokken en werkt niet meer. Meld je aan met een ander token van jezelf.`,
    left: (name: string, date: string) =>
      `Dit token hoort bij ${name}, die op ${date} uit dienst is gegaan; het werkt daarom niet meer. ` +
      'Kom je terug, dan maakt de beheerder van de organisatie je weer actief en geeft je een nieuw token.',
  },
  roles: {
    journalOnly:
      'Deze pagina hoort bij het journaal van een medewerker. Als beheerder van de organisatie zie je alleen ' +
      'de medewerkers en de organisatie, nooit iemands afspraken, berichten, notities of tokens. Houd je zelf ' +
      'een journaal bij, meld je dan af en weer aan met je eigen token.',
    organisationOnly:
      'Deze pagina is voor de beheerder van de organisatie. Met je eigen token beheer je alleen je eigen ' +
      'journaal; meld je aan met het beheerderstoken om medewerkers of de organisatie te beheren.',
  },
  csrf: {
    title: 'Formulier geweigerd',
    body:
      'Dit formulier kwam binnen zonder geldige beveiligingscode (CSRF-token). Dat gebeurt ' +
      'als de pagina erg lang openstond, als je intussen opnieuw bent aangemeld, of als ' +
      'een andere website het formulier probeerde te versturen. Er is niets opgeslagen.',
    again: 'Open de pagina opnieuw en probeer het nog eens',
  },
  error: {
    title: 'Er ging iets mis',
    forbidden: 'Geen toegang',
    notFound: 'Deze pagina bestaat niet.',
    unexpected: 'Er ging aan onze kant iets mis; er is niets gewijzigd. Probeer het zo nog eens.',
    back: 'Terug naar het beheer',
  },
  visibility: { public: 'Openbaar', restricted: 'Besloten', private: 'Privé' },
  visibilityHelp: {
    public: 'Iedereen ziet wanneer, met wie en waarover.',
    restricted: 'Alleen het tijdslot is openbaar, als „Besloten afspraak”.',
    private: 'Alleen voor jou; telt nergens openbaar mee.',
  },
  badges: { withdrawn: 'Ingetrokken', imported: 'Geïmporteerd' },
  form: {
    errorSummary: 'Controleer deze velden',
    when: 'Wanneer',
    date: 'Datum',
    startTime: 'Begintijd',
    endTime: 'Eindtijd (optioneel)',
    endDate: 'Einddatum (bij meerdaagse afspraken)',
    allDay: 'Hele dag',
    title: 'Onderwerp',
    titleHint: 'Waarover ging het? Bijvoorbeeld „Advies over zelfsturende teams”, niet alleen „Overleg”.',
    kind: 'Soort afspraak',
    counterparts: 'Met wie',
    counterpartsHint: 'De organisaties waarmee je sprak. Een privépersoon wordt openbaar getoond als „particulier”.',
    organisation: 'Organisatie',
    organisationType: 'Soort organisatie',
    asBefore: '— zoals eerder gebruikt —',
    themes: 'Thema’s',
    themesHint: 'Gescheiden door komma’s.',
    themesUsed: 'Eerder gebruikt:',
    location: 'Plaats',
    locationHint: 'Alleen de plaatsnaam, bijvoorbeeld „Enschede”.',
    summary: 'Toelichting (Markdown, optioneel)',
    visibility: 'Zichtbaarheid',
    status: 'Status',
    statusNote: 'Toelichting bij de status',
    statusAutomatic: 'Vanzelf: gepland tot het begint, dan gehouden',
    statusNoteHint: 'Verplicht bij „Verplaatst”: zeg waarheen.',
    publishAfter: 'Embargo tot (optioneel)',
    publishAfterHint: 'Tot dit moment is de afspraak alleen een besloten tijdslot.',
    links: 'Links (optioneel)',
    linksHint: 'Eén per regel: het adres, dan eventueel een titel.',
    contact: 'Contact voor reacties',
    contactHint:
      'Een e-mailadres of het https://-adres van een webformulier. Het staat openbaar op de site, ' +
      'bij elke afspraak en elk verslag („Reageer”). Leeg: geen reactiemogelijkheid.',
    notes: 'Eigen notities (nooit openbaar)',
    changeReason: 'Reden van de wijziging (optioneel, openbaar)',
    save: 'Opslaan',
    saveAnyway: 'Toch opslaan zoals het is',
    timezone: (zone: string) => `Tijden in ${zone}.`,
    chooseType: 'kies de soort organisatie: deze organisatie is nieuw',
  },
  nudge: {
    title: 'Maak de afspraak betekenisvol',
    subject: 'Het onderwerp zegt nog weinig. Schrijf waarover het ging.',
    counterpart: 'Er staat geen organisatie bij. Met wie sprak je?',
    why: 'Een open agenda is pas nuttig als elke afspraak een onderwerp en een gesprekspartner noemt.',
    fix: 'Vul het formulier aan en sla op, of sla toch op zoals het is.',
  },
  entries: {
    title: 'Afspraken',
    older: 'Oudere afspraken',
    none: 'Nog geen afspraken.',
    when: 'Wanneer',
    what: 'Onderwerp',
    shown: 'Zichtbaarheid',
    week: 'Week',
    show: 'Toon',
    all: 'Nieuwste eerst',
  },
  entry: {
    history: 'Geschiedenis',
    withdraw: 'Afspraak intrekken',
    reason: 'Reden (openbaar)',
    withdrawHint: 'Een ingetrokken afspraak blijft zichtbaar als ingetrokken, met deze reden.',
    withdrawn: (date: string, reason: string) => `Ingetrokken op ${date}: ${reason}`,
    actions: {
      create: 'aangemaakt',
      update: 'gewijzigd',
      withdraw: 'ingetrokken',
    } satisfies Record<Revision['action'], string>,
    changed: 'gewijzigd',
    by: 'door',
    edit: 'Bewerken',
  },
  conflict: {
    title: 'Iemand anders heeft dit intussen gewijzigd',
    intro: 'Je wijziging is niet opgeslagen. Dit is veranderd sinds je de pagina opende:',
    field: 'Veld',
    whenOpened: 'Toen je de pagina opende',
    now: 'Nu',
    again: 'Het formulier hieronder bevat jouw waarden. Opslaan overschrijft de wijzigingen hierboven.',
  },
  done: {
    created: 'Afspraak opgeslagen. De openbare site wordt zo bijgewerkt.',
    updated: 'Wijziging opgeslagen.',
    withdrawn: 'Afspraak ingetrokken.',
    postSaved: 'Bericht opgeslagen.',
    profileSaved: 'Profiel opgeslagen.',
    tokenRevoked: 'Token ingetrokken.',
    digestSaved: 'Weekoverzicht opgeslagen.',
    servantLeft: 'Uit dienst gemeld; hun tokens zijn ingetrokken.',
    servantBack: 'Weer actief. Maak hieronder een nieuw eerste token, zodat ze zich weer kunnen aanmelden.',
    organisationSaved: 'Organisatie opgeslagen. De openbare site wordt zo bijgewerkt.',
    reportDrafted: 'Concept-jaarverslag opgesteld. Schrijf je eigen woorden op de gemarkeerde plekken en publiceer.',
  },
  import: {
    title: 'Agenda importeren',
    intro:
      'Importeer een .ics-bestand uit Outlook, Google Agenda of Apple Agenda. ' +
      'Elke afspraak komt privé binnen; daarna kies je wat openbaar wordt. Opnieuw ' +
      'importeren werkt bestaande afspraken bij in plaats van ze te verdubbelen.',
    file: 'Agendabestand (.ics)',
    fileHint: (mb: number) =>
      `Hoogstens ${mb} MB. Is het bestand groter, exporteer dan een kortere periode en importeer die in delen.`,
    from: 'Vanaf',
    to: 'Tot en met',
    rangeHint: 'Herhalende afspraken worden binnen deze periode uitgeschreven.',
    submit: 'Importeren',
    noFile: 'Kies een .ics-bestand.',
    bad: (line: number, reason: string) =>
      `Regel ${line}: ${reason}. Er is niets geïmporteerd; herstel die regel of exporteer de agenda opnieuw.`,
    result: (r: { created: number; updated: number; unchanged: number; outsideRange: number }) =>
      `Geïmporteerd: ${r.created} nieuw, ${r.updated} bijgewerkt, ` +
      `${r.unchanged} ongewijzigd, ${r.outsideRange} buiten de periode.`,
  },
  review: {
    title: 'Geïmporteerde afspraken beoordelen',
    intro:
      'Deze geïmporteerde afspraken zijn nog privé. Kies er een of meer, ' +
      'geef ze een soort, organisatie en thema’s, en maak ze openbaar.',
    none: 'Er wachten geen privé geïmporteerde afspraken in deze periode.',
    choose: 'Kies',
    bulk: 'Voor de gekozen afspraken',
    keep: '— niet wijzigen —',
    addCounterpart: 'Organisatie toevoegen',
    addThemes: 'Thema’s toevoegen',
    apply: 'Toepassen',
    noneSelected: 'Kies eerst een of meer afspraken.',
    done: (n: number) => `${n} afspraken bijgewerkt.`,
    period: 'Periode',
  },
  posts: {
    title: 'Berichten',
    new: 'Nieuw bericht',
    slug: 'Adres (slug)',
    slugHint: 'Kleine letters, cijfers en streepjes, bijvoorbeeld jaarverslag-2014-2015.',
    slugTaken: 'is al in gebruik: kies een ander adres',
    postTitle: 'Titel',
    kind: 'Soort',
    kinds: { 'annual-report': 'Jaarverslag', note: 'Notitie' } satisfies Record<Post['kind'], string>,
    periodFrom: 'Periode vanaf',
    periodTo: 'Periode tot en met',
    periodHint: 'Alleen voor een jaarverslag: twaalf maanden, bijvoorbeeld 1 juli tot en met 30 juni.',
    body: 'Tekst (Markdown)',
    status: 'Status',
    statuses: { draft: 'Concept', published: 'Gepubliceerd' } satisfies Record<Post['status'], string>,
    preview: 'Voorbeeld tonen',
    previewTitle: 'Voorbeeld, zoals de site het toont',
    save: 'Opslaan',
    none: 'Nog geen berichten.',
    draftReport: 'Jaarverslag opstellen',
  },
  report: {
    title: 'Jaarverslag opstellen',
    intro:
      'Kies twaalf maanden. Je krijgt een concept met de cijfers uit je openbare agenda en plekken voor je ' +
      'eigen woorden; het blijft een concept tot je het zelf publiceert.',
    periodHint: 'Voorgesteld: het laatste volledige verslagjaar.',
    create: 'Concept opstellen',
  },
  digests: {
    title: 'Weekoverzichten',
    week: 'Week',
    weekHint: 'Een ISO-week, zoals 2015-W12.',
    generate: 'Maken of vernieuwen',
    none: 'Nog geen weekoverzichten.',
    intro: 'Inleiding',
    introHint: 'Je eigen woorden boven de tien punten.',
    saveDraft: 'Opslaan als concept',
    publish: 'Publiceren',
    items: 'De week in tien punten',
    more: (n: number) => `En nog ${n} openbare afspraken.`,
    withheld: (n: number) => (n === 1 ? 'Eén besloten afspraak.' : `${n} besloten afspraken.`),
    empty: (week: string) => `${week} heeft geen openbare afspraken en krijgt dus geen weekoverzicht.`,
    curated: 'Jij koos de punten.',
    automatic: 'De punten zijn automatisch gekozen; kies hieronder zelf.',
    chooseItems: 'Welke afspraken, in welke volgorde',
    chooseHint:
      'Vink hoogstens tien afspraken aan. Nummer ze voor de volgorde (1 eerst); zonder nummer volgen ze op tijd.',
    order: 'Plaats',
    note: 'Toelichting (één regel)',
    noteHint: (n: number) => `Gewone tekst, hoogstens ${n} tekens; staat onder het punt.`,
    conflict:
      'Iemand anders heeft dit weekoverzicht intussen gewijzigd. Je keuzes staan hieronder; opslaan overschrijft dat.',
    statuses: { draft: 'Concept', published: 'Gepubliceerd' } satisfies Record<DigestStatus, string>,
  },
  profile: {
    title: 'Profiel',
    name: 'Naam',
    role: 'Functie',
    organisation: 'Organisatie',
    bio: 'Over jou (Markdown)',
    links: 'Links',
    linksHint: 'Eén per regel: het adres, dan eventueel een titel.',
    contact: 'Contact voor reacties',
    contactHint:
      'Een e-mailadres of het https://-adres van een webformulier. Het staat openbaar op de site, ' +
      'bij elke afspraak en elk verslag („Reageer”). Leeg: geen reactiemogelijkheid.',
    locale: 'Taal van de site',
    timezone: 'Tijdzone',
    timezoneHint: 'Een IANA-tijdzone, zoals Europe/Amsterdam.',
    save: 'Opslaan',
  },
  tokens: {
    title: 'Tokens',
    intro: 'Een token geeft toegang tot de API, de journal-opdracht en dit beheer. Bewaar het als een wachtwoord.',
    label: 'Naam van het token',
    labelHint: 'Waarvoor het is, bijvoorbeeld „laptop” of „telefoon”.',
    created: 'Gemaakt',
    state: 'Status',
    active: 'Actief',
    revokedOn: (date: string) => `Ingetrokken op ${date}`,
    create: 'Token maken',
    revoke: 'Intrekken',
    newTitle: 'Nieuw token',
    shownOnce: 'Kopieer dit token nu: het wordt maar één keer getoond en nergens bewaard.',
    current: '(deze sessie)',
    back: 'Terug naar de tokens',
    sessions: 'Aangemeld',
    everywhere: 'Overal afmelden',
    everywhereHint:
      'Beëindigt elke aanmelding bij dit beheer, op al je apparaten en in elke browser, ook ' +
      'deze. Doe dit als je ergens bent vergeten af te melden of een apparaat kwijt bent.',
  },
  servants: {
    title: 'Medewerkers',
    intro:
      'Iedereen die hier een open agenda bijhoudt. Je ziet wie ze zijn en sinds wanneer; hun afspraken, ' +
      'notities en tokens zie je nooit.',
    active: 'In dienst',
    former: 'Uit dienst',
    name: 'Naam',
    slug: 'Adres',
    role: 'Functie',
    sinceDay: (date: string) => `Sinds ${date}`,
    noneActive: 'Nog niemand. Voeg de eerste medewerker toe.',
    noneFormer: 'Niemand is uit dienst gegaan.',
    add: 'Medewerker toevoegen',
    slugHint:
      'Kleine letters, cijfers en losse streepjes, bijvoorbeeld a-jansen. Het wordt het adres van hun deel ' +
      'van de site (/a-jansen/) en verandert daarna niet.',
    nameHint: 'Zoals de naam openbaar op de site komt, bijvoorbeeld „Anna Jansen”.',
    roleHint: 'Bijvoorbeeld „CIO-adviseur, directie Informatiesamenleving”.',
    create: 'Toevoegen en eerste token maken',
    taken: (slug: string) =>
      `Er is al een medewerker met het adres „${slug}”; kies een ander, bijvoorbeeld met een voorletter.`,
    tokenTitle: (name: string) => `Eerste token voor ${name}`,
    shownOnce:
      'Dit token wordt maar één keer getoond en nergens bewaard. Geef het nu veilig door, niet in een gewone ' +
      'e-mail. Kwijt? Maak op de pagina van de medewerker een nieuw.',
    howTo: 'Zo gebruikt de medewerker het:',
    howAdmin: 'Aanmelden in het beheer op',
    howCli: 'Of de opdracht journal gebruiken, met het token in JOURNAL_TOKEN:',
    tokenPlaceholder: 'het-token-hierboven',
    back: 'Terug naar de medewerkers',
    status: 'Status',
    activeSince: (date: string) => `In dienst, sinds ${date} in dit journaalplatform`,
    leftSince: (date: string) => `Uit dienst op ${date}`,
    leave: 'Uit dienst melden',
    leaveDate: 'Laatste werkdag',
    leaveHint:
      'Hun tokens worden meteen ingetrokken. Hun journaal en de openbare afspraken blijven staan; de site ' +
      'vermeldt dat ze op die dag vertrokken.',
    leaveSubmit: 'Uit dienst melden en tokens intrekken',
    comeBack: 'Weer in dienst',
    comeBackHint: 'Hun oude tokens blijven ingetrokken: maak daarna een nieuw eerste token.',
    comeBackSubmit: 'Weer actief maken',
    newToken: 'Nieuw eerste token',
    newTokenHint:
      'Voor wie het token kwijt is of net terug is. Hun andere tokens worden tegelijk ingetrokken: zo merkt de ' +
      'medewerker het als iemand anders dan zij dit token maakte.',
    newTokenSubmit: 'Nieuw token maken en andere intrekken',
    conflict: 'Hieronder staat hoe het nu is; kijk of je wijziging nog nodig is en probeer het opnieuw.',
  },
  organisation: {
    title: 'Organisatie',
    intro: 'Zo staat de organisatie op de openbare site: naam, adres, contact en huisstijl.',
    name: 'Naam',
    nameHint: 'Voluit, bijvoorbeeld „Ministerie van Binnenlandse Zaken en Koninkrijksrelaties”.',
    siteUrl: 'Adres van de site (optioneel)',
    siteUrlHint: 'Waar de open agenda’s staan, bijvoorbeeld https://agenda.example.nl.',
    contact: 'Contact (optioneel)',
    contactHint: 'Een e-mailadres of het https://-adres van een webformulier. Het staat openbaar op de site.',
    theme: 'Huisstijl (optioneel)',
    themeHint: 'Leeg gelaten velden houden de standaard: de kleuren van de Rijkshuisstijl en het systeemlettertype.',
    primary: 'Hoofdkleur (menubalk en grafieken)',
    text: 'Tekstkleur',
    link: 'Linkkleur',
    colourHint: (example: string) => `Als #rrggbb, bijvoorbeeld ${example}.`,
    font: 'Lettertypen',
    fontHint: 'Namen gescheiden door komma’s, zonder aanhalingstekens, bijvoorbeeld Fira Sans, Arial, sans-serif.',
    save: 'Opslaan',
  },
  home: { title: 'Afspraak vastleggen', recent: 'Laatst vastgelegd', all: 'Alle afspraken' },
  fields: {
    title: 'Onderwerp',
    start: 'Begin',
    end: 'Einde',
    allDay: 'Hele dag',
    timezone: 'Tijdzone',
    kind: 'Soort',
    counterparts: 'Met wie',
    themes: 'Thema’s',
    location: 'Plaats',
    summary: 'Toelichting',
    links: 'Links',
    status: 'Status',
    statusNote: 'Toelichting bij de status',
    visibility: 'Zichtbaarheid',
    publishAfter: 'Embargo tot',
    notes: 'Eigen notities',
    sourceUid: 'Agenda-UID',
    withdrawn: 'Ingetrokken',
    body: 'Tekst',
    period: 'Periode',
    publishedAt: 'Gepubliceerd op',
  },
  yes: 'ja',
  no: 'nee',
}

export type Messages = typeof nl

const en: Messages = {
  appName: 'Open agenda · admin',
  skip: 'Skip to content',
  nav: {
    label: 'Admin',
    log: 'Log',
    entries: 'Appointments',
    import: 'Import',
    posts: 'Posts',
    digests: 'Weekly digest',
    profile: 'Profile',
    tokens: 'Tokens',
    servants: 'Servants',
    organisation: 'Organisation',
    site: 'Public site',
    signOut: 'Sign out',
  },
  signIn: {
    title: 'Sign in',
    token: 'Token',
    submit: 'Sign in',
    hint:
      'Your own token: the one npm start prints, one you made with “journal token create”, or the first token ' +
      "the administrator gave you. The organisation's administrator signs in with the administrator token. " +
      'You stay signed in for 12 hours.',
    wrong: 'This token is wrong, revoked or belongs to another journal. Check it and try again.',
    expired: 'Sign in to continue (your session expired or you were not signed in yet).',
    signedOut: 'You are signed out.',
    revoked: (date: string) => `This token was revoked on ${date} and no longer works. Sign in with another of yours.`,
    left: (name: string, date: string) =>
      `This token belongs to ${name}, who left on ${date}, so it no longer works. ` +
      "If you come back, the organisation's administrator makes you active again and gives you a new token.",
  },
  roles: {
    journalOnly:
      "This page belongs to a servant's journal. As the organisation's administrator you see the servants and " +
      "the organisation only, never anyone's appointments, posts, notes or tokens. If you keep a journal " +
      'yourself, sign out and in again with your own token.',
    organisationOnly:
      "This page is for the organisation's administrator. Your own token manages your own journal only; sign " +
      'in with the administrator token to manage servants or the organisation.',
  },
  csrf: {
    title: 'Form refused',
    body:
      'This form arrived without a valid security code (CSRF token). That happens when the page was open for very ' +
      'long, when you signed in again meanwhile, or when another website tried to send the form. Nothing was saved.',
    again: 'Open the page again and retry',
  },
  error: {
    title: 'Something went wrong',
    forbidden: 'Not allowed',
    notFound: 'This page does not exist.',
    unexpected: 'Something went wrong on our side; nothing was changed. Please try again shortly.',
    back: 'Back to the admin',
  },
  visibility: { public: 'Public', restricted: 'Confidential', private: 'Private' },
  visibilityHelp: {
    public: 'Everyone sees when, with whom and about what.',
    restricted: 'Only the time slot is public, as “Confidential appointment”.',
    private: 'Only for you; counted nowhere in public.',
  },
  badges: { withdrawn: 'Withdrawn', imported: 'Imported' },
  form: {
    errorSummary: 'Please check these fields',
    when: 'When',
    date: 'Date',
    startTime: 'Start time',
    endTime: 'End time (optional)',
    endDate: 'End date (for appointments of several days)',
    allDay: 'All day',
    title: 'Subject',
    titleHint: 'What was it about? For example “Advice on self-managing teams”, not just “Meeting”.',
    kind: 'Kind of appointment',
    counterparts: 'With whom',
    counterpartsHint: 'The organisations you met. A private individual is shown in public as “private individual”.',
    organisation: 'Organisation',
    organisationType: 'Kind of organisation',
    asBefore: '— as used before —',
    themes: 'Themes',
    themesHint: 'Separated by commas.',
    themesUsed: 'Used before:',
    location: 'Place',
    locationHint: 'Just the place name, for example “Enschede”.',
    summary: 'Summary (Markdown, optional)',
    visibility: 'Visibility',
    status: 'Status',
    statusNote: 'Note on the status',
    statusAutomatic: 'Automatic: planned until it starts, then held',
    statusNoteHint: 'Required for “Moved”: say where to.',
    publishAfter: 'Embargo until (optional)',
    publishAfterHint: 'Until then the appointment is only a confidential time slot.',
    links: 'Links (optional)',
    linksHint: 'One per line: the address, then a title if you like.',
    contact: 'Contact for responses',
    contactHint:
      'An e-mail address or the https:// address of a web form. It is public on the site, ' +
      'with every appointment and report (“Respond”). Empty: no way to respond.',
    notes: 'Own notes (never public)',
    changeReason: 'Reason for the change (optional, public)',
    save: 'Save',
    saveAnyway: 'Save it as it is',
    timezone: (zone: string) => `Times in ${zone}.`,
    chooseType: 'choose the kind of organisation: this organisation is new',
  },
  nudge: {
    title: 'Make the appointment meaningful',
    subject: 'The subject says little yet. Write what it was about.',
    counterpart: 'No organisation is named. Whom did you meet?',
    why: 'An open agenda is only useful when every appointment names a subject and a counterpart.',
    fix: 'Complete the form and save, or save it as it is.',
  },
  entries: {
    title: 'Appointments',
    older: 'Older appointments',
    none: 'No appointments yet.',
    when: 'When',
    what: 'Subject',
    shown: 'Visibility',
    week: 'Week',
    show: 'Show',
    all: 'Newest first',
  },
  entry: {
    history: 'History',
    withdraw: 'Withdraw appointment',
    reason: 'Reason (public)',
    withdrawHint: 'A withdrawn appointment stays visible as withdrawn, with this reason.',
    withdrawn: (date: string, reason: string) => `Withdrawn on ${date}: ${reason}`,
    actions: { create: 'created', update: 'changed', withdraw: 'withdrawn' },
    changed: 'changed',
    by: 'by',
    edit: 'Edit',
  },
  conflict: {
    title: 'Someone else changed this meanwhile',
    intro: 'Your change was not saved. This changed since you opened the page:',
    field: 'Field',
    whenOpened: 'When you opened the page',
    now: 'Now',
    again: 'The form below holds your values. Saving overwrites the changes above.',
  },
  done: {
    created: 'Appointment saved. The public site will be updated shortly.',
    updated: 'Change saved.',
    withdrawn: 'Appointment withdrawn.',
    postSaved: 'Post saved.',
    profileSaved: 'Profile saved.',
    tokenRevoked: 'Token revoked.',
    digestSaved: 'Weekly digest saved.',
    servantLeft: 'Marked as left; their tokens are revoked.',
    servantBack: 'Active again. Make a new first token below so they can sign in again.',
    organisationSaved: 'Organisation saved. The public site is updated shortly.',
    reportDrafted: 'Draft annual report created. Write your own words in the marked places, then publish.',
  },
  import: {
    title: 'Import a calendar',
    intro:
      'Import an .ics file from Outlook, Google Calendar or Apple Calendar. Every appointment arrives private; ' +
      'then you choose what becomes public. Importing again updates appointments instead of duplicating them.',
    file: 'Calendar file (.ics)',
    fileHint: (mb: number) => `At most ${mb} MB. For a bigger file, export a shorter period and import it in parts.`,
    from: 'From',
    to: 'Up to and including',
    rangeHint: 'Repeating appointments are written out within this period.',
    submit: 'Import',
    noFile: 'Choose an .ics file.',
    bad: (line: number, reason: string) =>
      `Line ${line}: ${reason}. Nothing was imported; fix that line or export the calendar again.`,
    result: (r: { created: number; updated: number; unchanged: number; outsideRange: number }) =>
      `Imported: ${r.created} new, ${r.updated} updated, ` +
      `${r.unchanged} unchanged, ${r.outsideRange} outside the period.`,
  },
  review: {
    title: 'Review imported appointments',
    intro:
      'These imported appointments are still private. Choose one or more, ' +
      'give them a kind, organisation and themes, and make them public.',
    none: 'No private imported appointments wait in this period.',
    choose: 'Choose',
    bulk: 'For the chosen appointments',
    keep: '— do not change —',
    addCounterpart: 'Add an organisation',
    addThemes: 'Add themes',
    apply: 'Apply',
    noneSelected: 'Choose one or more appointments first.',
    done: (n: number) => `${n} appointments updated.`,
    period: 'Period',
  },
  posts: {
    title: 'Posts',
    new: 'New post',
    slug: 'Address (slug)',
    slugHint: 'Lowercase letters, digits and dashes, for example annual-report-2014-2015.',
    slugTaken: 'is taken: choose another address',
    postTitle: 'Title',
    kind: 'Kind',
    kinds: { 'annual-report': 'Annual report', note: 'Note' },
    periodFrom: 'Period from',
    periodTo: 'Period up to and including',
    periodHint: 'Only for an annual report: twelve months, for example 1 July to 30 June.',
    body: 'Text (Markdown)',
    status: 'Status',
    statuses: { draft: 'Draft', published: 'Published' },
    preview: 'Show preview',
    previewTitle: 'Preview, as the site shows it',
    save: 'Save',
    none: 'No posts yet.',
    draftReport: 'Draft an annual report',
  },
  report: {
    title: 'Draft an annual report',
    intro:
      'Choose twelve months. You get a draft with the figures of your public agenda and places for your own ' +
      'words; it stays a draft until you publish it yourself.',
    periodHint: 'Suggested: the last full reporting year.',
    create: 'Create draft',
  },
  digests: {
    title: 'Weekly digests',
    week: 'Week',
    weekHint: 'An ISO week, such as 2015-W12.',
    generate: 'Make or refresh',
    none: 'No weekly digests yet.',
    intro: 'Introduction',
    introHint: 'Your own words above the ten items.',
    saveDraft: 'Save as draft',
    publish: 'Publish',
    items: 'The week in ten items',
    more: (n: number) => `And ${n} more public appointments.`,
    withheld: (n: number) => (n === 1 ? 'One confidential appointment.' : `${n} confidential appointments.`),
    empty: (week: string) => `${week} has no public appointments, so it gets no weekly digest.`,
    curated: 'You chose the items.',
    automatic: 'The items were chosen automatically; choose your own below.',
    chooseItems: 'Which appointments, in which order',
    chooseHint: 'Tick at most ten appointments. Number them for their order (1 first); unnumbered ones follow by time.',
    order: 'Place',
    note: 'Note (one line)',
    noteHint: (n: number) => `Plain text, at most ${n} characters; shown under the item.`,
    conflict:
      'Someone else changed this weekly digest meanwhile. Your choices are below; saving overwrites that change.',
    statuses: { draft: 'Draft', published: 'Published' },
  },
  profile: {
    title: 'Profile',
    name: 'Name',
    role: 'Role',
    organisation: 'Organisation',
    bio: 'About you (Markdown)',
    links: 'Links',
    linksHint: 'One per line: the address, then a title if you like.',
    contact: 'Contact for responses',
    contactHint:
      'An e-mail address or the https:// address of a web form. It is public on the site, ' +
      'with every appointment and report (“Respond”). Empty: no way to respond.',
    locale: 'Language of the site',
    timezone: 'Time zone',
    timezoneHint: 'An IANA time zone, such as Europe/Amsterdam.',
    save: 'Save',
  },
  tokens: {
    title: 'Tokens',
    intro: 'A token gives access to the API, the journal command and this admin. Keep it like a password.',
    label: 'Name of the token',
    labelHint: 'What it is for, for example “laptop” or “phone”.',
    created: 'Created',
    state: 'State',
    active: 'Active',
    revokedOn: (date: string) => `Revoked on ${date}`,
    create: 'Create token',
    revoke: 'Revoke',
    newTitle: 'New token',
    shownOnce: 'Copy this token now: it is shown only once and stored nowhere.',
    current: '(this session)',
    back: 'Back to the tokens',
    sessions: 'Signed in',
    everywhere: 'Sign out everywhere',
    everywhereHint:
      'Ends every sign-in to this admin, on all your devices and in every browser, this ' +
      'one included. Do this when you forgot to sign out somewhere or lost a device.',
  },
  servants: {
    title: 'Servants',
    intro:
      'Everyone who keeps an open agenda here. You see who they are and since when; never their appointments, ' +
      'notes or tokens.',
    active: 'Working here',
    former: 'Former servants',
    name: 'Name',
    slug: 'Address',
    role: 'Role',
    sinceDay: (date: string) => `Since ${date}`,
    noneActive: 'Nobody yet. Add the first servant.',
    noneFormer: 'Nobody has left.',
    add: 'Add a servant',
    slugHint:
      'Lowercase letters, digits and single dashes, e.g. a-jansen. It becomes the address of their part of the ' +
      'site (/a-jansen/) and does not change afterwards.',
    nameHint: 'As the name appears on the public site, e.g. “Anna Jansen”.',
    roleHint: 'E.g. “CIO adviser, Information Society directorate”.',
    create: 'Add and make a first token',
    taken: (slug: string) =>
      `There is a servant with the address “${slug}” already; choose another, e.g. with an initial.`,
    tokenTitle: (name: string) => `First token for ${name}`,
    shownOnce:
      'This token is shown once and kept nowhere. Pass it on safely now, not in a plain e-mail. Lost? Make a new ' +
      "one on the servant's page.",
    howTo: 'How the servant uses it:',
    howAdmin: 'Sign in to the admin at',
    howCli: 'Or use the journal command, with the token in JOURNAL_TOKEN:',
    tokenPlaceholder: 'the-token-above',
    back: 'Back to the servants',
    status: 'Status',
    activeSince: (date: string) => `Working here, on this journal platform since ${date}`,
    leftSince: (date: string) => `Left on ${date}`,
    leave: 'Mark as left',
    leaveDate: 'Last working day',
    leaveHint:
      'Their tokens are revoked at once. Their journal and its public appointments stay; the site says they ' +
      'left on that day.',
    leaveSubmit: 'Mark as left and revoke tokens',
    comeBack: 'Back at work',
    comeBackHint: 'Their old tokens stay revoked: make a new first token afterwards.',
    comeBackSubmit: 'Make active again',
    newToken: 'New first token',
    newTokenHint:
      'For someone who lost theirs or just came back. Their other tokens are revoked at the same time, so the ' +
      'servant notices when someone else made this one.',
    newTokenSubmit: 'Make a new token, revoke the others',
    conflict: 'Below is how it is now; see whether your change is still needed and try again.',
  },
  organisation: {
    title: 'Organisation',
    intro: 'How the organisation appears on the public site: name, address, contact and house style.',
    name: 'Name',
    nameHint: 'In full, e.g. “Ministry of the Interior and Kingdom Relations”.',
    siteUrl: 'Site address (optional)',
    siteUrlHint: 'Where the open agendas are, e.g. https://agenda.example.nl.',
    contact: 'Contact (optional)',
    contactHint: 'An e-mail address or the https:// address of a web form. It is public on the site.',
    theme: 'House style (optional)',
    themeHint: 'Fields left empty keep the default: Rijkshuisstijl colours and the system font.',
    primary: 'Main colour (menu bar and charts)',
    text: 'Text colour',
    link: 'Link colour',
    colourHint: (example: string) => `As #rrggbb, e.g. ${example}.`,
    font: 'Fonts',
    fontHint: 'Names separated by commas, without quotes, e.g. Fira Sans, Arial, sans-serif.',
    save: 'Save',
  },
  home: { title: 'Log an appointment', recent: 'Recently logged', all: 'All appointments' },
  fields: {
    title: 'Subject',
    start: 'Start',
    end: 'End',
    allDay: 'All day',
    timezone: 'Time zone',
    kind: 'Kind',
    counterparts: 'With whom',
    themes: 'Themes',
    location: 'Place',
    summary: 'Summary',
    links: 'Links',
    status: 'Status',
    statusNote: 'Note on the status',
    visibility: 'Visibility',
    publishAfter: 'Embargo until',
    notes: 'Own notes',
    sourceUid: 'Calendar UID',
    withdrawn: 'Withdrawn',
    body: 'Text',
    period: 'Period',
    publishedAt: 'Published on',
  },
  yes: 'yes',
  no: 'no',
}

export const MESSAGES: Record<Lang, Messages> = { nl, en }

/** A field's name in the page's language; a field without one by its own name. */
export function fieldLabel(t: Messages, field: string): string {
  return Object.hasOwn(t.fields, field) ? t.fields[field as keyof Messages['fields']] : field
}

export const isLang = (value: string | undefined): value is Lang => LOCALES.some((l) => l === value)

const DUTCH_REASONS: [RegExp, string | ((...m: string[]) => string)][] = [
  [/^is required/, 'is verplicht'],
  [
    /^choose at most (\d+) appointments; (\d+) are chosen/,
    (_, n, m) => `kies hoogstens ${n} afspraken; er zijn er ${m} gekozen`,
  ],
  [/^choose at least one appointment/, 'kies minstens één afspraak'],
  [/^is not a public appointment of (\S+)/, (_, week) => `is geen openbare afspraak van ${week}`],
  [/^is chosen twice/, 'is twee keer gekozen'],
  [/^must be at least 1 character/, 'mag niet leeg zijn'],
  [/^must be at most (\d+) characters long/, (_, n) => `mag hoogstens ${n} tekens lang zijn`],
  [/^must be after start/, 'moet na het begin liggen'],
  [/^must be on or after start/, 'moet op of na de begindatum liggen'],
  [/^must be on or after from/, 'moet op of na de begindatum liggen'],
  [/^may lie at most two years after from/, 'mag hoogstens twee jaar na de begindatum liggen'],
  [/^must be a date and time/, 'moet een datum met een tijd zijn'],
  [/^must be a date \(YYYY-MM-DD\)/, 'moet een datum zijn'],
  [/^must be a calendar date/, 'moet een bestaande datum zijn (JJJJ-MM-DD)'],
  [/^is required when status is moved/, 'is verplicht bij „Verplaatst”: zeg waarheen'],
  [/^must be an http\(s\) URL/, 'moet een webadres zijn dat met http:// of https:// begint'],
  [
    /^must be an e-mail address \(name@example.nl\) or the https:\/\/ address of a web form/,
    'moet een e-mailadres (naam@voorbeeld.nl) of het https://-adres van een webformulier zijn; laat het leeg voor geen',
  ],
  [/^must be an IANA time zone/, 'moet een IANA-tijdzone zijn, zoals Europe/Amsterdam'],
  [
    /^must be lowercase letters, digits and single dashes/,
    'mag alleen kleine letters, cijfers en losse streepjes bevatten',
  ],
  [/^may hold at most (\d+) items/, (_, n) => `mag hoogstens ${n} onderdelen hebben`],
  [
    /^must start with a letter and hold lowercase letters, digits and single dashes/,
    'moet met een letter beginnen en mag alleen kleine letters, cijfers en losse streepjes bevatten, bijv. a-jansen',
  ],
  [
    /^"(.+)" is a page of the site already/,
    (_, slug) => `„${slug}” is al een pagina van de site; kies een ander adres, bijvoorbeeld een achternaam`,
  ],
  [/^must be a colour written #rrggbb/, 'moet een kleur zijn, geschreven als #rrggbb, bijvoorbeeld #154273'],
  [
    /^is too light to read on white/,
    'is te licht om op wit te lezen (WCAG vraagt een contrast van minstens 4,5:1); kies een donkerdere kleur',
  ],
  [
    /^must be font names separated by commas/,
    'moet bestaan uit namen van lettertypen, gescheiden door komma’s, zonder aanhalingstekens',
  ],
]

/** A reason from the core validators (English) in the page's language. */
export function reasonIn(lang: Lang, reason: string): string {
  if (lang === 'en') return reason
  for (const [pattern, dutch] of DUTCH_REASONS) {
    const match = pattern.exec(reason)
    if (match) return typeof dutch === 'string' ? dutch : dutch(...match)
  }
  return reason
}
