import { describe, expect, it } from 'vitest'
import { DEFAULT_THEME, profileInputSchema, siteThemeSchema } from '../../../functions/core/model/index.js'
import { themeCss } from '../../../functions/core/publishing/index.js'

const PROFILE = { name: 'Wouter Lindeveld', role: 'Adviseur', organisation: 'Ministerie van BZK' }

describe('the site theme', () => {
  it('is accepted on a profile as #rrggbb colours and a plain font stack', () => {
    const theme = { primary: '#154273', text: '#0f172a', link: '#01689b', font: 'Fira Sans, Arial, sans-serif' }
    expect(profileInputSchema.safeParse({ ...PROFILE, theme }).success).toBe(true)
  })

  it.each([
    ['a colour name', { primary: 'red' }],
    ['a short colour', { primary: '#f00' }],
    ['a colour carrying CSS', { primary: '#154273;background:url(//x)' }],
    ['a closing brace', { link: '#01689b}body{display:none' }],
    ['a font with a quote', { font: 'Arial"; } body { display: none' }],
    ['a font with a semicolon', { font: 'Arial;color:red' }],
    ['a font that closes the style', { font: 'Arial</style><script>' }],
    ['link text too light to read on white', { link: '#7fb2e5' }],
    ['body text too light to read on white', { text: '#aaaaaa' }],
    ['an unknown field', { background: '#ffffff' }],
  ])('refuses %s', (_, theme) => {
    expect(siteThemeSchema.safeParse(theme).success).toBe(false)
  })

  it('writes the default theme as NL Design System tokens', () => {
    expect(themeCss(undefined)).toBe(
      ':root{--oaj-primary:#154273;--oaj-on-primary:#ffffff;--utrecht-document-color:#0f172a;' +
        `--utrecht-document-font-family:${DEFAULT_THEME.font};--utrecht-link-color:#01689b;` +
        '--utrecht-link-visited-color:#01689b;--utrecht-link-hover-color:#0f172a;' +
        '--utrecht-link-active-color:#0f172a;--utrecht-link-focus-color:#0f172a}\n',
    )
  })

  it('writes dark menu text on a light primary colour, and the owner’s colours over the defaults', () => {
    const css = themeCss({ primary: '#ffd200', link: '#8a1c00' })
    expect(css).toContain('--oaj-primary:#ffd200;--oaj-on-primary:#0f172a;')
    expect(css).toContain('--utrecht-link-color:#8a1c00;')
    expect(css).toContain('--utrecht-document-color:#0f172a;')
  })

  it('falls back to the default theme rather than write a value of another shape', () => {
    const css = themeCss({ primary: 'red;}body{display:none' })
    expect(css).toBe(themeCss(undefined))
  })
})
