const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Text made safe to place in HTML or XML, as element content or in an attribute quoted either
 * way: the five characters that can end a text or start markup become entities. The one escaping
 * function of the journal: feeds, the site's search filters and anything else that writes markup
 * by hand use it, so a name reads the same everywhere and cannot become markup anywhere.
 *
 * @example escapeHtml(`"O'Neill" <b>`) // '&quot;O&#39;Neill&quot; &lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}
