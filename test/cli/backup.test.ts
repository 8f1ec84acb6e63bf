import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { readAllStoredItems } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi, testDb } from '../support/test-db.js'

const BIN = fileURLToPath(new URL('../../bin/journal.js', import.meta.url))

function journal(args: string[], table: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          PATH: process.env.PATH,
          JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
          JOURNAL_TABLE: table,
          JOURNAL_PERSON: PERSON,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    )
  })
}

describe('journal backup and journal restore', () => {
  it('write a backup and restore it into an empty journal, item for item', async () => {
    const source = await testApi()
    await source.send('POST', '/api/entries', entryInput({ visibility: 'private', title: 'Tandarts' }))
    await source.send('POST', '/api/entries', entryInput())
    const file = join(mkdtempSync(join(tmpdir(), 'oaj-cli-backup-')), 'journal.backup.json')
    const written = await journal(['backup', '--out', file], source.db.table)
    expect(written.stderr).toBe('')
    expect(written.code).toBe(0)
    expect(written.stdout).toMatch(/^Wrote .*: \d+ items\.$/m)
    expect(statSync(file).mode & 0o777).toBe(0o600)

    const target = await testDb()
    const restored = await journal(['restore', file, '--json'], target.table)
    expect(restored.code).toBe(0)
    expect(JSON.parse(restored.stdout).items).toBeGreaterThan(4)
    expect(await readAllStoredItems(target, PERSON)).toEqual(await readAllStoredItems(source.db, PERSON))

    const again = await journal(['restore', file], target.table)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('is not empty')
  })

  it('refuses a damaged backup with exit code 1 and a message, writing nothing', async () => {
    const source = await testApi()
    await source.send('POST', '/api/entries', entryInput())
    const file = join(mkdtempSync(join(tmpdir(), 'oaj-cli-backup-')), 'b.json')
    await journal(['backup', '--out', file], source.db.table)
    writeFileSync(file, readFileSync(file, 'utf8').replace('Adviesgesprek', 'Adviesgesprak'))
    const target = await testDb()
    const run = await journal(['restore', file], target.table)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('checksum')
    expect(await readAllStoredItems(target, PERSON)).toEqual([])
    expect((await journal(['backup'], target.table)).code).toBe(2)
  })
})
