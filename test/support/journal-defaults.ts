import type { EntryDefaults } from '../../functions/core/model/index.js'

/**
 * What a journal in Amsterdam (the default profile) supplies to entries written in tests: its zone,
 * and a moment of writing before the fixtures' appointments (an entry without a status is planned).
 */
export const AMSTERDAM_JOURNAL: EntryDefaults = { timeZone: 'Europe/Amsterdam', now: new Date('2014-01-01T00:00:00Z') }
