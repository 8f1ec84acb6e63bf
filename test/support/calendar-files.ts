import { MAX_UPLOAD_BYTES } from '../../functions/api/api-app.js'
import { MAX_IMPORTED_EVENTS } from '../../functions/core/calendar/index.js'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * As big as an upload may be: 4,900 appointments in the period (just under MAX_IMPORTED_EVENTS),
 * each at its own time in a named zone, and the rest of MAX_UPLOAD_BYTES filled with past appointments.
 */
export function largestAllowedFile(): string {
  const inPeriod = Array.from({ length: MAX_IMPORTED_EVENTS - 100 }, (_, i) => [
    `UID:in-${i}`,
    `DTSTART;TZID=Europe/Amsterdam:2026${pad(1 + (i % 12))}${pad(1 + (i % 28))}T${pad(8 + (i % 10))}${pad(i % 60)}00`,
    `SUMMARY:Overleg ${i}`,
  ])
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    ...inPeriod.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n')
  const past = (i: number) => `BEGIN:VEVENT\r\nUID:past-${i}\r\nDTSTART:20100101T100000Z\r\nEND:VEVENT\r\n`
  const padding: string[] = []
  let size = head.length
  for (let i = 0; size + 100 < MAX_UPLOAD_BYTES; i++) size += (padding[padding.length] = past(i)).length
  return head.replace('END:VCALENDAR', `${padding.join('')}END:VCALENDAR`)
}

/** `source` with past appointments added until it is at least `bytes` long (outside any import range of now). */
export function paddedTo(source: string, bytes: number): string {
  const past = (i: number) => `BEGIN:VEVENT\r\nUID:padding-${i}\r\nDTSTART:20100101T100000Z\r\nEND:VEVENT\r\n`
  const padding: string[] = []
  let size = source.length
  for (let i = 0; size < bytes; i++) size += (padding[padding.length] = past(i)).length
  return source.replace('END:VCALENDAR', `${padding.join('')}END:VCALENDAR`)
}
