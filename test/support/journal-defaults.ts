import type { EntryDefaults } from '../../functions/core/entry.js'

/** What a journal in Amsterdam (the default profile) supplies to entries written in tests. */
export const AMSTERDAM_JOURNAL: EntryDefaults = { timeZone: 'Europe/Amsterdam' }
