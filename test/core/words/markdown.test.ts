import { describe, expect, it } from 'vitest'
import { markdownToText, renderMarkdown } from '../../../functions/core/words/index.js'

describe('renderMarkdown', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an event handler', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[klik](javascript:alert(1))'],
    ['a javascript: link in capitals', '[klik](JAVASCRIPT:alert(1))'],
    ['an encoded javascript: link', '[klik](&#x6A;avascript:alert(1))'],
    ['a data: link', '[klik](data:text/html,<script>alert(1)</script>)'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['a javascript: image', '![x](javascript:alert(1))'],
  ])('leaves nothing active of %s', (_name, source) => {
    const html = renderMarkdown(source)
    // Inside a tag (text may show the attack, escaped, as words).
    expect(html).not.toMatch(
      /<(script|iframe)|<[a-z][^>]*(\son\w+\s*=|\sstyle\s*=|\s(href|src)\s*=\s*"?\s*(javascript|data|vbscript):)/i,
    )
  })

  it('renders ordinary Markdown, with headings one level down (the page title is the h1)', () => {
    expect(renderMarkdown('# Kop\n\nEen **vette** [link](https://example.nl) en `code`.')).toBe(
      '<h2>Kop</h2>\n<p>Een <strong>vette</strong> <a href="https://example.nl">link</a> en <code>code</code>.</p>\n',
    )
  })

  it.each([
    ['starts at #', '# A\n\n## B\n\n### C', ['h2', 'h3', 'h4']],
    ['starts at ## (under a title of its own)', '## A\n\n### B\n\n## C', ['h2', 'h3', 'h2']],
    ['starts at ###', '### A\n\n#### B', ['h2', 'h3']],
    ['goes deeper than h6 can', '# A\n\n###### B', ['h2', 'h6']],
  ])('places headings under the page’s h1 without skipping a level when the text %s', (_name, source, tags) => {
    expect([...renderMarkdown(source).matchAll(/<(h\d)>/g)].map((m) => m[1])).toEqual(tags)
  })
})

describe('markdownToText', () => {
  it('gives plain text cut at a word with an ellipsis', () => {
    expect(markdownToText('Een **lange** zin over [zelfsturing](https://x.nl) en meer woorden', 30)).toBe(
      'Een lange zin over…',
    )
    expect(markdownToText('R&amp;D &lt;kort&gt;', 100)).toBe('R&D <kort>')
  })
})
