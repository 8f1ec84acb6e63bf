import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS as AMSTERDAM,
  normalizeEntryInput,
  type Entry,
  newEntry,
} from '../../../functions/core/model/index.js'
import { joinList } from '../../../functions/core/words/index.js'
import {
  describeOrganisations,
  type OrganisationGroup,
  draftAnnualReport,
  REFLECTION_MARK,
  reportStats,
} from '../../../functions/core/report/index.js'

const NOW = new Date('2015-09-01T12:00:00Z')
const YEAR = { from: '2014-07-01', to: '2015-06-30' }
let sequence = 0
/** Entries published a day after they started, so the delay figure is easy to read. */
const entry = (
  start: string,
  kind: string,
  counterparts: [string, string][],
  themes: string[] = [],
  overrides: Record<string, unknown> = {},
): Entry => {
  const content = normalizeEntryInput(
    {
      start,
      title: 'Afspraak',
      kind,
      visibility: 'public',
      status: 'held',
      counterparts: counterparts.map(([name, type]) => ({ name, type })),
      themes,
      ...overrides,
    },
    AMSTERDAM_JOURNAL,
  )
  return newEntry(content, 'p', new Date(Date.parse(content.start) + 86_400_000), `E${++sequence}`)
}

/** A year shaped like seed 004: advice and lectures at government bodies, other contacts, a private individual. */
const journal = [
  entry('2014-05-12T10:00', 'meeting', [
    ['Gemeente Enschede', 'gemeente'],
    ['KPN', 'bedrijf'],
  ]),
  entry('2014-07-03T10:00', 'advice', [['Gemeente Enschede', 'gemeente']], ['zelfsturing']),
  entry(
    '2014-08-04T10:00',
    'lecture',
    [
      ['Gemeente Almere', 'gemeente'],
      ['Provincie Overijssel', 'provincie'],
    ],
    ['overheidsinnovatie'],
  ),
  entry(
    '2014-09-03T10:00',
    'advice',
    [
      ['Gemeente Arnhem', 'gemeente'],
      ['Ministerie van AZ', 'ministerie'],
    ],
    ['zelfsturing'],
  ),
  entry(
    '2014-09-17T10:00',
    'visit',
    [
      ['Ministerie van OCW', 'ministerie'],
      ['Ministerie van VWS', 'ministerie'],
    ],
    ['ambtelijk vakmanschap'],
  ),
  entry('2014-11-03T10:00', 'interview', [['HAN', 'kennisinstelling']], ['overheidsinnovatie']),
  entry('2015-01-05T10:00', 'meeting', [
    ['KPN', 'bedrijf'],
    ['PostNL', 'bedrijf'],
  ]),
  entry('2015-02-03T10:00', 'media', [['iBestuur', 'media']], ['overheidsinnovatie']),
  entry('2015-03-03T10:00', 'interview', [['CANARY-Jan Jansen', 'private-person']], ['zelfsturing']),
  entry('2015-03-04T10:00', 'meeting', [['CANARY-Restricted BV', 'bedrijf']], [], { visibility: 'restricted' }),
  entry('2015-03-05T10:00', 'advice', [['CANARY-Secret BV', 'bedrijf']], ['canary-theme'], {
    visibility: 'private',
    title: 'CANARY-PRIVATE-TITLE',
  }),
]
const stats = reportStats(journal, YEAR, NOW, AMSTERDAM)

describe('joinList', () => {
  it.each([
    [[], 'nl', ''],
    [['Almere'], 'nl', 'Almere'],
    [['Almere', 'Arnhem'], 'nl', 'Almere en Arnhem'],
    [['Almere', 'Arnhem', 'Enschede'], 'nl', 'Almere, Arnhem en Enschede'],
    [['AZ', 'OCW', 'VWS', 'BZK'], 'nl', 'AZ, OCW, VWS en BZK'],
    [['Almere', 'Arnhem'], 'en', 'Almere and Arnhem'],
    [['Almere', 'Arnhem', 'Enschede'], 'en', 'Almere, Arnhem and Enschede'],
  ] as const)('joins %j in %s as "%s"', (items, locale, text) => {
    expect(joinList(items, locale)).toBe(text)
  })
})

describe('describeOrganisations', () => {
  const seed: OrganisationGroup[] = [
    { type: 'gemeente', names: ['Gemeente Enschede', 'Almere', 'Gemeente Arnhem'] },
    { type: 'provincie', names: ['Provincie Overijssel'] },
    { type: 'ministerie', names: ['Ministerie van VWS', 'Ministerie van AZ', 'OCW'] },
  ]

  it.each([
    ['nl', 'de gemeenten Almere, Arnhem en Enschede, de provincie Overijssel en de ministeries van AZ, OCW en VWS'],
    [
      'en',
      'the municipalities of Almere, Arnhem and Enschede, ' +
        'the province of Overijssel and the ministries of AZ, OCW and VWS',
    ],
  ] as const)("writes seed 004's sentence in %s", (locale, text) => {
    expect(describeOrganisations(seed, locale)).toBe(text)
  })

  it.each([
    ['one municipality', [{ type: 'gemeente', names: ['Gemeente Velzen'] }], 'de gemeente Velzen'],
    ['one ministry', [{ type: 'ministerie', names: ['Ministerie van BZK'] }], 'het ministerie van BZK'],
    [
      'one water authority',
      [{ type: 'waterschap', names: ['Waterschap Vechtstromen'] }],
      'het waterschap Vechtstromen',
    ],
    ['two companies', [{ type: 'bedrijf', names: ['PostNL', 'KPN'] }], 'de bedrijven KPN en PostNL'],
    [
      'the same municipality spelled twice',
      [{ type: 'gemeente', names: ['Gemeente Almere', 'Almere'] }],
      'de gemeente Almere',
    ],
    [
      'types without a common noun, name by name',
      [
        { type: 'rechtspraak-om', names: ['Openbaar Ministerie'] },
        { type: 'overig', names: ['LPB', 'CAOP'] },
      ],
      'Openbaar Ministerie, CAOP en LPB',
    ],
  ] as const)('names %s', (_what, groups, text) => {
    expect(describeOrganisations(groups as unknown as OrganisationGroup[], 'nl')).toBe(text)
  })
})

describe('draftAnnualReport', () => {
  it('drafts a Dutch report in the structure of seed 004', () => {
    const expected = [
      '# Persoonlijk jaarverslag 2014/2015',
      '',
      '<!-- Schrijf hier je eigen inleiding: waarom je dit overzicht maakt en wat deze periode kenmerkte -->',
      '',
      'Als ambtenaar word je betaald met publiek geld. ' +
        'Daarom laat ik zien wat ik met dat geld doe: in mijn open agenda en in dit overzicht ' +
        'van 1 juli 2014 tot en met 30 juni 2015.',
      '',
      '## Afspraken en contacten',
      '',
      'Over deze periode staan 8 openbare afspraken in mijn open agenda: ' +
        '1 overleg, 1 lezing, 2 adviesgesprekken, 2 interviews, 1 werkbezoek en 1 media-optreden. ' +
        'Daarnaast was er 1 besloten afspraak (gepubliceerd zonder details).',
      '',
      'Voor adviesgesprekken, lezingen en werkbezoeken ben ik op bezoek geweest bij ' +
        'de gemeenten Almere, Arnhem en Enschede, de provincie Overijssel en de ministeries van AZ, OCW en VWS.',
      '',
      'Andere contacten, per soort organisatie:',
      '',
      '- Kennisinstellingen: HAN',
      '- Bedrijven: KPN en PostNL',
      '- Media: iBestuur',
      '- Particulieren: 1 afspraak',
      '',
      'Voor het eerst in mijn agenda: de gemeenten Almere en Arnhem, de provincie Overijssel, ' +
        'de ministeries van AZ, OCW en VWS, de kennisinstelling HAN, het bedrijf PostNL en het medium iBestuur.',
      '',
      '<!-- Vertel hier welke contacten je het meest bijbleven -->',
      '',
      "## Thema's",
      '',
      "<!-- Vertel hier wat je met deze thema's deed en wat je ervan leerde -->",
      '',
      '- overheidsinnovatie: 3 afspraken',
      '- zelfsturing: 3 afspraken',
      '- ambtelijk vakmanschap: 1 afspraak',
      '',
      '## In cijfers',
      '',
      '- 11 organisaties, waarvan 9 voor het eerst in deze agenda.',
      '- Drukste maand: september 2014 (2 afspraken).',
      '- 88% van de openbare afspraken noemt zowel een onderwerp als een gesprekspartner.',
      '- Een afspraak stond (mediaan) 1 dag na de start in de agenda.',
      '',
      '## Terug- en vooruitkijken',
      '',
      REFLECTION_MARK.nl,
      '',
    ].join('\n')
    expect(draftAnnualReport(stats, { locale: 'nl' })).toBe(expected)
  })

  it("drafts in English when the profile's locale is en", () => {
    const draft = draftAnnualReport(stats, { locale: 'en' })
    expect(draft).toContain('# Personal annual report 2014/2015')
    expect(draft).toContain(
      'For advisory meetings, lectures and working visits I visited ' +
        'the municipalities of Almere, Arnhem and Enschede, ' +
        'the province of Overijssel and the ministries of AZ, OCW and VWS.',
    )
    expect(draft).toContain('- Private individuals: 1 appointment')
    expect(draft).toContain('There was also 1 confidential appointment (published without details).')
    expect(draft).toContain(REFLECTION_MARK.en)
    expect(draft).not.toMatch(/gemeenten|afspraken|Schrijf/)
  })

  it("never contains a private entry's title, a withheld detail or a private individual's name (canary)", () => {
    for (const locale of ['nl', 'en'] as const)
      expect(draftAnnualReport(stats, { locale })).not.toMatch(/CANARY|canary/)
  })

  it.each([
    ['a calendar year', { from: '2015-01-01', to: '2015-12-31' }, '# Persoonlijk jaarverslag 2015'],
    ['two years', { from: '2014-07-01', to: '2016-06-30' }, '# Persoonlijk jaarverslag 2014–2016'],
  ])('titles %s by its years', (_what, period, title) => {
    expect(draftAnnualReport(reportStats(journal, period, NOW, AMSTERDAM)).split('\n')[0]).toBe(title)
  })

  it('still gives the places to write when the period has no public entries', () => {
    const draft = draftAnnualReport(reportStats(journal, { from: '2010-01-01', to: '2010-12-31' }, NOW, AMSTERDAM))
    expect(draft).toContain('Over deze periode staan geen openbare afspraken in mijn open agenda.')
    expect(draft).toContain(REFLECTION_MARK.nl)
    expect(draft).not.toContain("## Thema's")
  })

  it('escapes Markdown in organisation names, so a name cannot turn into markup', () => {
    const draft = draftAnnualReport(
      reportStats(
        [entry('2015-01-05T10:00', 'advice', [['Stichting *Sterren* <b>', 'maatschappelijke-organisatie']])],
        YEAR,
        NOW,
        AMSTERDAM,
      ),
    )
    expect(draft).toContain('de maatschappelijke organisatie Stichting \\*Sterren\\* \\<b\\>')
  })
})
