import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { FIRST_TOKEN_LABEL, tokenDigest } from '../../functions/core/model/index.js'
import { getTokenByDigest, listTokens } from '../../functions/store/index.js'
import { createToken } from '../../infra/create-owner-token.js'
import { entryInput, PERSON, testApi, testDb } from '../support/test-db.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const jansen = { person: 'jansen', name: 'J. Jansen', role: 'CIO-adviseur' }

/** The API on a fresh table with the servant `jansen` added by the administrator, as README.md says. */
async function journalWithJansen() {
  const api = await testApi()
  const { secret } = await createToken(api.db, null, 'laptop of the administrator')
  const added = await api.send('POST', '/api/people', jansen, { Authorization: `Bearer ${secret}` })
  expect(added.status).toBe(201)
  return api
}

/** An AWS config file whose default profile has `region`, or none. */
function awsConfig(region?: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'oaj-aws-')), 'config')
  writeFileSync(file, region ? `[default]\nregion = ${region}\n` : '[default]\n')
  return file
}

/** `npm run create-owner-token -- …` as an operator types it, from `cwd`, against the run's DynamoDB Local. */
function createOwnerToken(cwd: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'create-owner-token', '--', ...args],
      {
        cwd,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    )
  })
}

describe('creating a token in a deployed journal', () => {
  it('stores only the digest of the secret, under the person, where the API looks it up', async () => {
    const { db } = await journalWithJansen()
    const { secret, token } = await createToken(db, 'jansen', 'Phone of J. Jansen', new Date('2015-03-16T09:00:00Z'))
    expect(secret).toMatch(/^oaj_[\w-]{43}$/)
    expect(token).toMatchObject({
      person: 'jansen',
      role: 'servant',
      label: 'Phone of J. Jansen',
      digest: tokenDigest(secret),
      createdAt: '2015-03-16T09:00:00.000Z',
    })
    expect(JSON.stringify(await getTokenByDigest(db, tokenDigest(secret)))).not.toContain(secret)
    const labels = (await listTokens(db, 'jansen')).map((t) => t.label)
    expect(labels.sort()).toEqual(['Phone of J. Jansen', FIRST_TOKEN_LABEL])
  })

  it('makes a token the API accepts for a person with a profile but no servant record', async () => {
    const { db, app, send } = await testApi()
    expect(
      (await send('PUT', '/api/profile', { name: 'Test Person', role: 'Adviser', organisation: 'BZK' })).status,
    ).toBe(201)
    const { secret } = await createToken(db, PERSON, 'laptop')
    const answer = await app.request('/api/entries', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(entryInput()),
    })
    expect(answer.status).toBe(201)
  })

  it('refuses a person the journal does not know, naming how to add them, and writes nothing', async () => {
    const db = await testDb()
    await expect(createToken(db, 'jansne', 'laptop')).rejects.toThrow(/no servant "jansne".*people add jansne/)
    expect(await listTokens(db, 'jansne')).toEqual([])
  })

  it('refuses a servant who left, saying how to make them active again', async () => {
    const api = await journalWithJansen()
    const admin = { Authorization: `Bearer ${(await createToken(api.db, null, 'admin')).secret}` }
    const left = await api.send(
      'PATCH',
      '/api/people/jansen',
      { status: 'left', leftOn: '2026-02-27' },
      {
        ...admin,
        'If-Match': '"1"',
      },
    )
    expect(left.status).toBe(200)
    await expect(createToken(api.db, 'jansen', 'laptop')).rejects.toThrow(/left on 2026-02-27.*"status":"active"/)
  })

  it('refuses a token without a label', async () => {
    await expect(createToken({} as never, 'jansen', '  ')).rejects.toThrow(/label of 1 to 100 characters/)
  })
})

describe('npm run create-owner-token, as README.md has the operator run it', () => {
  it("works from infra/ (where the deploy left them) in the profile's region", async () => {
    const { db } = await journalWithJansen()
    const env = { JOURNAL_TABLE: db.table, JOURNAL_PERSON: 'jansen', AWS_CONFIG_FILE: awsConfig('eu-central-1') }
    const run = await createOwnerToken(join(ROOT, 'infra'), ['Phone', 'of', 'J.', 'Jansen'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`for jansen in ${db.table} (eu-central-1)`)
    const secret = run.stdout.match(/^oaj_\S+$/m)?.[0] ?? ''
    expect(await getTokenByDigest(db, tokenDigest(secret))).toMatchObject({
      person: 'jansen',
      label: 'Phone of J. Jansen',
    })
  })

  it('from the root, with no region configured, says it uses eu-west-1 and refuses an unknown person', async () => {
    const db = await testDb()
    const env = { JOURNAL_TABLE: db.table, JOURNAL_PERSON: 'jansen', AWS_CONFIG_FILE: awsConfig() }
    const run = await createOwnerToken(ROOT, ['laptop'], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('No AWS region is configured')
    expect(run.stderr).toContain('using eu-west-1')
    expect(run.stderr).toContain('No token was created: There is no servant "jansen"')
    expect(run.stdout).not.toMatch(/oaj_/)
    expect(await listTokens(db, 'jansen')).toEqual([])
  })

  it('makes an administrator token with --administrator, which adds the first servant', async () => {
    const { db, send } = await testApi()
    const env = { JOURNAL_TABLE: db.table, AWS_REGION: 'eu-west-1', AWS_CONFIG_FILE: awsConfig() }
    const run = await createOwnerToken(ROOT, ['--administrator', 'laptop'], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("for the organisation's administrator")
    const admin = { Authorization: `Bearer ${run.stdout.match(/^oaj_\S+$/m)?.[0]}` }
    expect((await send('POST', '/api/people', jansen, admin)).status).toBe(201)
  })
})
