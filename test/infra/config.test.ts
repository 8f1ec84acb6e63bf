import { App } from 'aws-cdk-lib'
import { describe, expect, it } from 'vitest'
import { cdkJsonContext } from '../../infra/cdk-context.js'
import { ConfigError, DEFAULT_CONFIG, loadConfig, resolveConfig } from '../../infra/config.js'

const DOMAIN = {
  siteDomain: 'agenda.example.nl',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0d3c2b1a-1111-2222-3333-444455556666',
}
const MANY_HOSTS = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`agenda.servant-${i}.nl`, `servant-${i}`]))
const fromContext = (context: Record<string, unknown>) => loadConfig(new App({ context }).node)

describe('the deployment configuration', () => {
  it('needs nothing: the defaults serve the demo journal and publish digests at once', () => {
    expect(fromContext({})).toEqual(DEFAULT_CONFIG)
    expect(DEFAULT_CONFIG).toMatchObject({ person: 'demo', digestMode: 'publish' })
    expect(fromContext(cdkJsonContext())).toEqual(DEFAULT_CONFIG)
  })

  it('reads the journal object of cdk.json, and -c journal:key=value over it', () => {
    const config = fromContext({
      journal: { person: 'jansen', apiThrottle: { rateLimit: 10 } },
      'journal:person': 'de-vries',
      'journal:digestMode': 'draft',
      'journal:logRetentionDays': '365',
      'journal:region': 'eu-west-1',
    })
    expect(config).toMatchObject({
      person: 'de-vries',
      digestMode: 'draft',
      logRetentionDays: 365,
      apiThrottle: { rateLimit: 10, burstLimit: 100 },
      env: { region: 'eu-west-1' },
    })
  })

  it.each([
    [{ person: 'Jan Jansen' }, /person "Jan Jansen" must be lower-case/],
    [{ siteDomain: 'https://agenda.example.nl' }, /siteDomain .* without https/],
    [{ siteDomain: 'agenda.example.nl' }, /siteDomain and certificateArn go together/],
    [
      { siteDomain: 'agenda.example.nl', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc' },
      /us-east-1/,
    ],
    [{ alarmEmail: 'ops' }, /alarmEmail "ops" is not an e-mail address/],
    [{ digestMode: 'auto' as never }, /digestMode: must be "publish" or "draft"/],
    [{ logRetentionDays: 42 }, /logRetentionDays must be one of/],
    [{ stackPrefix: 'journal' }, /stackPrefix "journal" must start with a capital letter/],
    [{ publishConcurrency: 1 }, /publishConcurrency "1" must be a whole number from 2 to 15/],
    // Each build invalidates its folder with a wildcard; CloudFront takes 15 of those at a time.
    [{ publishConcurrency: 20 }, /publishConcurrency "20" .* 15 wildcard invalidations/],
    [{ ...DOMAIN, servantDomain: '*.agenda.example.nl' }, /servantDomain "\*.agenda.example.nl" must be a host name/],
    [{ servantDomain: 'agenda.example.nl' }, /servantDomain and servantHostNames need siteDomain and certificateArn/],
    [{ ...DOMAIN, servantHostNames: { 'https://jansen.nl': 'jansen' } }, /"https:\/\/jansen.nl" must be a host name/],
    [{ ...DOMAIN, servantHostNames: { 'agenda.example.nl': 'jansen' } }, /"agenda.example.nl" is the siteDomain/],
    [{ ...DOMAIN, servantHostNames: { 'agenda.jansen.nl': 'Jansen' } }, /"Jansen", must start with a letter/],
    [{ ...DOMAIN, servantHostNames: { 'agenda.jansen.nl': 'agenda' } }, /"agenda" is a page of the site already/],
    [{ ...DOMAIN, servantHostNames: ['agenda.jansen.nl'] as never }, /servantHostNames must be an object/],
    [
      { ...DOMAIN, servantHostNames: { 'agenda.jansen.nl': 5 as never } },
      /must be their slug in quotes, e.g. "jansen"/,
    ],
    [
      { ...DOMAIN, servantDomain: 'agenda.example.nl', servantHostNames: { 'wouter.agenda.example.nl': 'jansen' } },
      /"wouter.agenda.example.nl" lies under servantDomain, where it is the address of the servant "wouter"/,
    ],
    [
      { ...DOMAIN, servantHostNames: MANY_HOSTS },
      /300 host names make the edge function \d+ bytes, over CloudFront's 10240/,
    ],
  ])('refuses %j with a message that says what to fix', (overrides, message) => {
    expect(() => resolveConfig(overrides)).toThrow(ConfigError)
    expect(() => resolveConfig(overrides)).toThrow(message)
  })

  it('takes as many builds at once as CloudFront can invalidate folders for', () => {
    expect(resolveConfig({ publishConcurrency: 15 }).publishConcurrency).toBe(15)
  })

  it('serves servants at their own host names: under the servant domain, or one by one', () => {
    const hosts = { 'agenda.jansen.nl': 'jansen', 'bram.example.org': 'bram' }
    expect(
      fromContext({ journal: { ...DOMAIN, servantDomain: 'agenda.example.nl', servantHostNames: hosts } }),
    ).toMatchObject({ servantDomain: 'agenda.example.nl', servantHostNames: hosts })
    // On the command line the host names come as JSON.
    expect(fromContext({ journal: DOMAIN, 'journal:servantHostNames': JSON.stringify(hosts) })).toMatchObject({
      servantHostNames: hosts,
    })
    expect(() => fromContext({ journal: DOMAIN, 'journal:servantHostNames': 'agenda.jansen.nl=jansen' })).toThrow(
      /servantHostNames must be a JSON object of host name to servant, e.g. '\{"agenda.jansen.nl":"jansen"\}'/,
    )
  })

  it.each([
    ['-c journal:timezone', { 'journal:timezone': 'Europe/Brussels' }],
    ['the journal object of cdk.json', { journal: { person: 'jansen', timezone: 'Europe/Amsterdam' } }],
  ])("refuses a time zone set in %s: each servant's digest follows the zone in their profile", (_, context) => {
    expect(() => fromContext(context)).toThrow(ConfigError)
    expect(() => fromContext(context)).toThrow(
      /timezone is no longer a setting: each servant's weekly digest now follows the time zone in their profile/,
    )
    expect(() => fromContext(context)).toThrow(/Remove "timezone"/)
  })
})
