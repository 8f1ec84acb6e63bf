import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  entryStartInstant,
  normalizeEntryInput,
  postFromMarkdown,
  newEntry,
  newPost,
  normalizePostContent,
  postCreateSchema,
  journalSettings,
  profileFromInput,
  profileInputSchema,
  parseWith,
  type EntryContent,
  type Post,
  type ProfileInput,
} from '../core/model/index.js'
import { createEntry, createPost, getProfile, listEntries, putProfile, type Db } from '../store/index.js'
import { mapAtMost } from '../shared/index.js'

const DEMO_BY = 'demo-loader'

/** A demo journal read from its folder and validated: nothing of it is written yet. */
export interface DemoJournal {
  person: string
  profile: ProfileInput
  entries: EntryContent[]
  posts: Post[]
}

/** An appointment in the demo is logged the evening after it, as a diligent servant would. */
function loggedAt(start: Date): Date {
  return new Date(start.getTime() + 10 * 3_600_000)
}

/** True when the person's journal holds nothing yet (one Query of at most one item). */
export async function isJournalEmpty(db: Db, person: string): Promise<boolean> {
  const page = await listEntries(db, person, { limit: 1 })
  return page.items.length === 0 && !(await getProfile(db, person))
}

/**
 * Reads one servant's demo journal from `dir` (profile.json, entries.json, posts/*.md) through the
 * same core validation as the API. Throws on the first bad file, naming it.
 */
export function readDemoJournal(person: string, dir: string): DemoJournal {
  const profile = parseWith(profileInputSchema, JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')))
  const entryInputs = JSON.parse(readFileSync(join(dir, 'entries.json'), 'utf8')) as unknown[]
  const journal = journalSettings(profileFromInput(profile))
  const entries = entryInputs.map((raw, index) => {
    try {
      return normalizeEntryInput(raw, { ...journal, now: new Date() })
    } catch (error) {
      throw new Error(`${join(dir, 'entries.json')} item ${index}: ${(error as Error).message}`)
    }
  })
  const postFiles = readdirSync(join(dir, 'posts'))
    .filter((f) => f.endsWith('.md'))
    .sort()
  const posts = postFiles.map((file) => {
    const raw = postFromMarkdown(readFileSync(join(dir, 'posts', file), 'utf8'))
    const { slug } = parseWith(postCreateSchema, raw)
    const content = normalizePostContent(raw, new Date(), postCreateSchema)
    return newPost(slug, content, person, new Date(content.publishedAt ?? Date.now()))
  })
  return { person, profile, entries, posts }
}

/** Writes a demo journal read by `readDemoJournal` with the API's store writes. */
export async function writeDemoJournal(db: Db, journal: DemoJournal): Promise<{ entries: number; posts: number }> {
  const { person, profile } = journal
  const now = new Date()
  await putProfile(db, { person, ...profileFromInput(profile), updatedAt: now.toISOString(), version: 1 }, 0)
  const entries = journal.entries.map((content) => newEntry(content, person, loggedAt(entryStartInstant(content))))
  await mapAtMost(entries, 8, (entry) => createEntry(db, entry, { by: DEMO_BY }))
  await mapAtMost(journal.posts, 8, (post) => createPost(db, post, { by: DEMO_BY }))
  return { entries: entries.length, posts: journal.posts.length }
}

/**
 * Loads one demo journal from `dir` into `person`'s journal. Every file is validated before
 * anything is written.
 */
export async function loadDemoJournal(
  db: Db,
  person: string,
  dir: string,
): Promise<{ entries: number; posts: number }> {
  return writeDemoJournal(db, readDemoJournal(person, dir))
}
