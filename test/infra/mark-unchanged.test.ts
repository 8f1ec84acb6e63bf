import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { markUnchanged, parseListing } from '../../infra/publish/mark-unchanged.js'

const md5 = (text: string) => createHash('md5').update(text).digest('hex')
let dir: string

function site(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'journal-dist-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}
const isMarked = (path: string) => statSync(join(dir, path)).mtimeMs === 0

afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('uploading only what changed', () => {
  it('marks files whose content is already online, by MD5 against the S3 ETag, and leaves the rest to upload', () => {
    site({
      'index.html': '<h1>Agenda</h1>',
      'week/2015-W12/index.html': '<p>10:00</p>',
      'agenda.ics': 'BEGIN:VCALENDAR',
      'new.html': 'new',
    })
    const online = parseListing(
      JSON.stringify([
        ['index.html', `"${md5('<h1>Agenda</h1>')}"`],
        // Same size, different content: a moved appointment must still be uploaded.
        ['week/2015-W12/index.html', `"${md5('<p>11:00</p>')}"`],
        ['agenda.ics', `"${md5('BEGIN:VCALENDAR')}"`],
        ['removed.html', `"${md5('gone')}"`],
      ]),
    )
    expect(markUnchanged(dir, online)).toEqual({ unchanged: 2, changed: 2 })
    expect(['index.html', 'agenda.ics'].every(isMarked)).toBe(true)
    expect(['week/2015-W12/index.html', 'new.html'].some(isMarked)).toBe(false)
  })

  it('uploads everything to an empty bucket, and everything uploaded in parts (ETag with a part count)', () => {
    site({ 'index.html': 'x', 'big.json': '{}' })
    expect(markUnchanged(dir, parseListing('null'))).toEqual({ unchanged: 0, changed: 2 })
    expect(markUnchanged(dir, parseListing(JSON.stringify([['big.json', `"${md5('{}')}-2"`]])))).toEqual({
      unchanged: 0,
      changed: 2,
    })
  })
})
