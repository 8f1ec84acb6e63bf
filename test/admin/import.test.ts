import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { listEntries } from '../../functions/store/index.js'
import { paddedTo } from '../support/calendar-files.js'
import { PERSON } from '../support/test-db.js'
import { adminTest, csrfIn, type AdminTest } from './admin-client.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8')
const NOW = new Date('2015-03-18T12:00:00Z')

async function upload(admin: AdminTest, source: string, range = { from: '2015-03-01', to: '2015-06-30' }) {
  const form = new FormData()
  form.append('_csrf', csrfIn(await (await admin.get('/admin/import')).text()))
  form.append('calendar', new File([source], 'agenda.ics', { type: 'text/calendar' }))
  form.append('from', range.from)
  form.append('to', range.to)
  return admin.request('POST', '/admin/import', form)
}

const idsOnReview = (html: string) => [...html.matchAll(/name="id" value="([0-9A-Z]{26})"/g)].map((m) => m[1]!)
const allEntries = async (admin: AdminTest) => (await listEntries(admin.db, PERSON, { limit: 100 })).items

describe('calendar import in the admin', () => {
  it('imports an Outlook file and lists every appointment, private, on the review screen', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    const res = await upload(admin, fixture('outlook-2016.ics'))
    expect(res.status).toBe(303)
    const review = await (await admin.get(res.headers.get('location')!)).text()
    expect(review).toContain('Geïmporteerd: 9 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 buiten de periode.')
    expect(idsOnReview(review)).toHaveLength(9)
    expect(
      review.match(
        /<span class="badge badge-private">Privé<\/span> <span class="badge badge-imported">Geïmporteerd<\/span>/g,
      ),
    ).toHaveLength(9)
  })

  it('publishes the chosen appointments in bulk with a kind, an organisation and themes', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    const location = (await upload(admin, fixture('outlook-2016.ics'))).headers.get('location')!
    const [first, second] = idsOnReview(await (await admin.get(location)).text())
    const res = await admin.submit(location, '/admin/import/review', {
      from: '2015-03-01',
      to: '2015-06-30',
      id: [first!, second!],
      visibility: 'public',
      kind: 'advice',
      cpName: 'Gemeente Enschede',
      cpType: 'gemeente',
      themes: 'zelfsturing',
    })
    expect(res.status).toBe(303)
    const review = await (await admin.get(res.headers.get('location')!)).text()
    expect(review).toContain('2 afspraken bijgewerkt.')
    expect(idsOnReview(review)).toHaveLength(7)
    const published = (await (await admin.app.request('/api/entries?from=2015-03-01&to=2015-06-30')).json()) as {
      items: { title: string; kind: string; counterparts: object[]; themes: string[] }[]
    }
    expect(published.items).toHaveLength(2)
    expect(published.items[0]).toMatchObject({
      kind: 'advice',
      counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
      themes: ['zelfsturing'],
    })
  })

  it('states the 4 MB limit on the form, and refuses a bigger file with 413 without importing anything', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    const page = await (await admin.get('/admin/import')).text()
    expect(page).toContain('Hoogstens 4 MB. Is het bestand groter, exporteer dan een kortere periode')
    const form = new FormData()
    form.append('_csrf', csrfIn(page))
    form.append('calendar', new File([paddedTo(fixture('outlook-2016.ics'), 4_200_000)], 'agenda.ics'))
    form.append('from', '2015-03-01')
    form.append('to', '2015-06-30')
    // As a browser sends it: the whole multipart body, with its length.
    const encoded = new Response(form)
    const body = new Uint8Array(await encoded.arrayBuffer())
    const res = await admin.request('POST', '/admin/import', body, {
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(body.byteLength),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await res.json()).detail).toMatch(/^The body is larger than 4 MB, the most an import can be; nothing was/)
    expect(await allEntries(admin)).toEqual([])
  })

  it('asks to choose appointments first, and for the type of a new organisation', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    const location = (await upload(admin, fixture('google-calendar.ics'))).headers.get('location')!
    const none = await admin.submit(location, '/admin/import/review', {
      from: '2015-03-01',
      to: '2015-06-30',
      visibility: 'public',
    })
    expect(none.status).toBe(400)
    expect(await none.text()).toContain('<a href="#f-ids">Kies eerst een of meer afspraken.</a>')
    const [id] = idsOnReview(await (await admin.get(location)).text())
    const untyped = await admin.submit(location, '/admin/import/review', {
      from: '2015-03-01',
      to: '2015-06-30',
      id: id!,
      visibility: 'keep',
      cpName: 'Waterschap Vechtstromen',
    })
    expect(untyped.status).toBe(400)
    expect(await untyped.text()).toContain('kies de soort organisatie')
    expect((await allEntries(admin)).every((e) => e.visibility === 'private' && e.counterparts.length === 0)).toBe(true)
  })

  it('refuses a malformed file with the line and reason and imports nothing', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    const res = await upload(admin, fixture('malformed-date.ics'))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(
      'Regel 12: DTSTART &quot;2015-03-17 10:00&quot; is not a date (20150316) ' +
        'or a date and time (20150316T100000, …Z for UTC). Er is niets geïmporteerd',
    )
    expect(await allEntries(admin)).toEqual([])
  })

  it('updates instead of duplicating when the same file is imported again', async () => {
    const admin = await adminTest({ now: () => NOW })
    await admin.signIn()
    await upload(admin, fixture('apple-calendar.ics'))
    const again = await upload(admin, fixture('apple-calendar.ics'))
    expect(await (await admin.get(again.headers.get('location')!)).text()).toContain(
      'Geïmporteerd: 0 nieuw, 0 bijgewerkt, 6 ongewijzigd, 0 buiten de periode.',
    )
    expect(await allEntries(admin)).toHaveLength(6)
  })
})
