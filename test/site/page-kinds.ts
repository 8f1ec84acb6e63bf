import { readFileSync } from 'node:fs'
import { busyJournal } from '../support/journal-fixtures.js'
import { filesUnder } from './site-build.js'

/** The busy journal with a 2015 annual report and a contact, so figures, charts and Respond links are built. */
export function journalWithReport() {
  const journal = busyJournal().withProfile({ contact: 'anna@example.org' }) // with Respond links
  journal.post(
    'jaarverslag-2015',
    {
      title: 'Jaarverslag 2015',
      kind: 'annual-report',
      period: { from: '2015-01-01', to: '2015-12-31' },
      body: 'Mijn **jaar**.',
    },
    '2015-04-01T10:00:00Z',
  )
  return journal.items()
}

/**
 * One page of every kind the site has, each in Dutch and in English (`[name, path]`), found in a
 * site built from `journalWithReport()`; the 404 page exists once.
 */
export function pageKinds(dist: string): [string, string][] {
  const files = filesUnder(dist)
  const first = (prefix: string, needle: string) => {
    const file = files.find(
      (f) => f.startsWith(prefix) && f.endsWith('index.html') && readFileSync(`${dist}/${f}`, 'utf8').includes(needle),
    )
    if (!file) throw new Error(`no page under ${prefix} with ${needle}`)
    return `/${file.replace(/index\.html$/, '').replace(/^en\//, '')}`
  }
  const kinds: [string, string][] = [
    ['home', '/'],
    ['agenda', '/agenda/'],
    ['year', '/agenda/2015/'],
    ['month', '/agenda/2015/03/'],
    ['week', '/agenda/2015/w14/'],
    ['empty week', '/agenda/2015/w13/'],
    ['public entry', first('agenda/entry/', 'Adviesgesprek zelfsturing</h1>')],
    ['moved entry', first('agenda/entry/', 'Overleg met de provincie</h1>')],
    ['withdrawn entry', first('agenda/entry/', 'Bezoek aan de waterzuivering</h1>')],
    ['restricted entry', first('agenda/entry/', 'Besloten afspraak</h1>')],
    ['themes', '/themes/'],
    ['theme', '/themes/zelfsturing/'],
    ['organisations', '/organisations/'],
    ['organisation', '/organisations/gemeente-enschede/'],
    ['private individuals', '/organisations/particulier/'],
    ['posts', '/posts/'],
    ['post', '/posts/jaarverslag-2014/'],
    ['annual report with figures', '/posts/jaarverslag-2015/'],
    ['annual report figure', '/posts/jaarverslag-2015/kind-advice/'],
    ['annual report organisation', '/posts/jaarverslag-2015/gemeente-amsterdam/'],
    ['digests', '/digest/'],
    ['digest', '/digest/2015-w12/'],
    ['search', '/search/'],
    ['about', '/about/'],
    ['privacy', '/privacy/'],
    ['accessibility statement', '/accessibility/'],
    ['open data', '/data/'],
    ['follow', '/follow/'],
  ]
  return [
    ...kinds.flatMap(([name, path]): [string, string][] => [
      [name, path],
      [`${name} (English)`, `/en${path}`],
    ]),
    ['not found', '/no/such/page/'],
  ]
}
