import { describe, expect, it } from 'vitest'
import { newToken } from '../../functions/api/tokens.js'
import type { Servant } from '../../functions/core/model/index.js'
import {
  addServant,
  getEntry,
  getOrganisation,
  getServant,
  listEntries,
  listServants,
  listTokens,
} from '../../functions/store/index.js'
import { administratorToken, PERSON } from '../support/test-db.js'
import { adminTest, type AdminTest } from './admin-client.js'

const NOW = new Date('2016-03-16T12:07:00Z')
const B = 'b-bakker'
/** Words only B's private appointment holds: no page but B's own may show them. */
const CANARY = 'Kanarie-sollicitatiegesprek-7731'

const logForm = (overrides: Record<string, string> = {}) => ({
  title: 'Overleg over samenwerking tussen ministeries',
  date: '2016-03-14',
  startTime: '10:00',
  endTime: '11:00',
  kind: 'meeting',
  cp0name: 'Ministerie van Financiën',
  cp0type: 'ministerie',
  themes: 'samenwerking',
  location: 'Den Haag',
  visibility: 'public',
  status: 'held',
  ...overrides,
})

/** Signs `admin`'s browser out of whoever it was and in with `secret`. */
async function as(admin: AdminTest, secret: string) {
  admin.jar.delete('oaj_session')
  return admin.signIn(secret)
}

/**
 * An organisation of two servants: A (the deployment's own, `PERSON`, who has no servant record,
 * as in a deployment of one) and B, added by the administrator, with a private appointment whose
 * title and notes are the canary. The browser ends signed in as nobody.
 */
async function organisation() {
  const admin = await adminTest({ now: () => NOW })
  const administrator = await administratorToken(admin.db)
  const at = NOW.toISOString()
  const servantB: Servant = {
    person: B,
    name: 'Bea Bakker',
    role: 'CIO-adviseur',
    status: 'active',
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  const b = newToken(B, 'first token', NOW)
  await addServant(admin.db, servantB, b.token)
  await as(admin, b.secret)
  await admin.submit('/admin', '/admin/entries', logForm({ title: CANARY, visibility: 'private', notes: CANARY }))
  await admin.submit('/admin', '/admin/entries', logForm({ title: 'Bea’s openbare overleg' }))
  const [privateB] = (await listEntries(admin.db, B, { limit: 10 })).items.filter((e) => e.title === CANARY)
  await as(admin, admin.secret)
  await admin.submit('/admin', '/admin/entries', logForm({ title: 'Anna’s eigen overleg' }))
  admin.jar.delete('oaj_session')
  return { admin, administrator, bSecret: b.secret, bToken: b.token, privateB: privateB! }
}

const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ')

describe('a servant acts on their own journal only', () => {
  it('signs in with their own token and sees their own appointments, not another servant’s', async () => {
    const { admin, bSecret } = await organisation()
    await as(admin, bSecret)
    const bList = await text(await admin.get('/admin/entries'))
    expect(bList).toContain('Bea’s openbare overleg')
    expect(bList).not.toContain('Anna’s eigen overleg')
    await as(admin, admin.secret)
    const aList = await text(await admin.get('/admin/entries'))
    expect(aList).toContain('Anna’s eigen overleg')
    expect(aList).not.toContain('Bea’s openbare overleg')
    expect(aList).not.toContain(CANARY)
  })

  it('answers 404 on opening, saving or withdrawing another servant’s entry, and leaves it unchanged', async () => {
    const { admin, privateB } = await organisation()
    await as(admin, admin.secret)
    const page = `/admin/entries/${privateB.id}`
    expect((await admin.get(page)).status).toBe(404)
    const saved = await admin.submit('/admin', page, logForm({ title: 'Overschreven door A', version: '1' }))
    expect(saved.status).toBe(404)
    const withdrawn = await admin.submit('/admin', `${page}/withdraw`, { reason: 'weg ermee', version: '1' })
    expect(withdrawn.status).toBe(404)
    const after = await getEntry(admin.db, B, privateB.id)
    expect(after?.title).toBe(CANARY)
    expect(after?.version).toBe(1)
    expect(after?.withdrawn).toBeUndefined()
  })

  it('is refused the organisation’s pages with a 403 that says whose they are', async () => {
    const { admin } = await organisation()
    await as(admin, admin.secret)
    for (const path of ['/admin/servants', '/admin/servants/new', `/admin/servants/${B}`, '/admin/organisation']) {
      const res = await admin.get(path)
      expect(res.status, path).toBe(403)
      expect(await text(res)).toContain('Deze pagina is voor de beheerder van de organisatie.')
    }
    const posted = await admin.submit('/admin', '/admin/servants', { person: 'c-claes', name: 'C', role: 'R' })
    expect(posted.status).toBe(403)
    expect(await getServant(admin.db, 'c-claes')).toBeUndefined()
  })

  it('sees the journal’s pages in the navigation, not the organisation’s', async () => {
    const { admin } = await organisation()
    await as(admin, admin.secret)
    const html = await text(await admin.get('/admin'))
    expect(html).toContain('<a href="/admin/entries">Afspraken</a>')
    expect(html).not.toContain('href="/admin/servants"')
  })
})

describe('the organisation’s administrator', () => {
  const journalPages = (entryId: string) => [
    '/admin/entries',
    `/admin/entries/${entryId}`,
    '/admin/import',
    '/admin/posts',
    '/admin/posts/new',
    '/admin/report',
    '/admin/digests',
    '/admin/profile',
    '/admin/tokens',
  ]

  it('gets 403 on every journal page, with a page that says why, and lands on the servants', async () => {
    const { admin, administrator, privateB } = await organisation()
    const signedIn = await as(admin, administrator)
    expect(signedIn.headers.get('location')).toBe('/admin')
    expect((await admin.get('/admin')).headers.get('location')).toBe('/admin/servants')
    for (const path of journalPages(privateB.id)) {
      const res = await admin.get(path)
      expect(res.status, path).toBe(403)
      const html = await text(res)
      expect(html).toContain('<h1>Geen toegang</h1>')
      expect(html).toContain('Deze pagina hoort bij het journaal van een medewerker.')
    }
    const posted = await admin.submit('/admin/servants', '/admin/entries', logForm({ title: 'Door de beheerder' }))
    expect(posted.status).toBe(403)
    expect((await listEntries(admin.db, PERSON, { limit: 10 })).items.map((e) => e.title)).toEqual([
      'Anna’s eigen overleg',
    ])
  })

  it('sees the organisation’s pages in the navigation, not a journal’s', async () => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    const html = await text(await admin.get('/admin/servants'))
    expect(html).toContain('<a href="/admin/servants" aria-current="page">Medewerkers</a>')
    expect(html).toContain('<a href="/admin/organisation">Organisatie</a>')
    expect(html).not.toContain('href="/admin/entries"')
    expect(html).not.toContain('href="/admin/tokens"')
  })

  it('never sees a servant’s private appointment, notes or tokens on any page it can open', async () => {
    const { admin, administrator, privateB, bToken, bSecret } = await organisation()
    // Positive control: B's own session shows the canary, so the scan below would find it.
    await as(admin, bSecret)
    expect(await (await admin.get(`/admin/entries/${privateB.id}`)).text()).toContain(CANARY)
    expect(await (await admin.get('/admin/tokens')).text()).toContain(bToken.id)
    await as(admin, administrator)
    const pages = ['/admin/servants', `/admin/servants/${B}`, '/admin/servants/new', '/admin/organisation']
    const opened = [...pages, ...journalPages(privateB.id)]
    for (const path of opened) {
      const html = await (await admin.get(path)).text()
      expect(html, path).not.toContain(CANARY)
      expect(html, path).not.toContain(bToken.id)
    }
  })

  it('lists servants with address, role and since, and former servants apart with the day they left', async () => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/leave`, { leftOn: '2016-03-11', version: '1' })
    const added = await admin.submit('/admin/servants/new', '/admin/servants', {
      person: 'c-claes',
      name: 'Cas Claes',
      role: 'Programmamanager',
    })
    expect(added.status).toBe(201)
    const html = await text(await admin.get('/admin/servants'))
    const [active, former] = html.split('<h2>Uit dienst</h2>') as [string, string]
    expect(active).toContain(
      '<li><a href="/admin/servants/c-claes">Cas Claes</a> <span class="slug">/c-claes/</span>' +
        '<span class="role">Programmamanager</span><span class="when">Sinds 16 maart 2016</span></li>',
    )
    expect(active).not.toContain('Bea Bakker')
    expect(former).toContain(
      '<li><a href="/admin/servants/b-bakker">Bea Bakker</a> <span class="slug">/b-bakker/</span>' +
        '<span class="role">CIO-adviseur</span><span class="when">Uit dienst op 11 maart 2016</span></li>',
    )
  })
})

describe('adding a servant', () => {
  it('shows the first token once, with how to use it, and the new servant signs in with it', async () => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    const res = await admin.submit('/admin/servants/new', '/admin/servants', {
      person: 'c-claes',
      name: 'Cas Claes',
      role: 'Programmamanager rijksbrede ICT',
    })
    expect(res.status).toBe(201)
    const html = await text(res)
    expect(html).toContain('<h1>Eerste token voor Cas Claes</h1>')
    const secret = /<p class="secret" id="new-token">(oaj_[\w-]+)<\/p>/.exec(html)?.[1]
    expect(secret).toBeDefined()
    expect(html).toContain('Aanmelden in het beheer op <a href="http://localhost:8787/admin/sign-in">')
    expect(html).toContain('JOURNAL_API_URL=http://localhost:8787 JOURNAL_TOKEN=het-token-hierboven journal list')
    const tokens = await listTokens(admin.db, 'c-claes')
    expect(tokens.map((t) => t.label)).toEqual(['first token, issued by the administrator'])
    for (const page of ['/admin/servants', '/admin/servants/c-claes'])
      expect(await (await admin.get(page)).text()).not.toContain(secret)
    const signedIn = await as(admin, secret!)
    expect(signedIn.status).toBe(303)
    expect((await admin.get('/admin/entries')).status).toBe(200)
    expect(await text(await admin.get('/admin/entries'))).not.toContain('Bea’s openbare overleg')
  })

  it.each([
    [
      'a page of the site',
      'agenda',
      '„agenda” is al een pagina van de site; kies een ander adres, bijvoorbeeld een achternaam',
      400,
    ],
    [
      'a malformed address',
      'C Claes',
      'moet met een letter beginnen en mag alleen kleine letters, cijfers en losse streepjes bevatten',
      400,
    ],
    ['an address taken', B, 'Er is al een medewerker met het adres „b-bakker”; kies een ander', 409],
  ])('refuses %s beside the field, and writes nothing', async (_, slug, message, status) => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    const res = await admin.submit('/admin/servants/new', '/admin/servants', {
      person: slug,
      name: 'Cas Claes',
      role: 'Programmamanager',
    })
    expect(res.status).toBe(status)
    const html = await text(res)
    expect(html).toContain('<a href="#f-person">Adres: ')
    expect(html).toMatch(new RegExp(`<p class="error" id="f-person-error">${message.replace(/[.*+?()[\]]/g, '\\$&')}`))
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('value="Cas Claes"')
    expect((await listServants(admin.db)).map((s) => s.person)).toEqual([B])
    expect((await listTokens(admin.db, slug)).length).toBe(slug === B ? 1 : 0)
  })
})

describe('a servant who leaves', () => {
  it('loses their tokens and session in the same step; signing in again says why', async () => {
    const { admin, administrator, bSecret } = await organisation()
    await as(admin, bSecret)
    const bSession = admin.jar.get('oaj_session')!
    await as(admin, administrator)
    const page = await text(await admin.get(`/admin/servants/${B}`))
    expect(page).toContain('value="2016-03-16"')
    const left = await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/leave`, {
      leftOn: '2016-03-11',
      version: '1',
    })
    expect(left.headers.get('location')).toBe(`/admin/servants/${B}?done=servantLeft`)
    expect((await getServant(admin.db, B))?.leftOn).toBe('2016-03-11')
    expect((await listTokens(admin.db, B)).every((t) => t.revokedAt === NOW.toISOString())).toBe(true)
    expect((await listEntries(admin.db, B, { limit: 10 })).items.length).toBe(2)

    admin.jar.set('oaj_session', bSession)
    expect((await admin.get('/admin/entries')).status).toBe(303)
    const again = await as(admin, bSecret)
    expect(again.status).toBe(401)
    expect(await text(again)).toContain('Dit token hoort bij Bea Bakker, die op 11 maart 2016 uit dienst is gegaan')
  })

  it('comes back with a new first token; the old one stays revoked', async () => {
    const { admin, administrator, bSecret } = await organisation()
    await as(admin, administrator)
    await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/leave`, { leftOn: '2016-03-11', version: '1' })
    const back = await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/return`, { version: '2' })
    expect(back.headers.get('location')).toBe(`/admin/servants/${B}?done=servantBack`)
    expect((await getServant(admin.db, B))?.status).toBe('active')
    const issued = await text(await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/token`, {}))
    const secret = /id="new-token">(oaj_[\w-]+)</.exec(issued)?.[1]
    const old = await as(admin, bSecret)
    expect(old.status).toBe(401)
    expect(await text(old)).toContain('Dit token is op 16 maart 2016 ingetrokken')
    expect((await as(admin, secret!)).status).toBe(303)
  })

  it('is not marked as left from a page opened before someone else changed them', async () => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/leave`, { leftOn: '2016-03-11', version: '1' })
    await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/return`, { version: '2' })
    const stale = await admin.submit(`/admin/servants/${B}`, `/admin/servants/${B}/leave`, {
      leftOn: '2016-03-12',
      version: '1',
    })
    expect(stale.status).toBe(409)
    expect(await text(stale)).toContain('Iemand anders heeft dit intussen gewijzigd')
    expect((await getServant(admin.db, B))?.status).toBe('active')
  })
})

describe('the organisation form', () => {
  const form = (overrides: Record<string, string> = {}) => ({
    name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    siteUrl: 'https://agenda.example.nl',
    contact: 'openagenda@example.nl',
    primary: '#154273',
    text: '',
    link: '#01689b',
    font: 'Fira Sans, Arial, sans-serif',
    version: '0',
    ...overrides,
  })

  it('saves name, address, contact and theme, and refuses a save from a page opened before', async () => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    const saved = await admin.submit('/admin/organisation', '/admin/organisation', form())
    expect(saved.headers.get('location')).toBe('/admin/organisation?done=organisationSaved')
    expect(await getOrganisation(admin.db)).toEqual({
      name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
      siteUrl: 'https://agenda.example.nl',
      contact: 'openagenda@example.nl',
      theme: { primary: '#154273', link: '#01689b', font: 'Fira Sans, Arial, sans-serif' },
      updatedAt: NOW.toISOString(),
      version: 1,
    })
    const stale = await admin.submit('/admin/organisation', '/admin/organisation', form({ name: 'BZK' }))
    expect(stale.status).toBe(409)
    expect((await getOrganisation(admin.db))?.name).toBe('Ministerie van Binnenlandse Zaken en Koninkrijksrelaties')
  })

  it.each([
    ['link', '#ffff00', 'is te licht om op wit te lezen'],
    ['primary', 'blue', 'moet een kleur zijn, geschreven als #rrggbb'],
    ['contact', 'bellen', 'moet een e-mailadres (naam@voorbeeld.nl) of het https://-adres van een webformulier zijn'],
  ])('shows a wrong %s beside its field and saves nothing', async (field, value, message) => {
    const { admin, administrator } = await organisation()
    await as(admin, administrator)
    const res = await admin.submit('/admin/organisation', '/admin/organisation', form({ [field]: value }))
    expect(res.status).toBe(400)
    const html = await text(res)
    expect(html).toContain(`<p class="error" id="f-${field}-error">${message}`)
    expect(html).toContain(`value="${value}"`)
    expect(await getOrganisation(admin.db)).toBeUndefined()
  })
})
