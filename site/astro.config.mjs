// @ts-check
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'astro/config'

/**
 * The public site: static pages built from the public snapshot only (see src/content.config.ts).
 * Where it is served from and where it is built to come from the environment, so the local
 * builder, CI, the bench and the tests can build side by side.
 */
export default defineConfig({
  site: process.env.JOURNAL_SITE_URL ?? 'http://localhost:4321',
  // A servant's section of an organisation's site lives under its own path (`/wouter`); see src/lib/site-part.ts.
  base: process.env.JOURNAL_SITE_BASE || '/',
  outDir: process.env.JOURNAL_SITE_OUT_DIR ?? './dist',
  cacheDir: process.env.JOURNAL_SITE_CACHE_DIR ?? './node_modules/.astro',
  // Eight pages at a time: while one page's file is written the next is rendered (measured for
  // 20,609 pages: 16 s instead of 19 s at Astro's default of one).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Zero JavaScript: no prefetch script, no dev toolbar; search brings its own (Pagefind, whose
  // index is built after Astro: functions/publish/search-index.ts).
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // The domain code is shared with the API and the CLI: the site imports it as `@core/…`.
    resolve: { alias: { '@core': fileURLToPath(new URL('../functions/core', import.meta.url)) } },
    server: { fs: { allow: ['..'] } },
  },
})
