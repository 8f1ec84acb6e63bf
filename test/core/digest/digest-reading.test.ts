import { describe, expect, it } from 'vitest'
import {
  applyEntryPatch,
  DEFAULT_SETTINGS as AMSTERDAM,
  newEntry,
  normalizeEntryInput,
  revisedEntry,
  ValidationError,
  type EntryInput,
} from '../../../functions/core/model/index.js'
import {
  curateDigest,
  describeDigestItem,
  digestCandidates,
  digestDays,
  reviseDigest,
  selectDigest,
  toPublicDigest,
  type Digest,
} from '../../../functions/core/digest/index.js'
import { digestFeed } from '../../../functions/core/publishing/index.js'
import { digestLead } from '../../../functions/core/words/index.js'
import { AMSTERDAM_JOURNAL } from '../../support/journal-defaults.js'

const first = new Date('2015-03-23T06:00:00Z')
const later = new Date('2015-03-24T09:00:00Z')
let n = 0
const entry = (input: Partial<EntryInput> & { start: string; title: string }) =>
  newEntry(
    normalizeEntryInput({ kind: 'meeting', visibility: 'public', ...input } as EntryInput, AMSTERDAM_JOURNAL),
    'p',
    first,
    `E${++n}`,
  )

/** A week as seed 004 tells one: advice, a lecture, a visit, a private individual, a confidential talk. */
const week = [
  entry({
    start: '2015-03-16T10:00',
    title: 'Adviesgesprek zelfsturing',
    kind: 'advice',
    counterparts: [
      { name: 'Gemeente Enschede', type: 'gemeente' },
      { name: 'CANARY-Pieterse', type: 'private-person' },
    ],
    themes: ['zelfsturing', 'ambtelijk vakmanschap'],
    summary: 'Hoe teams zichzelf sturen. Daarna over **budgetten** gesproken.',
  }),
  entry({
    start: '2015-03-16T14:00',
    title: 'Lezing bij de Rijksacademie',
    kind: 'lecture',
    counterparts: [{ name: 'Rijksacademie', type: 'ministerie' }],
    themes: ['ambtelijk vakmanschap'],
  }),
  entry({
    start: '2015-03-18',
    allDay: true,
    title: 'Werkbezoek waterschap',
    kind: 'visit',
    counterparts: [{ name: 'Waterschap Vechtstromen', type: 'overig' }],
    themes: ['water'],
  }),
  entry({ start: '2015-03-19T09:00', title: 'CANARY-besloten', visibility: 'restricted', themes: ['CANARY-thema'] }),
]
const settings = { now: later, ...AMSTERDAM }
const published = (): Digest =>
  reviseDigest({
    selection: selectDigest(week, '2015-W12', first, AMSTERDAM),
    request: { status: 'published' },
    defaultStatus: 'draft',
    person: 'p',
    now: first,
  }).digest!

describe('digestLead: the generated opening sentence', () => {
  it.each([
    [
      { appointments: 6, organisations: 5, themes: ['ambtelijk vakmanschap'], withheld: 1 },
      'nl',
      'Deze week had ik zes openbare afspraken met vijf organisaties, ' +
        'vooral over ambtelijk vakmanschap; één afspraak was besloten.',
    ],
    [
      { appointments: 6, organisations: 5, themes: ['ambtelijk vakmanschap'], withheld: 1 },
      'en',
      'This week I had six public appointments with five organisations, ' +
        'mostly about ambtelijk vakmanschap; one appointment was confidential.',
    ],
    [
      { appointments: 1, organisations: 1, themes: ['water'], withheld: 0 },
      'nl',
      'Deze week had ik één openbare afspraak met één organisatie, over water.',
    ],
    [{ appointments: 2, organisations: 0, themes: [], withheld: 0 }, 'nl', 'Deze week had ik twee openbare afspraken.'],
    [
      { appointments: 0, organisations: 0, themes: [], withheld: 3 },
      'en',
      'This week I had no public appointments; three appointments were confidential.',
    ],
    [
      { appointments: 14, organisations: 12, themes: ['water', 'zorg'], withheld: 2 },
      'nl',
      'Deze week had ik 14 openbare afspraken met twaalf organisaties, vooral over water en zorg; ' +
        'twee afspraken waren besloten.',
    ],
  ] as const)('%j in %s', (facts, locale, expected) => {
    expect(digestLead({ ...facts, themes: [...facts.themes] }, locale)).toBe(expected)
  })
})

describe('a public digest reads as the week, without clicking', () => {
  const shown = toPublicDigest(published(), week, settings)!

  it('has a lead from the public figures only, in the journal language', () => {
    expect(shown.lead).toBe(
      'Deze week had ik drie openbare afspraken met drie organisaties, ' +
        'vooral over ambtelijk vakmanschap; één afspraak was besloten.',
    )
    expect(digestLead(shown.leadFacts, 'en')).toBe(
      'This week I had three public appointments with three organisations, ' +
        'mostly about ambtelijk vakmanschap; one appointment was confidential.',
    )
  })

  it('groups the items by day, each with time, subject, with whom and the first sentence', () => {
    const days = digestDays(shown.items).map((day) => ({
      date: day.date,
      items: day.items.map((i) => [i.title, describeDigestItem(i, 'nl'), i.firstSentence]),
    }))
    expect(days).toEqual([
      {
        date: '2015-03-16',
        items: [
          [
            'Adviesgesprek zelfsturing',
            '10:00 · advies · met Gemeente Enschede en particulier',
            'Hoe teams zichzelf sturen.',
          ],
          ['Lezing bij de Rijksacademie', '14:00 · lezing · met Rijksacademie', undefined],
        ],
      },
      {
        date: '2015-03-18',
        items: [['Werkbezoek waterschap', 'hele dag · werkbezoek · met Waterschap Vechtstromen', undefined]],
      },
    ])
    expect(describeDigestItem(shown.items[0]!, 'en')).toBe(
      '10:00 · advice · with Gemeente Enschede and private individual',
    )
  })

  it('never carries a private individual, a restricted title or theme', () => {
    expect(JSON.stringify(shown)).not.toMatch(/CANARY/)
    expect(shown.withheldCount).toBe(1)
  })

  it('renders the intro Markdown, sanitised, and keeps the source', () => {
    const intro = 'Een week in **Utrecht**. <script>alert(1)</script>'
    const withIntro = toPublicDigest({ ...published(), intro }, week, settings)!
    expect(withIntro.intro).toBe(intro)
    expect(withIntro.introHtml).toBe(
      '<p>Een week in <strong>Utrecht</strong>. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
  })
})

describe('curateDigest: the servant chooses items, order and notes', () => {
  const candidates = digestCandidates(week, '2015-W12', settings)

  it('offers only the public entries of the week', () => {
    expect(candidates.map((c) => c.entryId)).toEqual(['E1', 'E2', 'E3'])
  })

  it('keeps the order and notes chosen, and publishes', () => {
    const curated = curateDigest(
      published(),
      {
        items: [{ entryId: 'E3', note: '  Mooi   project.\n' }, { entryId: 'E1' }],
        intro: 'Mijn week.',
        status: 'published',
      },
      candidates,
      later,
    )
    expect(curated.items.map((i) => [i.entryId, i.note])).toEqual([
      ['E3', 'Mooi project.'],
      ['E1', undefined],
    ])
    expect(curated).toMatchObject({ curatedAt: later.toISOString(), publishedAt: first.toISOString(), version: 2 })
    const shown = toPublicDigest(curated, week, settings)!
    expect(shown.items.map((i) => [i.title, i.note])).toEqual([
      ['Werkbezoek waterschap', 'Mooi project.'],
      ['Adviesgesprek zelfsturing', undefined],
    ])
    expect(shown.moreCount).toBe(1)
  })

  it('refuses eleven items with a message that says how many', () => {
    const eleven = Array.from({ length: 11 }, () => ({ entryId: 'E1' }))
    const attempt = () => curateDigest(published(), { items: eleven, intro: '', status: 'draft' }, candidates, later)
    expect(attempt).toThrow(ValidationError)
    expect(attempt).toThrow('items: choose at most 10 appointments; 11 are chosen')
  })

  it.each([
    [{ entryId: 'E4' }, 'items.0.entryId: is not a public appointment of 2015-W12'],
    [{ entryId: 'E1', note: 'x'.repeat(141) }, 'items.0.note: must be at most 140 characters long'],
  ])('refuses %j', (item, message) => {
    expect(() => curateDigest(published(), { items: [item], intro: '', status: 'draft' }, candidates, later)).toThrow(
      message,
    )
  })

  it('drops a curated item whose entry became private, and counts honestly (canary)', () => {
    const curated = curateDigest(
      published(),
      { items: [{ entryId: 'E1', note: 'CANARY-notitie' }, { entryId: 'E2' }], intro: '', status: 'published' },
      candidates,
      later,
    )
    const hidden = revisedEntry(week[0]!, applyEntryPatch(week[0]!, { visibility: 'private' }), later)
    const shown = toPublicDigest(curated, [hidden, ...week.slice(1)], settings)!
    expect(shown.items.map((i) => i.title)).toEqual(['Lezing bij de Rijksacademie'])
    expect(shown).toMatchObject({ moreCount: 1, withheldCount: 1 })
    expect(JSON.stringify(shown)).not.toMatch(/CANARY|zelfsturing|Enschede/)
  })

  it('survives regeneration: the servant keeps the items chosen', () => {
    const curated = curateDigest(
      published(),
      { items: [{ entryId: 'E2', note: 'Goed.' }], intro: '', status: 'published' },
      candidates,
      later,
    )
    const again = reviseDigest({
      existing: curated,
      selection: selectDigest(week, '2015-W12', later, AMSTERDAM),
      request: {},
      defaultStatus: 'draft',
      person: 'p',
      now: later,
    })
    expect(again.outcome).toBe('unchanged')
    expect(again.digest?.items.map((i) => [i.entryId, i.note])).toEqual([['E2', 'Goed.']])
  })
})

describe('the digest feed carries the whole digest as HTML', () => {
  it('has the lead, a heading per day, linked titles, facts, notes and counts, dated at publication', () => {
    const digest = toPublicDigest(
      curateDigest(
        published(),
        { items: [{ entryId: 'E1', note: 'Vervolg in april.' }, { entryId: 'E3' }], intro: '', status: 'published' },
        digestCandidates(week, '2015-W12', settings),
        later,
      ),
      week,
      settings,
    )!
    const snapshot = { locale: 'nl', digests: [digest], generatedAt: later.toISOString() } as never
    const [item] = digestFeed(snapshot, 'https://agenda.example.nl').items
    expect(item!.published).toBe(first.toISOString())
    expect(item!.contentHtml).toBe(
      [
        '<p>Deze week had ik drie openbare afspraken met drie organisaties, vooral over ambtelijk vakmanschap; ',
        'één afspraak was besloten.</p>',
        '<h3>maandag 16 maart</h3><ul><li><p><a href="https://agenda.example.nl/agenda/entry/E1/">',
        'Adviesgesprek zelfsturing</a><br>10:00 · advies · met Gemeente Enschede en particulier</p>',
        '<p>Hoe teams zichzelf sturen.</p><p><em>Vervolg in april.</em></p></li></ul>',
        '<h3>woensdag 18 maart</h3><ul><li><p><a href="https://agenda.example.nl/agenda/entry/E3/">',
        'Werkbezoek waterschap</a><br>hele dag · werkbezoek · met Waterschap Vechtstromen</p></li></ul>',
        '<p>En nog één andere openbare afspraak.</p><p>Niet vermeld: één besloten afspraak.</p>',
      ].join(''),
    )
  })
})
