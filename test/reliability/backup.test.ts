import { AMSTERDAM_JOURNAL } from '../support/journal-defaults.js'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPublicSnapshot, journalItemsFrom, serializeSnapshot } from '../../functions/core/publishing/index.js'
import { backupToFile, restoreFromFile } from '../../functions/local/backup.js'
import { listChangedSince, readAllStoredItems, type Db } from '../../functions/store/index.js'
import { entryInput, PERSON, testApi, testDb } from '../support/test-db.js'

const now = new Date('2015-07-01T12:00:00Z')
const snapshotOf = async (db: Db) =>
  serializeSnapshot(buildPublicSnapshot(journalItemsFrom(await listChangedSince(db, PERSON)), { now }))

/** A journal with public, restricted and private entries, edits, a withdrawal, a post and a profile. */
async function journal() {
  const api = await testApi()
  await api.send('PUT', '/api/profile', {
    name: 'Wouter Lindeveld',
    role: 'Adviseur',
    organisation: 'Ministerie van BZK',
  })
  const ids: string[] = []
  for (const [i, visibility] of (['public', 'restricted', 'private', 'public'] as const).entries()) {
    ids.push(
      (
        await (
          await api.send(
            'POST',
            '/api/entries',
            entryInput({ title: `Afspraak ${i}`, visibility, notes: `PRIVATE-NOTE-${i}` }),
          )
        ).json()
      ).id,
    )
  }
  await api.send(
    'PATCH',
    `/api/entries/${ids[0]}`,
    { title: 'Afspraak 0, verplaatst', start: '2015-03-16T13:00', end: '2015-03-16T14:00' },
    { 'If-Match': '"1"' },
  )
  await api.send('DELETE', `/api/entries/${ids[3]}`, { reason: 'Dubbel' }, { 'If-Match': '"1"' })
  await api.send('POST', '/api/posts', {
    slug: 'notitie',
    title: 'Notitie',
    kind: 'note',
    body: 'Tekst',
    status: 'published',
    publishedAt: '2015-04-01T08:00:00Z',
  })
  return api
}

describe('backup and restore', () => {
  it('reproduces the journal exactly in an empty table', async () => {
    const source = await journal()
    const file = join(mkdtempSync(join(tmpdir(), 'oaj-backup-')), 'journal.backup.json')
    const count = await backupToFile(source.db, PERSON, file)
    expect(count).toBeGreaterThan(10)
    expect(readFileSync(file, 'utf8')).toContain('PRIVATE-NOTE-2')

    const target = await testDb()
    expect(await restoreFromFile(target, PERSON, file)).toBe(count)
    expect(await snapshotOf(target)).toBe(await snapshotOf(source.db))
    expect(await readAllStoredItems(target, PERSON)).toEqual(await readAllStoredItems(source.db, PERSON))
  })

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2), /truncated/],
    ['corrupt', (text: string) => text.replace('Afspraak 1', 'Afspraak X'), /checksum/],
    ['of another version', (text: string) => text.replace('"version":1', '"version":2'), /version 2/],
    ['not a backup', () => '{"hello":"world"}', /not an Open Agenda Journal backup/],
    [
      'short of items',
      (text: string) => {
        const b = JSON.parse(text)
        b.items.pop()
        return JSON.stringify(b)
      },
      /truncated/,
    ],
  ])('refuses a %s backup before writing anything', async (_name, damage, message) => {
    const source = await journal()
    const dir = mkdtempSync(join(tmpdir(), 'oaj-backup-'))
    const file = join(dir, 'journal.backup.json')
    await backupToFile(source.db, PERSON, file)
    writeFileSync(file, damage(readFileSync(file, 'utf8')))
    const target = await testDb()
    await expect(restoreFromFile(target, PERSON, file)).rejects.toThrow(message)
    expect(await readAllStoredItems(target, PERSON)).toEqual([])
  })

  it('refuses to restore over a journal that holds anything', async () => {
    const source = await journal()
    const file = join(mkdtempSync(join(tmpdir(), 'oaj-backup-')), 'b.json')
    await backupToFile(source.db, PERSON, file)
    const before = await readAllStoredItems(source.db, PERSON)
    await expect(restoreFromFile(source.db, PERSON, file)).rejects.toThrow(/not empty/)
    expect(await readAllStoredItems(source.db, PERSON)).toEqual(before)
  })
})

describe('backups of imported entries', () => {
  it('carry the calendar-UID lookup, so a re-import after a restore updates instead of duplicating', async () => {
    const { createEntry, getEntriesBySourceUid } = await import('../../functions/store/index.js')
    const { sourceLookupItem } = await import('../../functions/store/import-store.js')
    const { newEntry } = await import('../../functions/core/model/index.js')
    const { normalizeEntryInput } = await import('../../functions/core/model/index.js')
    const source = await testDb()
    const entry = newEntry(
      normalizeEntryInput(entryInput({ visibility: 'private', sourceUid: 'uid-1@outlook' }), AMSTERDAM_JOURNAL),
      PERSON,
      now,
    )
    await createEntry(source, entry, { by: 'import', alsoPut: sourceLookupItem(PERSON, 'uid-1@outlook', entry.id) })
    const file = join(mkdtempSync(join(tmpdir(), 'oaj-backup-')), 'b.json')
    await backupToFile(source, PERSON, file)
    const target = await testDb()
    await restoreFromFile(target, PERSON, file)
    expect((await getEntriesBySourceUid(target, PERSON, ['uid-1@outlook'])).get('uid-1@outlook')?.id).toBe(entry.id)
  })
})
