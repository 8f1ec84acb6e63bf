import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../support/local-server.js'
import { administratorToken, ownerToken, testDb } from '../support/test-db.js'

/** `journal organisation` as a person runs it, against the API on an empty deployment. */
const BIN = fileURLToPath(new URL('../../bin/journal.js', import.meta.url))

let server: Awaited<ReturnType<typeof startServer>>
let administrator: string
let owner: string
let dir: string

beforeAll(async () => {
  const db = await testDb()
  administrator = await administratorToken(db)
  owner = (await ownerToken(db)).secret
  server = await startServer(db)
  dir = mkdtempSync(join(tmpdir(), 'oaj-cli-'))
})

afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

function journal(args: string[], token = administrator): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, JOURNAL_API_URL: server.url, JOURNAL_ADMINISTRATOR_TOKEN: token }
    execFile(process.execPath, [BIN, ...args], { env: { ...env, JOURNAL_DATA_DIR: dir }, timeout: 60_000 }, (e, o, r) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout: o, stderr: r }),
    )
  })
}

describe('journal organisation', () => {
  it("refuses a servant's token and says which token to use", async () => {
    const run = await journal(['organisation', 'init', '--name', 'Gemeente Voorbeeld'], owner)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Set JOURNAL_ADMINISTRATOR_TOKEN')
  })

  it('describes the organisation of an empty deployment once, and shows it', async () => {
    const init = [
      'organisation',
      'init',
      '--name',
      'Ministerie van Voorbeeldzaken',
      '--site',
      'https://agenda.example.nl',
      '--contact',
      'agenda@example.nl',
    ]
    const made = await journal(init)
    expect(made).toMatchObject({ code: 0, stderr: '' })
    expect(made.stdout).toBe(
      'This deployment now serves Ministerie van Voorbeeldzaken. Add its servants with `journal people add`.\n',
    )
    expect((await journal(['organisation', 'show'])).stdout).toBe(
      'Ministerie van Voorbeeldzaken\nhttps://agenda.example.nl\nagenda@example.nl\n',
    )

    const again = await journal(['organisation', 'init', '--name', 'Een andere naam'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('describes its organisation already (Ministerie van Voorbeeldzaken)')
    expect(JSON.parse((await journal(['organisation', 'show', '--json'])).stdout)).toEqual({
      name: 'Ministerie van Voorbeeldzaken',
      siteUrl: 'https://agenda.example.nl',
      contact: 'agenda@example.nl',
    })
  }, 60_000)

  it('says how to use it without a name', async () => {
    const run = await journal(['organisation', 'init'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('journal organisation init --name')
  })
})
