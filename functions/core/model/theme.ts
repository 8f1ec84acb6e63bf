import * as z from 'zod/mini'
import { builtOnFirstUse } from './built-on-first-use.js'

/**
 * The organisation's colours and type on the public site: four values the site writes as NL Design
 * System tokens (`--utrecht-link-color`, …) into `/theme.css`. They are written into a stylesheet,
 * so each is held to a shape that cannot carry anything else: colours `#rrggbb` only, a font
 * stack of names, commas, spaces and dashes only (no quotes, semicolons, braces or slashes).
 */
export interface SiteTheme {
  /** The band behind the menu and the darkest shade of charts and the heat map. */
  primary: string
  /** Body text. */
  text: string
  /** Links. */
  link: string
  /** The font stack, e.g. `Fira Sans, Arial, sans-serif`; fonts are not downloaded, only named. */
  font: string
}

/**
 * What a journal looks like until its owner sets a theme: Rijkshuisstijl's ribbon blue (lintblauw
 * #154273), dark blue links (#01689b) and near-black text (#0f172a), as in the NL Design System
 * Rijkshuisstijl community tokens; the font is the reader's own system font.
 */
export const DEFAULT_THEME: SiteTheme = {
  primary: '#154273',
  text: '#0f172a',
  link: '#01689b',
  font: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif',
}

const HEX = /^#[0-9a-f]{6}$/i

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const colour = builtOnFirstUse(() =>
  z.string().check(z.regex(HEX, { error: 'must be a colour written #rrggbb, e.g. #154273' })),
)
/** Text and links sit on white: below 4.5:1 they fail WCAG AA, so such a theme is refused. */
const readableColour = builtOnFirstUse(() =>
  colour.check(
    z.refine((v) => !HEX.test(v) || contrast(v, '#ffffff') >= 4.5, {
      error: 'is too light to read on white (WCAG asks a contrast of at least 4.5:1); choose a darker colour',
    }),
  ),
)

export const siteThemeSchema = builtOnFirstUse(() =>
  z.strictObject({
    primary: z.optional(colour),
    text: z.optional(readableColour),
    link: z.optional(readableColour),
    font: z.optional(
      z.string().check(
        z.maxLength(200),
        z.regex(/^[A-Za-z0-9][A-Za-z0-9 ,-]*$/, {
          error: 'must be font names separated by commas, without quotes, e.g. Fira Sans, Arial, sans-serif',
        }),
      ),
    ),
  }),
)
export type SiteThemeInput = z.infer<typeof siteThemeSchema>

/** The theme a site is drawn with: the owner's values over the defaults. */
export function siteTheme(input: SiteThemeInput | undefined): SiteTheme {
  return { ...DEFAULT_THEME, ...input }
}
