/**
 * The Content-Security-Policy of the public site. The site ships no JavaScript except Pagefind
 * search, which is served from the site itself and compiles its WebAssembly index ('wasm-unsafe-eval'
 * allows WebAssembly compilation only, not JavaScript eval). Styles must be files too: the Astro
 * build keeps stylesheets external (`build.inlineStylesheets: 'never'`).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'upgrade-insecure-requests': [],
}

export function contentSecurityPolicy(directives = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

/** Two years, the value hstspreload.org asks for; subdomains included. Preloading is the domain owner's call. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000

/** Browser features the site never uses, switched off so an injected script could not use them either. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
