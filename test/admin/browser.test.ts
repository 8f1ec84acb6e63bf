import { serve } from '@hono/node-server'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountAdmin } from '../../functions/admin/app.js'
import { createApp } from '../../functions/api/app.js'
import { exportSnapshot } from '../../functions/publish/index.js'
import { putProfile, type Db } from '../../functions/store/index.js'
import { buildFromSnapshot, launchChromium, serveSite } from '../site/site-build.js'
import { administratorToken, ownerToken, PERSON, testDb } from '../support/test-db.js'
import { SESSION_SECRET } from './admin-client.js'

/**
 * The admin in a real browser (Debian's Chromium, no JavaScript needed by the pages): the
 * servant's path from sign-in to the public site, the refusals, and axe-core's WCAG 2.1 A/AA
 * rules on every admin page at phone size, in Dutch and in English.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const FIXTURE = readFileSync(new URL('../fixtures/ics/google-calendar.ics', import.meta.url), 'utf8')

let db: Db
let secret: string
let url: string
let browser: Browser
let close: () => Promise<void>

beforeAll(async () => {
  db = await testDb()
  secret = (await ownerToken(db)).secret
  await putProfile(
    db,
    {
      person: PERSON,
      name: 'Anna de Vries',
      role: 'CIO',
      organisation: 'Ministerie van Voorbeeldzaken',
      links: [],
      locale: 'nl',
      timezone: 'Europe/Amsterdam',
      updatedAt: '2015-01-01T00:00:00Z',
      version: 1,
    },
    0,
  )
  const deps = { db, person: PERSON, now: () => new Date('2015-03-18T12:00:00Z') }
  const server = serve({
    fetch: mountAdmin(createApp(deps), { ...deps, sessionSecret: SESSION_SECRET }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  })
  await new Promise<void>((ok) => server.once('listening', () => ok()))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((ok) => server.close(() => ok()))
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await close?.()
})

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'nl-NL' })
  return { context, page: await context.newPage() }
}

async function signIn(page: Page, token = secret) {
  await page.goto(`${url}/admin`)
  await page.getByLabel('Token', { exact: true }).fill(token)
  await page.getByRole('button', { name: 'Aanmelden' }).click()
  await page.waitForLoadState()
}

/** Browser globals used by code that runs in the page (the tests compile without the DOM lib). */
declare const window: {
  axe: {
    run: (context: unknown, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
  }
}
declare const document: { cookie: string }

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const result = await page.evaluate(
    async (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_21_AA,
  )
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('the admin in a browser', () => {
  it('signs in, logs an appointment, and the appointment is on the public site after the rebuild', async () => {
    const { context, page } = await phone()
    await signIn(page)
    await expect.poll(() => page.locator('h1').textContent()).toBe('Afspraak vastleggen')
    await page.getByLabel('Onderwerp', { exact: true }).fill('Advies over zelfsturende teams')
    await page.getByLabel('Datum', { exact: true }).fill('2015-03-16')
    await page.getByLabel('Begintijd').fill('10:00')
    await page.getByLabel('Eindtijd (optioneel)').fill('11:30')
    await page.getByLabel('Organisatie 1', { exact: true }).fill('Gemeente Enschede')
    await page.getByLabel('Soort organisatie 1').selectOption('gemeente')
    await page.getByLabel('Soort afspraak').selectOption('advice')
    await page.getByLabel('Plaats', { exact: true }).fill('Enschede')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.flash').textContent()).toContain('Afspraak opgeslagen.')
    const id = /\/admin\/entries\/([0-9A-Z]{26})/.exec(page.url())![1]!

    const root = mkdtempSync(join(tmpdir(), 'oaj-admin-site-'))
    try {
      const snapshotFile = join(root, 'public-snapshot.json')
      await exportSnapshot(db, PERSON, snapshotFile, new Date('2015-03-18T12:00:00Z'))
      const site = await buildFromSnapshot(root, snapshotFile)
      const served = await serveSite(site.dist)
      try {
        await page.goto(`${served.url}/agenda/entry/${id}/`)
        expect(await page.locator('h1').textContent()).toBe('Advies over zelfsturende teams')
        expect(await page.locator('main').textContent()).toContain('Gemeente Enschede')
      } finally {
        await served.close()
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
      await context.close()
    }
  }, 300_000)

  it('refuses a form posted without its CSRF token, with a page that explains', async () => {
    const { context, page } = await phone()
    await signIn(page)
    await page.goto(`${url}/admin/tokens`)
    await page.getByLabel('Naam van het token').fill('zonder-csrf')
    await page.locator('form[action="/admin/tokens"] input[name="_csrf"]').evaluate((input) => input.remove())
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Token maken' }).click(),
    ])
    expect(response.status()).toBe(403)
    expect(await page.locator('h1').textContent()).toBe('Formulier geweigerd')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${url}/admin/tokens`)
    expect(await page.locator('main').textContent()).not.toContain('zonder-csrf')
    await context.close()
  })

  it('shows an error for a wrong token', async () => {
    const { context, page } = await phone()
    await signIn(page, 'oaj_wrong-token-wrong-token')
    expect(await page.locator('#f-token-error').textContent()).toContain('Dit token klopt niet')
    expect(await page.getByLabel('Token', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    expect((await context.cookies()).find((c) => c.name === 'oaj_session')).toBeUndefined()
    await context.close()
  })

  it('keeps the session in an HttpOnly, SameSite=Strict cookie for /admin that expires in 12 hours', async () => {
    const { context, page } = await phone()
    await signIn(page)
    const cookie = (await context.cookies()).find((c) => c.name === 'oaj_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin', secure: false })
    expect(cookie.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3_600_000)
    expect(cookie.expires * 1000 - Date.now()).toBeLessThan(12.1 * 3_600_000)
    expect(await page.evaluate(() => document.cookie)).not.toContain('oaj_session')
    await context.close()
  })

  it('has no WCAG 2.1 A/AA violations on any admin page, in Dutch and English', async () => {
    const { context, page } = await phone()
    const failures: string[] = []
    const check = async (name: string) => {
      const violations = await axeViolations(page)
      if (violations.length > 0) failures.push(`${name} (${page.url()}): ${violations.join('; ')}`)
    }
    await page.goto(`${url}/admin/sign-in`)
    await page.locator('label[for="f-token"]').evaluate((label) => label.remove())
    expect((await axeViolations(page)).join()).toMatch(/^label: #f-token/)
    await page.goto(`${url}/admin/sign-in`)
    await check('sign in')
    await signIn(page)
    const visit = async (name: string, path: string) => {
      await page.goto(`${url}${path}`)
      await check(name)
    }
    await visit('log an appointment', '/admin')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await check('log form with errors')
    await page.getByLabel('Onderwerp').fill('Overleg')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await check('log form with a nudge')
    await page.getByRole('button', { name: 'Toch opslaan zoals het is' }).click()
    await check('entry page')

    const imported = await page.request.post(`${url}/api/import/ics?from=2015-03-01&to=2015-06-30`, {
      data: FIXTURE,
      headers: { 'Content-Type': 'text/calendar', Authorization: `Bearer ${secret}` },
    })
    expect(imported.status()).toBe(200)
    await visit('entries', '/admin/entries')
    await visit('entries of a week', '/admin/entries?week=2015-W12')
    await visit('import', '/admin/import')
    await page.setInputFiles('#f-calendar', {
      name: 'kapot.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'),
    })
    await page.getByRole('button', { name: 'Importeren' }).click()
    await check('import with an error')
    await visit('review', '/admin/import/review?from=2015-03-01&to=2015-06-30')
    await page.getByRole('button', { name: 'Toepassen' }).click()
    await check('review with an error')
    await visit('posts', '/admin/posts')
    await visit('new post', '/admin/posts/new')
    await page.getByLabel('Adres (slug)').fill('jaarverslag-2014')
    await page.getByLabel('Titel').fill('Jaarverslag 2014')
    await page.getByLabel('Periode vanaf').fill('2014-01-01')
    await page.getByLabel('Periode tot en met').fill('2014-12-31')
    await page
      .getByLabel('Tekst (Markdown)')
      .fill('# Terugblik\n\nEen jaar **open agenda**, met [een link](https://example.nl).\n\n- een\n- twee')
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click()
    await check('post preview')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await check('post page')
    await visit('draft an annual report', '/admin/report')
    await page.getByRole('button', { name: 'Concept opstellen' }).click()
    await check('drafted annual report in the post editor')
    await visit('digests', '/admin/digests')
    await page.getByLabel('Week').fill('2015-W12')
    await page.getByRole('button', { name: 'Maken of vernieuwen' }).click()
    await check('digest')
    await visit('profile', '/admin/profile')
    await visit('tokens', '/admin/tokens')
    await page.getByLabel('Naam van het token').fill('laptop')
    await page.getByRole('button', { name: 'Token maken' }).click()
    await check('new token')
    await visit('not found', '/admin/no-such-page')
    for (const [name, path] of [
      ['log (English)', '/admin?lang=en'],
      ['entries (English)', '/admin/entries'],
      ['review (English)', '/admin/import/review?from=2015-03-01&to=2015-06-30'],
      ['tokens (English)', '/admin/tokens'],
    ]) {
      await visit(name!, path!)
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await context.close()
    expect(failures).toEqual([])
  }, 120_000)

  it('has no WCAG 2.1 A/AA violations on the administrator’s pages, errors and the shown-once token', async () => {
    const { context, page } = await phone()
    const failures: string[] = []
    const check = async (name: string) => {
      const violations = await axeViolations(page)
      if (violations.length > 0) failures.push(`${name} (${page.url()}): ${violations.join('; ')}`)
    }
    await signIn(page, await administratorToken(db))
    expect(await page.locator('h1').textContent()).toBe('Medewerkers')
    await check('servants')
    await page.getByRole('link', { name: 'Medewerker toevoegen' }).click()
    await check('add a servant')
    await page.getByLabel('Naam', { exact: true }).fill('Cas Claes')
    await page.getByLabel('Adres', { exact: true }).fill('agenda')
    await page.getByLabel('Functie').fill('Programmamanager')
    await page.getByRole('button', { name: 'Toevoegen en eerste token maken' }).click()
    expect(await page.locator('#f-person-error').textContent()).toContain('al een pagina van de site')
    await check('add a servant with an error')
    await page.getByLabel('Adres', { exact: true }).fill('c-claes')
    await page.getByRole('button', { name: 'Toevoegen en eerste token maken' }).click()
    expect(await page.locator('#new-token').textContent()).toMatch(/^oaj_/)
    await check('first token, shown once')
    await page.goto(`${url}/admin/servants/c-claes`)
    await check('a servant')
    await page.goto(`${url}/admin/organisation`)
    await page.getByLabel('Naam', { exact: true }).fill('Ministerie van Voorbeeldzaken')
    await page.getByLabel('Linkkleur').fill('#ffff00')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    expect(await page.locator('#f-link-error').textContent()).toContain('te licht')
    await check('organisation with an error')
    await page.goto(`${url}/admin/entries`)
    expect(await page.locator('h1').textContent()).toBe('Geen toegang')
    await check('a journal page, refused')
    await context.close()
    expect(failures).toEqual([])
  }, 120_000)
})
