import { escapeHtml } from '@core/words/index.js'

/**
 * ` name="value"` with the value escaped, or nothing when there is no value: as Astro writes an
 * attribute, for the parts of a page written as strings (see `entry-line.ts`, `site-chrome.ts`).
 */
export const attribute = (name: string, value: string | undefined): string =>
  value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`
