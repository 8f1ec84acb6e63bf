import type { EntryStatus } from './vocabulary.js'

/**
 * The status of an appointment whose author did not choose one: planned until it starts, held
 * from then on. The admin, the CLI, the API and the calendar import all leave it to this rule;
 * a status the author did choose (cancelled, moved, or held or planned by hand) is kept as is.
 *
 * @example defaultStatus(new Date('2015-03-16T09:00:00Z'), new Date('2015-03-01T12:00:00Z')) // 'planned'
 */
export function defaultStatus(start: Date, now: Date): Extract<EntryStatus, 'planned' | 'held'> {
  return start.getTime() > now.getTime() ? 'planned' : 'held'
}
