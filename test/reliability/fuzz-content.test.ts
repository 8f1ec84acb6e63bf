import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { IcsError, readCalendar } from '../../functions/core/calendar/index.js'
import { renderMarkdown } from '../../functions/core/words/index.js'

/**
 * What must never survive as a real tag in rendered HTML: script, frames, styles, handlers, script URLs.
 * (Escaped text is inert.)
 */
function activeTags(html: string): string[] {
  // Browsers decode character references inside attributes before they look at a URL's scheme.
  const decoded = (tag: string) =>
    tag
      .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&colon;/gi, ':')
      .replace(/[\t\n\r]/g, '')
  return (html.match(/<[a-zA-Z][^>]*>/g) ?? [])
    .map(decoded)
    .filter(
      (tag) =>
        /^<(script|iframe|object|embed|style|form|svg|math|base|meta|link)\b/i.test(tag) ||
        /\son[a-z]+\s*=/i.test(tag) ||
        /\s(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data):/i.test(tag),
    )
}

const hostilePieces = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[klik](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '<a href="javascript:alert(1)">a</a>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example">',
  '![i](javascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '<style>body{}</style>',
  '<form action="javascript:x">',
  '<div onclick="x">',
  '```html\n<script>x</script>\n```',
  '<a href=" javascript:alert(1)">',
  '&#106;avascript:alert(1)',
  '[a](vbscript:msgbox)',
  '<scr<script>ipt>alert(1)</script>',
  '<!-- <script> -->',
  '<details open ontoggle=alert(1)>',
  '**vet** _schuin_ [ok](https://example.org)',
)

describe('fuzzing the Markdown renderer', () => {
  it('never lets an active script, handler or script URL through, whatever the author writes', () => {
    // Everything is drawn through the property's arbitraries, so a failure's seed replays it exactly.
    const text = fc.record({
      pieces: fc.array(fc.oneof(hostilePieces, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 8 }),
      separator: fc.constantFrom('', ' ', '\n', '\n\n'),
    })
    fc.assert(
      fc.property(text, ({ pieces, separator }) => {
        const html = renderMarkdown(pieces.join(separator))
        expect(activeTags(html), html).toEqual([])
      }),
      { numRuns: 1_000 },
    )
  })
})

const FIXTURES = fileURLToPath(new URL('../fixtures/ics/', import.meta.url))
const options = {
  from: '2014-01-01',
  to: '2016-12-31',
  timezone: 'Europe/Amsterdam',
  now: new Date('2015-06-01T00:00:00Z'),
}

describe('fuzzing the calendar importer', () => {
  const fixtures = ['outlook-2016.ics', 'google-calendar.ics', 'apple-calendar.ics', 'outlook-custom-zone.ics'].map(
    (f) => readFileSync(`${FIXTURES}${f}`, 'utf8'),
  )

  it('either imports, all private, or refuses with a line and a reason — never crashes', async () => {
    const mutation = fc.record({
      fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
      line: fc.nat(),
      kind: fc.constantFrom('delete', 'duplicate', 'replace', 'truncate', 'insert'),
      text: fc.oneof(
        fc.string(),
        fc.constantFrom(
          'RRULE:FREQ=DAILY;COUNT=99999',
          'DTSTART:99999999T999999',
          'END:VEVENT',
          'BEGIN:VEVENT',
          'EXDATE:x',
          'RRULE:FREQ=SECONDLY',
          'DTSTART;TZID=Nowhere/Else:20150316T100000',
          ' folded',
        ),
      ),
    })
    await fc.assert(
      fc.asyncProperty(mutation, async ({ fixture, line, kind, text }) => {
        const lines = fixtures[fixture]!.split('\r\n')
        const at = line % lines.length
        if (kind === 'delete') lines.splice(at, 1)
        if (kind === 'duplicate') lines.splice(at, 0, lines[at]!)
        if (kind === 'replace') lines[at] = text
        if (kind === 'insert') lines.splice(at, 0, text)
        const source = kind === 'truncate' ? lines.join('\r\n').slice(0, at * 7) : lines.join('\r\n')
        try {
          const result = await readCalendar(source, options)
          for (const event of result.events) expect(event.content.visibility).toBe('private')
        } catch (error) {
          expect(error).toBeInstanceOf(IcsError)
          expect((error as IcsError).line).toBeGreaterThan(0)
          expect((error as IcsError).reason.length).toBeGreaterThan(5)
        }
      }),
      { numRuns: 1_500 },
    )
  })
})
