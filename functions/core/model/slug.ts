import { rememberedAnswers } from '../time/remembered.js'

/**
 * URL slugs for names people typed (themes, organisations): lowercase ASCII, accents dropped,
 * everything else a single dash. `slugify('Gemeente ’s-Hertogenbosch')` is `gemeente-s-hertogenbosch`.
 */
export function slugify(name: string): string {
  // Asked for every counterpart and theme of every entry, in the index and on every page; few names recur.
  return slugOfName(name, () => {
    const slug = name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '')
    return slug || 'x'
  })
}

const slugOfName = rememberedAnswers<string>(20_000)

/** A total, locale-independent order for strings: the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** One key per name however it was typed: "Gemeente Enschede", "gemeente  enschede"; themes alike. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim()
}
