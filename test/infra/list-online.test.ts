import { describe, expect, it } from 'vitest'
import { listOnline, sectionsOf } from '../../infra/publish/list-online.js'

/** A bucket listing as `aws s3api list-objects-v2` gives it, with or without a delimiter. */
function bucket(keys: string[]) {
  const calls: string[] = []
  const list = (prefix: string, delimiter: boolean) => {
    calls.push(`${prefix}${delimiter ? ' /' : ''}`)
    const under = keys.filter((key) => key.startsWith(prefix))
    if (!delimiter) return { files: under.map((key): [string, string] => [key, `"etag-${key}"`]), folders: [] }
    const files = under.filter((key) => !key.slice(prefix.length).includes('/'))
    const folders = [...new Set(under.filter((k) => !files.includes(k)).map((k) => `${k.split('/')[0]}/`))]
    return { files: files.map((key): [string, string] => [key, `"etag-${key}"`]), folders }
  }
  return { list, calls }
}

const ONLINE = ['index.html', 'week/2015-W12/index.html', 'bram/index.html', 'bram/_astro/a.css', 'wouter/index.html']

describe('what is online of the part a build publishes', () => {
  it("lists a section's own folder, keys relative to it", () => {
    const { list, calls } = bucket(ONLINE)
    expect(listOnline('bram/', new Set(['bram', 'wouter']), list).map(([key]) => key)).toEqual([
      'index.html',
      '_astro/a.css',
    ])
    expect(calls).toEqual(['bram/'])
  })

  it("lists the root without the sections, so the root's upload never deletes a section", () => {
    const { list, calls } = bucket(ONLINE)
    expect(listOnline('', new Set(['bram', 'wouter']), list).map(([key]) => key)).toEqual([
      'index.html',
      'week/2015-W12/index.html',
    ])
    expect(calls).toEqual([' /', 'week/'])
  })

  it("takes the sections from an organisation's snapshot, and none from a journal's", () => {
    const organisation = { format: 'open-agenda-journal/organisation-snapshot', servants: [{ person: 'bram' }] }
    expect(sectionsOf(JSON.stringify(organisation))).toEqual(new Set(['bram']))
    expect(sectionsOf(JSON.stringify({ format: 'open-agenda-journal/public-snapshot' }))).toEqual(new Set())
  })
})
