import { describe, expect, it } from 'vitest'
import { getEntry, listEntries } from '../../functions/store/index.js'
import { PERSON } from '../support/test-db.js'
import { adminTest, type AdminTest } from './admin-client.js'

const NOW = new Date('2015-03-16T12:07:00Z')

/** A filled-in "log an appointment" form; override what the test is about. */
const logForm = (overrides: Record<string, string> = {}) => ({
  title: 'Advies over zelfsturende teams',
  date: '2015-03-16',
  startTime: '10:00',
  endTime: '11:30',
  kind: 'advice',
  cp0name: 'Gemeente Enschede',
  cp0type: 'gemeente',
  themes: 'zelfsturing, organisatie',
  location: 'Enschede',
  visibility: 'public',
  status: 'held',
  ...overrides,
})

async function signedIn(): Promise<AdminTest> {
  const admin = await adminTest({ now: () => NOW })
  await admin.signIn()
  return admin
}

const entriesOf = async (admin: AdminTest) => (await listEntries(admin.db, PERSON, { limit: 50 })).items

describe('log an appointment', () => {
  it('saves the entry and shows it in the public API at once', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin', '/admin/entries', logForm())
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/admin\/entries\/[0-9A-Z]{26}\?done=created$/)
    const publicList = (await (await admin.app.request('/api/entries?from=2015-03-16&to=2015-03-16')).json()) as {
      items: object[]
    }
    expect(publicList.items).toEqual([
      expect.objectContaining({
        title: 'Advies over zelfsturende teams',
        kind: 'advice',
        start: '2015-03-16T10:00:00+01:00',
        end: '2015-03-16T11:30:00+01:00',
        counterparts: [{ name: 'Gemeente Enschede', type: 'gemeente' }],
        themes: ['zelfsturing', 'organisatie'],
        location: 'Enschede',
      }),
    ])
    const page = await (await admin.get(res.headers.get('location')!)).text()
    expect(page).toContain('Afspraak opgeslagen.')
    expect(page).toContain('<span class="badge badge-public">Openbaar</span>')
  })

  it('marks an appointment planned until it starts, then held, unless the servant chose a status', async () => {
    const admin = await signedIn()
    expect(await (await admin.get('/admin')).text()).toContain(
      '<option value="" selected="">Vanzelf: gepland tot het begint, dan gehouden</option>',
    )
    const statusAfter = async (form: Record<string, string>) => {
      const res = await admin.submit('/admin', '/admin/entries', logForm({ status: '', ...form }))
      return (await getEntry(admin.db, PERSON, res.headers.get('location')!.split('/')[3]!.split('?')[0]!))?.status
    }
    expect(await statusAfter({ date: '2015-03-17' })).toBe('planned')
    expect(await statusAfter({ date: '2015-03-16', startTime: '10:00' })).toBe('held')
    expect(await statusAfter({ date: '2015-03-17', status: 'cancelled' })).toBe('cancelled')
  })

  it('starts at today and now (to the quarter hour) and remembers the last kind and themes', async () => {
    const admin = await signedIn()
    const empty = await (await admin.get('/admin')).text()
    expect(empty).toContain('name="date" type="date" value="2015-03-16"')
    expect(empty).toContain('name="startTime" type="time" value="13:00"')
    await admin.submit('/admin', '/admin/entries', logForm({ kind: 'lecture', themes: 'open overheid' }))
    const next = await (await admin.get('/admin')).text()
    expect(next).toContain('<option value="lecture" selected="">Lezing</option>')
    expect(next).toContain('name="themes" type="text" value="open overheid"')
  })

  it('suggests organisations named before, with their type, and reuses that type when none is chosen', async () => {
    const admin = await signedIn()
    await admin.submit('/admin', '/admin/entries', logForm())
    const form = await (await admin.get('/admin')).text()
    expect(form).toContain(
      '<datalist id="known-organisations">' +
        '<option value="Gemeente Enschede">Gemeente Enschede (gemeente)</option></datalist>',
    )
    const res = await admin.submit(
      '/admin',
      '/admin/entries',
      logForm({ title: 'Vervolgoverleg over zelfsturing', cp0name: 'gemeente enschede', cp0type: '' }),
    )
    expect(res.status).toBe(303)
    const entry = await getEntry(admin.db, PERSON, res.headers.get('location')!.split('/')[3]!.split('?')[0]!)
    expect(entry?.counterparts).toEqual([{ name: 'gemeente enschede', type: 'gemeente' }])
  })

  it('asks for the type of an organisation it does not know yet, beside that field', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin', '/admin/entries', logForm({ cp0name: 'Stichting Nieuw', cp0type: '' }))
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<a href="#f-cp0type">kies de soort organisatie: deze organisatie is nieuw</a>')
    expect(html).toMatch(/id="f-cp0type" name="cp0type" aria-describedby="f-cp0type-error" aria-invalid="true"/)
    expect(await entriesOf(admin)).toEqual([])
  })

  it('nudges toward a subject and a counterpart, and saves anyway only when asked', async () => {
    const admin = await signedIn()
    const vague = logForm({ title: 'Overleg', cp0name: '', cp0type: '' })
    const nudged = await admin.submit('/admin', '/admin/entries', vague)
    expect(nudged.status).toBe(200)
    const html = await nudged.text()
    expect(html).toContain('Maak de afspraak betekenisvol')
    expect(html).toContain('Het onderwerp zegt nog weinig')
    expect(html).toContain('Er staat geen organisatie bij')
    expect(await entriesOf(admin)).toEqual([])
    const saved = await admin.submit('/admin', '/admin/entries', { ...vague, confirmed: '1' })
    expect(saved.status).toBe(303)
    expect(await entriesOf(admin)).toHaveLength(1)
  })

  it('does not nudge a private entry: nobody reads it', async () => {
    const admin = await signedIn()
    const res = await admin.submit(
      '/admin',
      '/admin/entries',
      logForm({ title: 'Overleg', cp0name: '', visibility: 'private' }),
    )
    expect(res.status).toBe(303)
  })

  it('shows what is wrong beside each field and keeps what was typed', async () => {
    const admin = await signedIn()
    const res = await admin.submit('/admin', '/admin/entries', logForm({ endTime: '09:00' }))
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<h2 id="error-summary-title">Controleer deze velden</h2>')
    expect(html).toContain('<li><a href="#f-endTime">moet na het begin liggen</a></li>')
    expect(html).toContain('<p class="error" id="f-endTime-error">moet na het begin liggen</p>')
    expect(html).toContain('name="location" type="text" value="Enschede"')
    const untitled = await (await admin.submit('/admin', '/admin/entries', logForm({ title: ' ' }))).text()
    expect(untitled).toContain('<p class="error" id="f-title-error">mag niet leeg zijn</p>')
    expect(await entriesOf(admin)).toEqual([])
  })
})

describe('edit, withdraw and history', () => {
  async function withEntry() {
    const admin = await signedIn()
    const res = await admin.submit('/admin', '/admin/entries', logForm())
    const id = res.headers.get('location')!.split('/')[3]!.split('?')[0]!
    return { admin, id, path: `/admin/entries/${id}` }
  }

  it('saves an edit with a public reason and shows it in the history', async () => {
    const { admin, id, path } = await withEntry()
    const res = await admin.submit(path, path, {
      ...logForm({ startTime: '14:00', endTime: '15:00' }),
      version: '1',
      changeReason: 'verzet op verzoek van de gemeente',
    })
    expect(res.status).toBe(303)
    expect((await getEntry(admin.db, PERSON, id))!).toMatchObject({ start: '2015-03-16T14:00:00+01:00', version: 2 })
    const html = await (await admin.get(path)).text()
    expect(html).toMatch(
      new RegExp(
        /<li>v2 · 16 mrt 2015 13:07 · gewijzigd door tok-[\w-]+ · “verzet op verzoek van de gemeente”/.source +
          /<span class="muted"> · gewijzigd: Begin, Einde<\/span><\/li>/.source,
      ),
    )
  })

  it('shows what changed instead of overwriting when someone else edited the entry meanwhile', async () => {
    const { admin, id, path } = await withEntry()
    const api = await admin.app.request(`/api/entries/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ title: 'Advies over zelfsturing (door de API)' }),
      headers: { 'Content-Type': 'application/json', 'If-Match': '"1"', Authorization: `Bearer ${admin.secret}` },
    })
    expect(api.status).toBe(200)
    const res = await admin.submit(path, path, { ...logForm({ location: 'Hengelo' }), version: '1' })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('Iemand anders heeft dit intussen gewijzigd')
    expect(html).toContain(
      '<th scope="row">Onderwerp</th><td>Advies over zelfsturende teams</td>' +
        '<td>Advies over zelfsturing (door de API)</td>',
    )
    expect(html).toContain('name="location" type="text" value="Hengelo"')
    expect(html).toContain('name="version" value="2"')
    expect((await getEntry(admin.db, PERSON, id))!).toMatchObject({
      title: 'Advies over zelfsturing (door de API)',
      location: 'Enschede',
      version: 2,
    })
  })

  it('withdraws with a public reason, and asks for one first', async () => {
    const { admin, id, path } = await withEntry()
    const without = await admin.submit(path, `${path}/withdraw`, { version: '1', reason: '' })
    expect(without.status).toBe(400)
    expect(await without.text()).toContain('<p class="error" id="f-reason-error">is verplicht</p>')
    const res = await admin.submit(path, `${path}/withdraw`, { version: '1', reason: 'Dubbel ingevoerd' })
    expect(res.status).toBe(303)
    expect((await getEntry(admin.db, PERSON, id))!.withdrawn).toMatchObject({ reason: 'Dubbel ingevoerd' })
    const html = await (await admin.get(path)).text()
    expect(html).toContain('<span class="badge badge-withdrawn">Ingetrokken</span>')
    expect(html).toContain('Ingetrokken op 16 mrt 2015 13:07: Dubbel ingevoerd')
  })

  it('lists entries newest first with their visibility badge, and by ISO week', async () => {
    const admin = await signedIn()
    await admin.submit(
      '/admin',
      '/admin/entries',
      logForm({ title: 'Interne voorbereiding lezing', visibility: 'private' }),
    )
    await admin.submit('/admin', '/admin/entries', logForm({ title: 'Lezing open overheid', date: '2015-03-24' }))
    const all = await (await admin.get('/admin/entries')).text()
    expect(all.indexOf('Lezing open overheid')).toBeLessThan(all.indexOf('Interne voorbereiding lezing'))
    expect(all).toMatch(/Interne voorbereiding lezing<\/a> <span class="badge badge-private">Privé<\/span>/)
    const week = await (await admin.get('/admin/entries?week=2015-W12')).text()
    expect(week).toContain('Interne voorbereiding lezing')
    expect(week).not.toContain('Lezing open overheid')
  })
})
