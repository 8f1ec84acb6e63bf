import { ValidationError } from './validation.js'

/**
 * Splits a Markdown file into its front matter (simple `key: value` lines between `---` fences,
 * as blog tools write them) and its body. Values stay strings; quotes around them are removed.
 *
 * @example parseFrontMatter('---\ntitle: Jaarverslag\n---\nTekst') → { data: { title: 'Jaarverslag' }, body: 'Tekst' }
 */
export function parseFrontMatter(source: string): { data: Record<string, string>; body: string } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')
  if (!text.startsWith('---\n')) return { data: {}, body: text }
  const end = text.indexOf('\n---', 4)
  if (end === -1)
    throw new ValidationError([
      { field: 'front matter', reason: 'opens with --- but never closes: add a line with --- after the last key' },
    ])
  const data: Record<string, string> = {}
  text
    .slice(4, end)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '' || line.trimStart().startsWith('#')) return
      const match = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line)
      if (!match)
        throw new ValidationError([
          { field: `front matter line ${index + 2}`, reason: `"${line}" is not "key: value"` },
        ])
      data[match[1]!] = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2')
    })
  return { data, body: text.slice(end + 4).replace(/^\n/, '') }
}

/**
 * Post content from a Markdown file with front matter (slug, title, kind, periodFrom/periodTo,
 * status, publishedAt).
 */
export function postFromMarkdown(source: string): Record<string, unknown> {
  const { data, body } = parseFrontMatter(source)
  const { periodFrom, periodTo, ...rest } = data
  return {
    ...rest,
    ...(periodFrom || periodTo ? { period: { from: periodFrom, to: periodTo } } : {}),
    body,
  }
}
