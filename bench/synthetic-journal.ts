import { addDays } from '../functions/core/time/index.js'
import {
  normalizeEntryInput,
  type Entry,
  newEntry,
  DEFAULT_SETTINGS,
  ENTRY_KINDS,
  ORGANISATION_TYPES,
} from '../functions/core/model/index.js'

const THEMES = [
  'overheidsinnovatie',
  'ambtelijk vakmanschap',
  'open data',
  'digitale overheid',
  'zelfsturing',
  'informatiebeveiliging',
]

/** A deterministic journal of `count` entries, `perDay` (at most four) per working day from 2010-01-04 on. */
export function syntheticEntries(count: number, person = 'bench', perDay = 4): Entry[] {
  const entries: Entry[] = []
  for (let i = 0; i < count; i++) {
    const day = addDays('2010-01-04', Math.floor(i / perDay) + 2 * Math.floor(i / (5 * perDay))) // weekdays only
    const hour = 9 + (i % perDay) * 2
    const visibility = i % 17 === 0 ? 'private' : i % 11 === 0 ? 'restricted' : 'public'
    const content = normalizeEntryInput(
      {
        start: `${day}T${String(hour).padStart(2, '0')}:00`,
        end: `${day}T${String(hour + 1).padStart(2, '0')}:30`,
        title: `Afspraak ${i}`,
        kind: ENTRY_KINDS[i % ENTRY_KINDS.length],
        visibility,
        status: 'held',
        counterparts: [{ name: `Organisatie ${i % 250}`, type: ORGANISATION_TYPES[i % ORGANISATION_TYPES.length] }],
        themes: [THEMES[i % THEMES.length]!],
      },
      { ...DEFAULT_SETTINGS, now: new Date(`${day}T20:00:00Z`) },
    )
    entries.push(newEntry(content, person, new Date(Date.parse(`${day}T20:00:00Z`)), `E${String(i).padStart(6, '0')}`))
  }
  return entries
}
