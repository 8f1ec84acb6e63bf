import { describe, expect, it } from 'vitest'
import { changeVersioned, type VersionedItems } from '../../functions/journal/index.js'
import { VersionConflictError, type Db } from '../../functions/store/index.js'

type Note = { key: string; text: string; version: number }

/**
 * Versioned items held in a Map, saved as the store saves them: only if still at the version
 * read. `otherWriter` changes the item between the check and the write, as a concurrent request can.
 */
function notes(stored: Note[], otherWriter?: (note: Note) => Note) {
  const byKey = new Map(stored.map((note) => [note.key, note]))
  const saved: { after: Note; meta: object }[] = []
  const items: VersionedItems<Note> = {
    load: async (_db, _person, key) => byKey.get(key),
    save: async (_db, before, after, meta) => {
      if (otherWriter) byKey.set(before.key, otherWriter(before))
      if (byKey.get(before.key)?.version !== before.version) throw new VersionConflictError()
      byKey.set(after.key, after)
      saved.push({ after, meta })
    },
  }
  return { items, saved, byKey }
}

const db = {} as Db
const change = (readVersion: number, key = 'a') => ({ person: 'p', key, readVersion, by: 'tok-1', reason: 'typo' })
const retitle = (before: Note) => ({ next: { ...before, text: 'new', version: before.version + 1 } })

describe('changing a versioned item', () => {
  it('saves the revised item with who and why when it is still at the version the writer read', async () => {
    const { items, saved, byKey } = notes([{ key: 'a', text: 'old', version: 3 }])
    expect(await changeVersioned(db, items, change(3), retitle)).toEqual({
      kind: 'saved',
      after: { key: 'a', text: 'new', version: 4 },
    })
    expect(byKey.get('a')?.text).toBe('new')
    expect(saved[0]?.meta).toEqual({ by: 'tok-1', reason: 'typo', action: undefined })
  })

  it('answers missing for an item that is not there, without deciding anything', async () => {
    const { items } = notes([])
    const outcome = await changeVersioned(db, items, change(1, 'nope'), () => {
      throw new Error('decided')
    })
    expect(outcome).toEqual({ kind: 'missing' })
  })

  it('judges the input before the version: a declined change is declined even on a stale read', async () => {
    const { items, saved } = notes([{ key: 'a', text: 'old', version: 3 }])
    expect(await changeVersioned(db, items, change(2), () => ({ declined: 'form with errors' }))).toEqual({
      kind: 'declined',
      answer: 'form with errors',
    })
    expect(saved).toEqual([])
  })

  it('refuses a change made to an older version than the stored one, and shows what is stored now', async () => {
    const { items, saved } = notes([{ key: 'a', text: 'old', version: 3 }])
    expect(await changeVersioned(db, items, change(2), retitle)).toEqual({
      kind: 'stale',
      current: { key: 'a', text: 'old', version: 3 },
      raced: false,
    })
    expect(saved).toEqual([])
  })

  it('reports a write that lost a race to another writer as stale, with the winner read again', async () => {
    const winner = (note: Note) => ({ ...note, text: 'theirs', version: note.version + 1 })
    const { items, byKey } = notes([{ key: 'a', text: 'old', version: 3 }], winner)
    expect(await changeVersioned(db, items, change(3), retitle)).toEqual({
      kind: 'stale',
      current: { key: 'a', text: 'theirs', version: 4 },
      raced: true,
    })
    expect(byKey.get('a')?.text).toBe('theirs')
  })
})
