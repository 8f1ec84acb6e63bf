import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_IMPORTED_EVENTS } from '../../functions/core/calendar/index.js'
import { MAX_UPLOAD_BYTES } from '../../functions/api/api-app.js'
import { largestAllowedFile, paddedTo } from '../support/calendar-files.js'
import { startServer } from '../support/local-server.js'
import { ownerToken, testApi, testDb } from '../support/test-db.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8')
const SPRING = '?from=2015-03-01&to=2015-06-30'
const ics = { 'Content-Type': 'text/calendar; charset=utf-8' }

async function importApi() {
  const api = await testApi({ now: () => new Date('2015-03-18T12:00:00Z') })
  const importFile = (source: string, query = SPRING, headers: Record<string, string> = {}) =>
    api.send('POST', `/api/import/ics${query}`, source, { ...ics, ...headers })
  const ownerEntries = async () =>
    (await (await api.get('/api/entries?from=2015-01-01&to=2015-12-31&limit=200', api.auth)).json()).items as {
      id: string
      title: string
      visibility: string
      version: number
      start: string
    }[]
  return { ...api, importFile, ownerEntries }
}

describe('POST /api/import/ics', () => {
  it('imports an Outlook export as private entries that the public cannot see', async () => {
    const api = await importApi()
    const res = await api.importFile(fixture('outlook-2016.ics'))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      created: 9,
      updated: 0,
      unchanged: 0,
      outsideRange: 0,
      range: { from: '2015-03-01', to: '2015-06-30' },
      calendarName: 'Agenda',
    })
    const entries = await api.ownerEntries()
    expect(entries).toHaveLength(9)
    expect(new Set(entries.map((e) => e.visibility))).toEqual(new Set(['private']))
    expect((await (await api.get('/api/entries?from=2015-01-01&to=2015-12-31')).json()).items).toEqual([])
  })

  it('updates by UID on a second import instead of duplicating, and changes nothing when nothing changed', async () => {
    const api = await importApi()
    await api.importFile(fixture('google-calendar.ics'))
    const first = await api.ownerEntries()
    const again = await (await api.importFile(fixture('google-calendar.ics'))).json()
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8 })
    expect(await api.ownerEntries()).toEqual(first)

    const moved = fixture('google-calendar.ics')
      .replace('DTSTART:20150318T130000Z', 'DTSTART:20150318T120000Z')
      .replace('DTEND:20150318T134500Z', 'DTEND:20150318T124500Z')
    const third = await (await api.importFile(moved)).json()
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 7 })
    const after = await api.ownerEntries()
    expect(after.map((e) => e.id).sort()).toEqual(first.map((e) => e.id).sort())
    const interview = after.find((e) => e.title.startsWith('Interview NOS'))!
    expect(interview).toMatchObject({ start: '2015-03-18T13:00:00+01:00', version: 2 })
  })

  it("keeps the servant's published wording when the calendar changes the subject later", async () => {
    const api = await importApi()
    await api.importFile(fixture('google-calendar.ics'))
    const interview = (await api.ownerEntries()).find((e) => e.title.startsWith('Interview NOS'))!
    const published = await api.send(
      'PATCH',
      `/api/entries/${interview.id}`,
      { visibility: 'public', kind: 'media', title: 'Interview over de Wet open overheid' },
      { 'If-Match': '"1"' },
    )
    expect(published.status).toBe(200)
    const renamed = fixture('google-calendar.ics').replace(
      'SUMMARY:Interview NOS Radio 1 over openbaarheid',
      'SUMMARY:NOS interview (bevestigd)',
    )
    expect(await (await api.importFile(renamed)).json()).toMatchObject({ updated: 0, unchanged: 8 })
    const view = await (await api.get(`/api/entries/${interview.id}`)).json()
    expect(view).toMatchObject({ title: 'Interview over de Wet open overheid', kind: 'media', visibility: 'public' })
  })

  it('refuses a malformed file with its line and reason, and leaves the journal exactly as it was', async () => {
    const api = await importApi()
    await api.importFile(fixture('apple-calendar.ics'))
    const before = await (await api.get('/api/export', api.auth)).json()
    const open = fixture('google-calendar.ics').replace(/END:VCALENDAR\r\n$/, '')
    const malformed = ['BEGIN:VEVENT', 'UID:x', 'DTSTART;TZID=Europe/Amsterdam:2015-03-17 10:00', 'END:VEVENT']
    const broken = `${open}${malformed.join('\r\n')}\r\nEND:VCALENDAR\r\n`
    const res = await api.importFile(broken)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const problem = await res.json()
    const line = broken.split('\r\n').findIndex((l) => l.includes('2015-03-17 10:00')) + 1
    expect(problem.detail).toMatch(
      new RegExp(`line ${line}: DTSTART "2015-03-17 10:00" is not a date.*Nothing was imported`),
    )
    expect(problem.errors).toEqual([{ field: `line ${line}`, reason: expect.stringMatching(/is not a date/) }])
    const after = await (await api.get('/api/export', api.auth)).json()
    expect({ ...after, exportedAt: undefined }).toEqual({ ...before, exportedAt: undefined })
  })

  it('reports what an import would do without writing when dryRun=true', async () => {
    const api = await importApi()
    const res = await (await api.importFile(fixture('apple-calendar.ics'), `${SPRING}&dryRun=true`)).json()
    expect(res).toMatchObject({ created: 6, dryRun: true })
    expect(await api.ownerEntries()).toEqual([])
  })

  it('streams progress lines and then the result when asked for application/x-ndjson', async () => {
    const api = await importApi()
    const res = await api.importFile(fixture('outlook-2016.ics'), SPRING, { Accept: 'application/x-ndjson' })
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/)
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines[0]).toEqual({ type: 'progress', done: 0, total: 9 })
    expect(lines.filter((l) => l.type === 'progress').at(-1)).toEqual({ type: 'progress', done: 9, total: 9 })
    expect(lines.at(-1)).toMatchObject({ type: 'result', created: 9 })
  })

  it.each([
    ['without the owner token', { Authorization: '' }, 401],
    ['sent as JSON', { 'Content-Type': 'application/json' }, 415],
  ])('refuses a file %s', async (_, headers, status) => {
    const api = await importApi()
    const res = await api.importFile(fixture('apple-calendar.ics'), SPRING, headers)
    expect(res.status).toBe(status)
    expect(await api.ownerEntries()).toEqual([])
  })

  it('refuses a range that ends before it starts, naming the field', async () => {
    const api = await importApi()
    const res = await api.importFile(fixture('apple-calendar.ics'), '?from=2015-06-30&to=2015-03-01')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field: 'to', reason: 'must be on or after from (2015-06-30)' }])
  })
})

describe('POST /api/import/ics: how big a calendar may be', () => {
  it('refuses a file over 4 MB with 413, saying the limit and what to do, and imports nothing', async () => {
    const api = await importApi()
    const tooBig = paddedTo(fixture('outlook-2016.ics'), 4_200_000)
    const res = await api.importFile(tooBig, SPRING, { 'Content-Length': String(Buffer.byteLength(tooBig)) })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await res.json()).detail).toBe(
      'The body is larger than 4 MB, the most an import can be; nothing was imported. ' +
        'Export a shorter date range from your calendar and import it in parts.',
    )
    expect(await api.ownerEntries()).toEqual([])
  })

  it("allows only what fits Lambda's 6 MiB event once API Gateway base64-encodes it beside 10 KiB of headers", () => {
    const LAMBDA_REQUEST_LIMIT = 6_291_456
    const event = (bodyBytes: number) =>
      JSON.stringify({
        version: '2.0',
        routeKey: 'ANY /admin/{proxy+}',
        rawPath: '/admin/import',
        rawQueryString: '',
        cookies: [`oaj_session=${'s'.repeat(300)}`, 'oaj_lang=nl'],
        // An HTTP API accepts request lines and headers up to 10 KiB.
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-filler': 'h'.repeat(10_240) },
        requestContext: {
          accountId: '123456789012',
          apiId: 'abc123',
          domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
          domainPrefix: 'abc123',
          http: {
            method: 'POST',
            path: '/admin/import',
            protocol: 'HTTP/1.1',
            sourceIp: '192.0.2.1',
            userAgent: 'u'.repeat(512),
          },
          requestId: 'JKJaXmPLvHcESHA=',
          routeKey: 'ANY /admin/{proxy+}',
          stage: '$default',
          time: '16/Mar/2015:09:00:00 +0000',
          timeEpoch: 1426496400000,
        },
        pathParameters: { proxy: 'import' },
        body: Buffer.alloc(bodyBytes, 0xa5).toString('base64'),
        isBase64Encoded: true,
      }).length
    expect(event(MAX_UPLOAD_BYTES)).toBeLessThanOrEqual(LAMBDA_REQUEST_LIMIT)
    expect(event(5 * 1024 * 1024)).toBeGreaterThan(LAMBDA_REQUEST_LIMIT) // the limit before: API Gateway's 500
  })
})

describe('POST /api/import/ics on a running server', () => {
  it('answers /api/health while it reads the largest calendar file the limits allow', async () => {
    const db = await testDb()
    const auth = { Authorization: `Bearer ${(await ownerToken(db)).secret}` }
    const server = await startServer(db)
    try {
      const answered: string[] = []
      const importing = fetch(`${server.url}/api/import/ics?from=2026-01-01&to=2026-12-31&dryRun=true`, {
        method: 'POST',
        headers: { ...auth, ...ics },
        body: largestAllowedFile(),
      }).then(async (res) => {
        answered.push('import')
        return { status: res.status, body: await res.json() }
      })
      const health = fetch(`${server.url}/api/health`).then((res) => {
        answered.push('health')
        return res.status
      })
      expect(await health).toBe(200)
      expect(await importing).toMatchObject({ status: 200, body: { created: MAX_IMPORTED_EVENTS - 100, dryRun: true } })
      expect(answered).toEqual(['health', 'import'])
    } finally {
      await server.close()
    }
  })
})
