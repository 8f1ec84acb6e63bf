import { WORDS } from '../../functions/core/words/catalogue.js'

/** The site's catalogue, loaded by path: `tsc` does not resolve the site's `@core` alias. */
const SITE_CATALOGUE = '../../site/src/lib/i18n.js'

/**
 * What the English-pages test looks for: the words of the Dutch interface catalogues (site and
 * core) that are not also words of the English ones, nor English words in their own right.
 */

/** Strings in a catalogue value: the value itself, or the string literals in a function's source. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'function')
    return [...value.toString().matchAll(/(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((m) => m[2]!)
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts)
  return []
}

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []

/** Dutch words that are English words too ("over", "van"), and the name of the other language. */
const ALSO_ENGLISH = new Set(['ben', 'data', 'die', 'english', 'medium', 'over', 'start', 'tot', 'van', 'via'])

export async function dutchInterfaceWords(): Promise<Set<string>> {
  const { STRINGS } = (await import(SITE_CATALOGUE)) as { STRINGS: Record<'nl' | 'en', unknown> }
  const english = new Set([...texts(STRINGS.en), ...texts(WORDS.en)].flatMap(wordsOf))
  return new Set(
    [...texts(STRINGS.nl), ...texts(WORDS.nl)]
      .flatMap(wordsOf)
      .filter((w) => w.length >= 3 && !english.has(w) && !ALSO_ENGLISH.has(w)),
  )
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g

const decode = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')

/** Attributes a reader meets: labels screen readers speak, tooltips, alternative texts. */
const READ_ATTRIBUTES = /\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g

/**
 * The text of an HTML page's body a reader of it meets, with every element marked `lang="…"`
 * other than `lang` left out (content kept in its own language, correctly marked), and scripts
 * and styles. The head is left out: its title and description quote content (a post's title and
 * first lines), which no attribute can mark as Dutch there.
 */
export function textInLanguage(html: string, lang: string): string {
  const out: string[] = []
  const stack: { name: string; skip: boolean }[] = []
  let last = 0
  const skipping = () => stack.some((s) => s.skip)
  for (const m of html.matchAll(TAG)) {
    if (!skipping()) out.push(decode(html.slice(last, m.index)))
    last = m.index + m[0].length
    const [, closing, rawName, attributes = ''] = m
    if (!rawName) continue
    const name = rawName.toLowerCase()
    if (closing) {
      const at = stack.map((s) => s.name).lastIndexOf(name)
      if (at >= 0) stack.length = at
      continue
    }
    const own = /\slang="([^"]*)"/.exec(attributes)?.[1]
    const skip = ['head', 'script', 'style'].includes(name) || (own !== undefined && own.split('-')[0] !== lang)
    if (!skip && !skipping()) for (const a of attributes.matchAll(READ_ATTRIBUTES)) out.push(decode(a[1]!))
    if (!VOID.has(name) && !attributes.endsWith('/')) stack.push({ name, skip })
  }
  out.push(decode(html.slice(last)))
  return out.join(' ')
}

/** The Dutch words of `words` in `text`, each once, in order of appearance. */
export function dutchWordsIn(text: string, words: ReadonlySet<string>): string[] {
  return [...new Set(wordsOf(text).filter((w) => words.has(w)))]
}
