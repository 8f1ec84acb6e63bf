import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JournalBuilder } from '../support/journal-fixtures.js'
import { buildTestSite, filesUnder, launchChromium, serveSite, type BuiltSite } from './site-build.js'

// Parts of this file run in the browser (page.evaluate); the project compiles without DOM types.
// biome-ignore lint/suspicious/noExplicitAny: browser globals inside page.evaluate, typed loosely on purpose
declare const document: any, window: any, DOMParser: any

/**
 * Whatever the servant writes — by mistake, or because their account was taken over — no script
 * runs on the site and no feed carries one: Markdown is rendered with raw HTML off and sanitised.
 */
const ATTACK = [
  '# Verslag',
  '<script>window.__xss = "script-tag"</script>',
  '<img src="x" onerror="window.__xss = \'onerror\'">',
  '<svg onload="window.__xss = \'svg-onload\'"></svg>',
  '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__xss=\'raw-link\'">rauw</a>',
  "[klik hier](javascript:window.__xss='md-link')",
  "[HOOFDLETTERS](JaVaScRiPt:window.__xss='case')",
  "[entiteit](&#106;avascript:window.__xss='entity')",
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  "![plaatje](javascript:window.__xss='image')",
  '<div style="background:url(javascript:alert(1))" onclick="window.__xss=\'div\'">div</div>',
  '<form action="javascript:alert(1)"><button>knop</button></form>',
  '',
  'Een [gewone link](https://www.example.nl/) blijft werken.',
].join('\n\n')

const NOW = new Date('2015-03-18T12:00:00Z')
/** Names that became filter labels on the search page, which Pagefind inserts as HTML. */
const COUNTERPART = '"><img src=x onerror="window.__xss=\'filter\'">'
const THEME = '<img src=x onerror="window.__xss=\'theme-filter\'">'
let site: BuiltSite
let browser: Browser
let server: Awaited<ReturnType<typeof serveSite>>

beforeAll(async () => {
  // The name, role and organisation stand in every page's header, the site's name in its title.
  const journal = new JournalBuilder().withProfile({
    name: 'Anna <img src=x onerror="window.__xss=\'name\'">',
    role: '<script>window.__xss="role"</script>',
    organisation: '"><svg onload="window.__xss=\'organisation\'">',
    bio: `Bio <script>window.__xss = "bio"</script> [x](javascript:alert(1))`,
  })
  const entry = journal.entry({
    start: '2015-03-16T10:00',
    title: 'Titel </script><script>window.__xss="title"</script>',
    summary: ATTACK,
    location: '<img src=x onerror="window.__xss=\'location\'">',
    counterparts: [
      { name: '<img src=x onerror="window.__xss=1">', type: 'bedrijf' },
      { name: COUNTERPART, type: 'bedrijf' },
    ],
    themes: ['<b onmouseover="x()">thema</b>', THEME],
  })
  journal.digest('2015-W12', 'published', `Verslag van de week ${ATTACK}`, [
    { entryId: entry.id, line: '<img src=x onerror="window.__xss=\'digest-line\'">' },
  ])
  journal.post(
    'aanval',
    { title: 'Verslag <script>window.__xss="post-title"</script>', body: ATTACK },
    '2015-03-01T10:00:00Z',
  )
  site = await buildTestSite('xss', journal.items(), NOW)
  ;[browser, server] = await Promise.all([launchChromium(), serveSite(site.dist)])
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  site?.cleanup()
})

const pages = () => filesUnder(site.dist).filter((f) => f.endsWith('.html') && !f.includes('search/'))

/** What could run in a document: scripts (other than JSON-LD data), handlers, script URLs, frames and forms. */
function activeParts(): { scripts: number; handlers: string[]; badUrls: string[]; frames: number } {
  return {
    scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`),
    ),
    badUrls: [...document.querySelectorAll('[href],[src],[action],[formaction]')]
      .flatMap((el) => ['href', 'src', 'action', 'formaction'].map((n) => el.getAttribute(n) ?? ''))
      .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
    frames: document.querySelectorAll('iframe,object,embed,form').length,
  }
}

const NOTHING_ACTIVE = { scripts: 0, handlers: [], badUrls: [], frames: 0 }

describe('a post or entry full of script', () => {
  it('runs nothing and contains nothing active on any page', async () => {
    const page = await browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    for (const file of pages()) {
      await page.goto(`${server.url}/${file.replace(/index\.html$/, '')}`)
      for (const a of await page.locator('main a').all()) await a.hover({ timeout: 500 }).catch(() => {})
      const state = await page.evaluate(`(${activeParts.toString()})()`)
      expect(state, file).toEqual(NOTHING_ACTIVE)
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), file).toBeUndefined()
    }
    await page.close()
    expect(dialogs).toEqual([])
    expect(pages().length).toBeGreaterThan(10)
  }, 180_000)

  it('shows the attack as harmless text and keeps the ordinary link', () => {
    const html = readFileSync(join(site.dist, 'posts/aanval/index.html'), 'utf8')
    expect(html).toContain('&lt;script&gt;window.__xss')
    expect(html).toContain('<a href="https://www.example.nl/">gewone link</a>')
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'))
    expect(header).toContain('Anna &lt;img src=x onerror=&quot;window.__xss=&#39;name&#39;&quot;&gt;')
    expect(header).toContain('&lt;script&gt;window.__xss=&quot;role&quot;&lt;/script&gt;, &quot;&gt;&lt;svg onload=')
  })

  it('keeps JSON-LD data inside its element', () => {
    const html = readFileSync(
      join(site.dist, filesUnder(site.dist).find((f) => f.startsWith('agenda/entry/'))!),
      'utf8',
    )
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    )
    expect(blocks).toHaveLength(1)
    expect(blocks[0].name).toContain('</script><script>')
  })

  /** The HTML a feed carries, parsed by the browser as a feed reader would. */
  async function activeInFeedHtml(fragments: string[]) {
    const page = await browser.newPage()
    const states = (await page.evaluate(
      `(${activeParts.toString().replace(/document\./g, 'doc.')}).toString()`,
    )) as string
    const result = await page.evaluate(
      ({ fragments, fn }) =>
        fragments.map((html) => {
          const doc = new DOMParser().parseFromString(html, 'text/html')
          return new Function('doc', `return (${fn})()`)(doc)
        }),
      { fragments, fn: states },
    )
    await page.close()
    return result
  }

  const xmlHtml = (file: string): string[] => {
    // CDATA (RSS) is kept apart so that no entity inside it is decoded: a reader would not either.
    const parsed = new XMLParser({ ignoreAttributes: true, processEntities: true, cdataPropName: '#cdata' }).parse(
      readFileSync(join(site.dist, file), 'utf8'),
    )
    const items = file.endsWith('.xml') ? [parsed.rss.channel.item].flat() : [parsed.feed.entry].flat()
    const text = (v: unknown) =>
      v && typeof v === 'object' && '#cdata' in v ? String((v as Record<string, unknown>)['#cdata']) : v
    // RSS descriptions are read as HTML; an Atom summary is plain text (type="text").
    return items.flatMap((i: Record<string, unknown>) =>
      [i.description, i['content:encoded'], i.content].map(text).filter((v): v is string => typeof v === 'string'),
    )
  }

  it.each(['posts.xml', 'posts.atom', 'agenda.xml', 'agenda.atom', 'posts.json', 'agenda.json'])(
    'carries nothing active in the feed %s',
    async (file) => {
      const fragments = file.endsWith('.json')
        ? (JSON.parse(readFileSync(join(site.dist, file), 'utf8')) as { items: { content_html?: string }[] }).items.map(
            (i) => i.content_html ?? '',
          )
        : xmlHtml(file)
      expect(fragments.join('\n')).toContain('gewone link')
      for (const state of await activeInFeedHtml(fragments)) expect(state).toEqual(NOTHING_ACTIVE)
    },
  )
})

describe('the search page', () => {
  it('runs no script from the index with results and all filters open, and shows hostile names as text', async () => {
    const page = await browser.newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(`${server.url}/search/`)
    await page.locator('.pagefind-ui__search-input').fill('verslag')
    await page.locator('.pagefind-ui__result').first().waitFor()
    // Pagefind draws the filter groups after the first results: wait for all four (year, kind, organisation, theme).
    await page.locator('.pagefind-ui__filter-name').nth(3).waitFor()
    for (const group of await page.locator('.pagefind-ui__filter-name').all()) await group.click()
    for (const a of await page.locator('.pagefind-ui__result a').all()) await a.hover({ timeout: 500 }).catch(() => {})
    const labels = await page.locator('.pagefind-ui__filter-label').allTextContents()
    expect(labels.map((l) => l.replace(/\s*\(\d+\)\s*$/, ''))).toEqual(
      expect.arrayContaining([
        COUNTERPART,
        THEME,
        '<img src=x onerror="window.__xss=1">',
        '<b onmouseover="x()">thema</b>',
      ]),
    )
    expect(await page.locator('.pagefind-ui__result-link').allTextContents()).toContain(
      'Titel </script><script>window.__xss="title"</script>',
    )
    expect(await page.locator('.pagefind-ui__result').count()).toBeGreaterThanOrEqual(3) // entry, post, digest
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('#search *')].flatMap(
        (el: { tagName: string; attributes: Iterable<{ name: string }> }) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`),
      ),
    )
    expect(handlers).toEqual([])
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(dialogs).toEqual([])
    await page.close()
  })
})
