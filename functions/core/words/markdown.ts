import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

/**
 * Markdown written by the servant (entry summaries, posts, the profile bio) as HTML that is safe
 * to publish whatever it contains. Two locks, either of which suffices on its own:
 * markdown-it runs with raw HTML off (tags come out as text) and refuses `javascript:`-style
 * links; then an allow-list sanitiser keeps only the tags and attributes Markdown produces and
 * only http(s) and mailto URLs. No `<script>`, no `on…=` handler, no `style` survives.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

/**
 * A post's title is the page's h1: the highest heading of a body becomes h2 and the others keep
 * their depth below it, so a text written with "## Section" under its title (as the report draft
 * and most writers do) does not skip a level (h1 → h3), which screen-reader users navigate by.
 */
markdown.core.ruler.push('demote_headings', (state) => {
  const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close')
  const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))))
  for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - top + 2)}`
})

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'em',
    'strong',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
}

/** Markdown → sanitised HTML. `renderMarkdown('Hi <script>x</script>')` shows the tag as text. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SAFE)
}

/**
 * Markdown → plain text for descriptions (meta tags, feed summaries, search snippets), cut at a
 * word boundary to at most `maxLength` characters with an ellipsis.
 */
export function markdownToText(source: string, maxLength = 200): string {
  const text = sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > maxLength / 2 ? cut.lastIndexOf(' ') : cut.length)}…`
}
