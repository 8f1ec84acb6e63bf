import { contrast, siteTheme, siteThemeSchema, type SiteThemeInput } from '../model/theme.js'

/**
 * The organisation's theme as NL Design System tokens (`/theme.css`), the only part of the look
 * that is not the same for every journal. The values were validated when the profile was saved;
 * they are checked again here because they become CSS: a value of any other shape is not written
 * and its default is used instead.
 */
export function themeCss(input: SiteThemeInput | undefined): string {
  const parsed = siteThemeSchema.safeParse(input ?? {})
  const theme = siteTheme(parsed.success ? parsed.data : undefined)
  // Menu text on the primary band: white where it reads (4.5:1), the theme's dark text otherwise.
  const onPrimary = contrast(theme.primary, '#ffffff') >= 4.5 ? '#ffffff' : '#0f172a'
  const tokens = {
    '--oaj-primary': theme.primary,
    '--oaj-on-primary': onPrimary,
    '--utrecht-document-color': theme.text,
    '--utrecht-document-font-family': theme.font,
    '--utrecht-link-color': theme.link,
    '--utrecht-link-visited-color': theme.link,
    '--utrecht-link-hover-color': theme.text,
    '--utrecht-link-active-color': theme.text,
    '--utrecht-link-focus-color': theme.text,
  }
  return `:root{${Object.entries(tokens)
    .map(([name, value]) => `${name}:${value}`)
    .join(';')}}\n`
}
