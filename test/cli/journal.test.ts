import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../functions/cli/main.js'
import { startServer } from '../support/local-server.js'
import { administratorToken, ownerToken, testDb } from '../support/test-db.js'

/**
 * The `journal` bin as a person runs it (node bin/journal.js), against the API on a real local
 * HTTP server backed by DynamoDB Local.
 */
const BIN = fileURLToPath(new URL('../../bin/journal.js', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../fixtures/ics/', import.meta.url))

let server: Awaited<ReturnType<typeof startServer>>
let token: string
let administrator: string
let dir: string

beforeAll(async () => {
  const db = await testDb()
  token = (await ownerToken(db)).secret
  administrator = await administratorToken(db)
  server = await startServer(db)
  dir = mkdtempSync(join(tmpdir(), 'oaj-cli-'))
})

afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Run {
  code: number
  stdout: string
  stderr: string
}

function journal(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          PATH: process.env.PATH,
          JOURNAL_API_URL: server.url,
          JOURNAL_TOKEN: token,
          JOURNAL_DATA_DIR: dir,
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    )
  })
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely; assertions check their shape
type LooseBody = any
const api = async (path: string, init: RequestInit = {}) =>
  (
    await fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } })
  ).json() as Promise<LooseBody>

describe('journal --help', () => {
  it('lists every command, the environment and the exit codes', async () => {
    const run = await journal(['--help'])
    expect(run.code).toBe(0)
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name.padEnd(10)} ${command.summary}`)
    expect(run.stdout).toMatch(
      new RegExp(
        /JOURNAL_API_URL[\s\S]*JOURNAL_TOKEN[\s\S]*Exit codes:\n {2}0 {2}done\n/.source +
          / {2}1 {2}the API refused[\s\S]*\n {2}2 {2}the command was used wrongly/.source,
      ),
    )
  })

  it('has help for each command', async () => {
    const runs = await Promise.all(COMMANDS.map((c) => journal([c.name, '--help'])))
    runs.forEach((run, i) => {
      expect(run.code, COMMANDS[i]!.name).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^journal ${COMMANDS[i]!.name}`))
      expect(run.stdout).toContain('Usage:')
    })
  }, 120_000)
})

describe('journal add, list, edit, withdraw', () => {
  it('logs an appointment, lists it by week, changes it with a public reason and withdraws it', async () => {
    const added = await journal([
      'add',
      '--title',
      'Advies over zelfsturende teams',
      '--start',
      '2015-03-16T10:00',
      '--end',
      '11:30',
      '--kind',
      'advice',
      '--with',
      'Gemeente Enschede:gemeente',
      '--theme',
      'zelfsturing',
      '--location',
      'Enschede',
      '--json',
    ])
    expect(added.code).toBe(0)
    const entry = JSON.parse(added.stdout)
    expect(entry).toMatchObject({
      start: '2015-03-16T10:00:00+01:00',
      end: '2015-03-16T11:30:00+01:00',
      status: 'held',
      visibility: 'public',
      counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
    })

    const listed = await journal(['list', '--week', '2015-W12'])
    expect(listed.stdout).toContain(`2015-03-16 10:00  advice     Advies over zelfsturende teams  (${entry.id})`)
    expect(listed.stdout).toMatch(/1 appointment\n$/)

    const edited = await journal([
      'edit',
      entry.id,
      '--start',
      '2015-03-16T14:00',
      '--end',
      '15:00',
      '--reason',
      'verzet op verzoek van de gemeente',
    ])
    expect(edited.code).toBe(0)
    expect(edited.stdout).toContain('Changed: 2015-03-16 14:00')
    const history = (await api(`/api/entries/${entry.id}`)).history
    expect(history.at(-1)).toMatchObject({ version: 2, reason: 'verzet op verzoek van de gemeente' })

    expect((await journal(['withdraw', entry.id])).code).toBe(2)
    const withdrawn = await journal(['withdraw', entry.id, '--reason', 'dubbel ingevoerd'])
    expect(withdrawn.stdout).toContain('[withdrawn]')
    expect((await api(`/api/entries/${entry.id}`)).withdrawn).toMatchObject({ reason: 'dubbel ingevoerd' })
  }, 120_000)

  it('logs an appointment to come as planned, one that started as held, unless --status says otherwise', async () => {
    const add = async (...args: string[]) =>
      JSON.parse((await journal(['add', '--title', 'Advies over zelfsturende teams', '--json', ...args])).stdout).status
    expect(await add('--start', '2099-03-16T10:00')).toBe('planned')
    expect(await add('--start', '2015-03-16T10:00')).toBe('held')
    expect(await add('--start', '2099-03-16T10:00', '--status', 'held')).toBe('held')
  }, 120_000)

  it('nudges toward a subject and a counterpart after logging a vague appointment', async () => {
    const run = await journal(['add', '--title', 'Overleg', '--start', '2015-03-17T09:00'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Tip: the title says little')
    expect(run.stderr).toContain('Tip: name whom you met')
  })

  it('lists by month and by theme', async () => {
    await journal([
      'add',
      '--title',
      'Lezing over open agenda’s',
      '--start',
      '2015-04-02T15:00',
      '--kind',
      'lecture',
      '--with',
      'Hogeschool Utrecht:kennisinstelling',
      '--theme',
      'open overheid',
    ])
    const month = await journal(['list', '--month', '2015-04', '--json'])
    expect(JSON.parse(month.stdout).map((e: { title: string }) => e.title)).toEqual(['Lezing over open agenda’s'])
    const theme = await journal(['list', '--theme', 'Open Overheid'])
    expect(theme.stdout).toContain('Lezing over open agenda’s')
  }, 60_000)
})

describe('journal import', () => {
  it('imports an Outlook file with progress, then updates by UID instead of duplicating', async () => {
    const file = join(FIXTURES, 'outlook-2016.ics')
    const first = await journal(['import', file, '--from', '2015-03-01', '--to', '2015-06-30'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Imported outlook-2016.ics'.replace('outlook', `${FIXTURES}outlook`))
    expect(first.stdout).toContain('9 new, 0 updated, 0 unchanged, 0 outside the period.')
    expect(first.stderr).toContain('Importing 0/9 (0%)')
    expect(first.stderr).toContain('Importing 9/9 (100%)')
    const again = await journal(['import', file, '--from', '2015-03-01', '--to', '2015-06-30', '--json'])
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 9 })
  }, 60_000)

  it('refuses a malformed file with its line and reason, exit code 1, and imports nothing', async () => {
    const before = (await api('/api/export')).entries.length
    const run = await journal([
      'import',
      join(FIXTURES, 'malformed-date.ics'),
      '--from',
      '2015-03-01',
      '--to',
      '2015-06-30',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `${join(FIXTURES, 'malformed-date.ics')}: line 12: DTSTART "2015-03-17 10:00" is not a date`,
    )
    expect(run.stderr).toContain('Nothing was imported')
    expect((await api('/api/export')).entries.length).toBe(before)
  })

  it('says which file it cannot read, with exit code 2', async () => {
    const run = await journal(['import', join(dir, 'nope.ics')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Cannot read .*nope\.ics: there is no such file/)
  })
})

describe('journal export, digest, report draft, post push', () => {
  it('exports the whole journal to a file', async () => {
    const out = join(dir, 'export.json')
    const run = await journal(['export', '--out', out])
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'open-agenda-journal/export' })
  })

  it.each([
    ['a new file', undefined],
    ['a file that was readable by everyone', 0o644],
  ])('writes the export, private items and all, readable by its owner only: %s', async (_, before) => {
    const out = join(dir, `private-export-${before ?? 'new'}.json`)
    if (before !== undefined) writeFileSync(out, 'old', { mode: before })
    expect((await journal(['export', '--out', out])).code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })

  it('makes and publishes the digest of a week', async () => {
    await journal([
      'add',
      '--title',
      'Werkbezoek aan de belastingdienst',
      '--start',
      '2015-03-18T10:00',
      '--kind',
      'visit',
      '--with',
      'Belastingdienst:uitvoeringsorganisatie',
    ])
    const run = await journal(['digest', '2015-W12', '--intro', 'Een week vol bezoeken.', '--publish'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^2015-W12: (created|updated) \(published\), \d+ items/)
    expect(await api('/api/digests/2015-W12')).toMatchObject({ intro: 'Een week vol bezoeken.', status: 'published' })
    const empty = await journal(['digest', '2015-W30'])
    expect(empty.stdout).toContain('2015-W30 has no public entries')
  }, 60_000)

  it('drafts an annual report into a file that post push publishes, and pushes an edit as an update', async () => {
    const file = join(dir, 'jaarverslag.md')
    const drafted = await journal(['report', 'draft', '--from', '2014-07-01', '--to', '2015-06-30', '--out', file])
    expect(drafted.code).toBe(0)
    const frontMatter = [
      '---',
      'slug: persoonlijk-jaarverslag-2014-2015',
      'title: "Persoonlijk jaarverslag 2014/2015"',
      'kind: annual-report',
      'periodFrom: 2014-07-01',
      'periodTo: 2015-06-30',
      'status: draft',
      '---',
      '',
    ].join('\n')
    expect(readFileSync(file, 'utf8').slice(0, frontMatter.length)).toBe(frontMatter)
    const pushed = await journal(['post', 'push', file, '--publish'])
    expect(pushed.stdout).toBe(
      'Created post persoonlijk-jaarverslag-2014-2015 (published, version 1): Persoonlijk jaarverslag 2014/2015\n',
    )
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('status: draft', 'status: published')
        .replace('<!-- Schrijf hier je eigen terugblik -->', 'Het was een leerzaam jaar.'),
    )
    const again = await journal(['post', 'push', file])
    expect(again.stdout).toContain('Updated post persoonlijk-jaarverslag-2014-2015 (published, version 2)')
    expect((await api('/api/posts/persoonlijk-jaarverslag-2014-2015')).body).toContain('Het was een leerzaam jaar.')
  }, 60_000)

  it('names a bad front matter field', async () => {
    const file = join(dir, 'notitie.md')
    writeFileSync(file, '---\ntitle: Notitie\nkind: note\nauthor: Anna\n---\nTekst.')
    const run = await journal(['post', 'push', file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('author: is not a known field')
  })
})

describe('journal token', () => {
  it('creates a token shown once, lists it, and revokes it', async () => {
    const created = await journal(['token', 'create', '--label', 'laptop', '--json'])
    const made = JSON.parse(created.stdout)
    expect(made.secret).toMatch(/^oaj_/)
    const listed = await journal(['token', 'list'])
    expect(listed.stdout).toMatch(new RegExp(`${made.id}  \\d{4}-\\d{2}-\\d{2}  active   laptop`))
    expect(listed.stdout).not.toContain(made.secret)
    expect((await journal(['token', 'list'], { JOURNAL_TOKEN: made.secret })).code).toBe(0)
    const revoked = await journal(['token', 'revoke', made.id])
    expect(revoked.stdout).toBe(`Revoked token ${made.id} (laptop).\n`)
    expect((await journal(['token', 'list'], { JOURNAL_TOKEN: made.secret })).code).toBe(1)
  }, 60_000)
})

describe('journal people', () => {
  it('adds a servant with a first token shown once, lists them, and deactivates them', async () => {
    const asAdministrator = { JOURNAL_ADMINISTRATOR_TOKEN: administrator }
    const add = ['people', 'add', 'b-bakker', '--name', 'Bas Bakker', '--role', 'Programmamanager']
    const added = await journal(add, asAdministrator)
    expect(added.code).toBe(0)
    expect(added.stdout).toMatch(/^oaj_\S+\n$/)
    expect(added.stderr).toContain('Added Bas Bakker (b-bakker). Give them the token above now')
    expect((await journal(['people', 'list'], asAdministrator)).stdout).toBe(
      'b-bakker  active  Bas Bakker, Programmamanager\n',
    )
    const left = await journal(['people', 'deactivate', 'b-bakker', '--left-on', '2026-02-27'], asAdministrator)
    expect(left.stdout).toContain('Bas Bakker left on 2026-02-27; their tokens no longer work')
    expect((await journal(['people', 'list', '--json'], asAdministrator)).stdout).toContain('"leftOn": "2026-02-27"')
  }, 60_000)

  it("refuses the owner's token and says which token to use", async () => {
    const run = await journal(['people', 'add', 'c-claes', '--name', 'C', '--role', 'R'], {
      JOURNAL_ADMINISTRATOR_TOKEN: token,
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/for the organisation's administrator[\s\S]*Set JOURNAL_ADMINISTRATOR_TOKEN/)
  })
})

describe('where the journal command sends the owner token', () => {
  it('talks to the API on JOURNAL_API_PORT, as `npm start` runs it, when JOURNAL_API_URL is not set', async () => {
    const port = new URL(server.url).port
    const run = await journal(['list', '--json'], { JOURNAL_API_URL: '', JOURNAL_API_PORT: port })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('refuses a JOURNAL_API_PORT that is not a port instead of guessing one', async () => {
    const run = await journal(['list'], { JOURNAL_API_URL: '', JOURNAL_API_PORT: 'eighty' })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/JOURNAL_API_PORT=eighty is not a port number: use a whole number from 1 to 65535/)
  })
})

describe('journal errors say what to do', () => {
  it.each([
    ['an unknown command', ['frobnicate'], {}, 2, /There is no command "frobnicate". Run `journal --help`/],
    ['an unknown option', ['list', '--colour', 'red'], {}, 2, /Unknown option '--colour'[\s\S]*journal list --help/],
    ['a week that does not exist', ['list', '--week', '2015-12'], {}, 2, /not an ISO week: write it like 2015-W12/],
    [
      'a counterpart without type',
      ['add', '--title', 'Overleg met de provincie', '--with', 'Provincie Overijssel'],
      {},
      2,
      /must be "NAME:TYPE"/,
    ],
    ['a wrong token', ['list'], { JOURNAL_TOKEN: 'oaj_wrong' }, 1, /Check JOURNAL_TOKEN/],
    [
      'an API that is not running',
      ['list'],
      { JOURNAL_API_URL: 'http://127.0.0.1:9' },
      1,
      /Cannot reach the journal API at http:\/\/127\.0\.0\.1:9\. Start it with `npm start`/,
    ],
    [
      'an entry the API refuses',
      ['add', '--title', 'Lezing', '--start', '2015-03-16T10:00', '--end', '09:00'],
      {},
      1,
      /end: must be after start/,
    ],
  ])('%s', async (_, args, env, code, message) => {
    const run = await journal(args, env)
    expect(run.code).toBe(code)
    expect(run.stderr).toMatch(message)
  })
})
