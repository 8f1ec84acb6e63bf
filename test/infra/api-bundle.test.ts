import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { entryInput, testDb } from '../support/test-db.js'
import { httpApiEvent } from './support/http-api-event.js'
import { seedOrganisation } from './support/organisation.js'
import { bundleDir, invokeBundleWarm } from './support/run-bundle.js'
import { journal } from './support/synth-journal.js'

type Result = { statusCode: number; headers: Record<string, string>; body: string }

/**
 * The API function as Lambda runs it, for an organisation: its bundle from the synthesised
 * assembly, the template's variables, DynamoDB Local, and HTTP API requests. The servant comes
 * from the token (writes) or the path (public reads), not from the deployment.
 */
describe('the API bundle serves every servant of an organisation', () => {
  it("writes with a servant's token to their journal, reads it publicly by path, refuses another's edit", async () => {
    const db = await testDb()
    const tokens = await seedOrganisation(db, ['bram', 'wouter'])
    const bearer = (person: string) => ({ authorization: `Bearer ${tokens[person]}` })
    const dir = bundleDir(journal(), journal().stacks.api.handler)
    const env = {
      JOURNAL_DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      JOURNAL_TABLE: db.table,
      JOURNAL_PERSON: 'demo',
    }

    const created = await invokeBundleWarm(
      dir,
      [
        httpApiEvent('POST', '/api/entries', {
          headers: bearer('bram'),
          body: entryInput({ title: 'Overleg Utrecht' }),
        }),
      ],
      env,
    )
    const write = created.results[0] as Result
    expect(write.statusCode).toBe(201)
    const entry = JSON.parse(write.body) as { id: string }

    const { results } = await invokeBundleWarm(
      dir,
      [
        httpApiEvent('PATCH', `/api/entries/${entry.id}`, {
          headers: { ...bearer('wouter'), 'if-match': '"1"' },
          body: { title: 'Overgenomen door Wouter' },
        }),
        httpApiEvent('GET', '/api/people/bram/entries', { query: 'from=2015-03-01&to=2015-03-31' }),
        httpApiEvent('GET', '/api/people/wouter/entries', { query: 'from=2015-03-01&to=2015-03-31' }),
      ],
      env,
    )
    // The refused edit comes first: Bram's entry is read afterwards, unchanged.
    const [edit, brams, wouters] = results as Result[]
    expect(JSON.parse(brams!.body).items.map((e: { title: string }) => e.title)).toEqual(['Overleg Utrecht'])
    expect(JSON.parse(wouters!.body).items).toEqual([])
    expect(edit!.statusCode).toBe(404)
    expect(edit!.headers['content-type']).toContain('application/problem+json')
  }, 120_000) // synthesis bundles every function first: tens of seconds on a busy machine
})

describe('the API bundle as CDK builds it', () => {
  it('takes its credentials from the environment only: no profile, SSO or web-identity source is in it', () => {
    const code = readFileSync(join(bundleDir(journal(), journal().stacks.api.handler), 'index.mjs'), 'utf8')
    // Names only the default chain's other sources read (present in a bundle of the chain, 135 KB).
    for (const name of ['sso_start_url', 'credential_process', 'AWS_WEB_IDENTITY_TOKEN_FILE'])
      expect(code).not.toContain(name)
  })
})
