import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSnapshot } from '../../functions/core/publishing/index.js'
import { exportForPublish } from '../../infra/publish/export-snapshot.js'
import { PERSON, testApi, testDb } from '../support/test-db.js'

describe("the publish build's export step", () => {
  it('writes the public snapshot of the configured person from the configured table', async () => {
    const db = await testDb()
    const dir = mkdtempSync(join(tmpdir(), 'journal-export-'))
    try {
      const file = join(dir, 'snapshot.json')
      const message = await exportForPublish(file, { JOURNAL_TABLE: db.table, JOURNAL_PERSON: 'jansen' }, db)
      expect(message).toMatch(/^Exported the public snapshot of "jansen" from test-.*: 0 entries, 0 posts, 0 digests/)
      expect(parseSnapshot(readFileSync(file, 'utf8')).entries).toEqual([])
      expect(readFileSync(join(dir, 'next-change-at'), 'utf8')).toBe('')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each([[{ JOURNAL_PERSON: 'jansen' }], [{ JOURNAL_TABLE: 'journal' }]])(
    'refuses to guess which journal to export (%j)',
    async (env) => {
      await expect(exportForPublish('unused.json', env, {} as never)).rejects.toThrow(
        /JOURNAL_TABLE and JOURNAL_PERSON must be set/,
      )
    },
  )

  it('leaves an embargoed entry out and records when the embargo ends, for the scheduled check', async () => {
    const { db, send } = await testApi()
    const embargoed = {
      start: '2015-03-16T10:00',
      title: 'Werkbezoek',
      kind: 'visit',
      visibility: 'public',
      publishAfter: '2099-06-01T08:00:00Z',
    }
    expect((await send('POST', '/api/entries', embargoed)).status).toBe(201)
    const dir = mkdtempSync(join(tmpdir(), 'journal-export-'))
    try {
      const file = join(dir, 'snapshot.json')
      await exportForPublish(file, { JOURNAL_TABLE: db.table, JOURNAL_PERSON: PERSON }, db)
      expect(JSON.stringify(parseSnapshot(readFileSync(file, 'utf8')))).not.toContain('Werkbezoek')
      expect(Date.parse(readFileSync(join(dir, 'next-change-at'), 'utf8'))).toBe(Date.parse('2099-06-01T08:00:00Z'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
