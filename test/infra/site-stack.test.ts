import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../infra/site/security-headers.js'
import { FEED_PATH_PATTERNS } from '../../infra/site/site-files.js'
import { viewerRequestFunction } from '../../infra/site/servant-hosts.js'
import { resolveConfig } from '../../infra/config.js'
import { SiteStack } from '../../infra/stacks/site-stack.js'
import { CONFIGURED, logicalId, synthStack } from './support/synth-journal.js'
import { buildPublicSnapshot, FEED_PATHS, timelineFiles } from '../../functions/core/publishing/index.js'
import { JournalBuilder } from '../support/journal-fixtures.js'

const byDefault = synthStack((app) => new SiteStack(app, 'Journal-Site', { config: resolveConfig() }))
const withDomain = synthStack((app) => new SiteStack(app, 'JournalJansen-Site', { config: resolveConfig(CONFIGURED) }))

const site = () => byDefault.template
const distributionConfig = (synthesized = byDefault) =>
  Object.values(synthesized.template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig
/** The managed CachingOptimized policy: a year at the edge, for files that never change under their name. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6'
const headersPolicy = (id: string) =>
  site().findResources('AWS::CloudFront::ResponseHeadersPolicy')[id]!.Properties.ResponseHeadersPolicyConfig

describe('site stack: the bucket', () => {
  it('blocks every kind of public access, encrypts, and owns its objects without ACLs', () => {
    site().hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    })
  })

  it('refuses requests without TLS 1.2 and lets only this distribution read objects', () => {
    const stack = byDefault.stack
    site().hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.bucket) },
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: {
              StringEquals: {
                'AWS:SourceArn': Match.objectLike({
                  'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: logicalId(stack.distribution) }])]),
                }),
              },
            },
          }),
        ],
      },
    })
  })
})

describe('site stack: CloudFront', () => {
  it('reads the bucket through an origin access control that signs every request', () => {
    site().hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    })
    const [origin] = distributionConfig().Origins
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] })
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' })
  })

  it('redirects HTTP to HTTPS on every behaviour and allows only GET and HEAD', () => {
    const config = distributionConfig()
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        Compress: true,
      })
    }
  })

  it("sends security headers: CSP (own scripts, Pagefind's WebAssembly), HSTS, nosniff, DENY framing, referrer", () => {
    const policyId = distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string
    const headers = headersPolicy(policyId).SecurityHeadersConfig
    expect(headers).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy(), Override: true },
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
        Preload: false,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      XSSProtection: { Protection: false, Override: true },
    })
    const csp = Object.fromEntries(
      headers.ContentSecurityPolicy.ContentSecurityPolicy.split('; ').map((d: string) => [
        d.split(' ')[0],
        d.split(' ').slice(1),
      ]),
    )
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/)
  })

  it('gives feeds, calendars, XML and open data a cache of at most 15 minutes and CORS for reuse elsewhere', () => {
    const config = distributionConfig()
    const feeds = config.CacheBehaviors.filter((b: { PathPattern: string }) =>
      FEED_PATH_PATTERNS.includes(b.PathPattern),
    )
    expect(feeds).toHaveLength(FEED_PATH_PATTERNS.length)
    const cachePolicyIds = new Set(feeds.map((b: { CachePolicyId: { Ref: string } }) => b.CachePolicyId.Ref))
    const headersPolicyIds = new Set(
      feeds.map((b: { ResponseHeadersPolicyId: { Ref: string } }) => b.ResponseHeadersPolicyId.Ref),
    )
    expect([cachePolicyIds.size, headersPolicyIds.size]).toEqual([1, 1])
    const feedCache =
      site().findResources('AWS::CloudFront::CachePolicy')[[...cachePolicyIds][0] as string]!.Properties
        .CachePolicyConfig
    expect(feedCache).toMatchObject({ MinTTL: 0, DefaultTTL: 300, MaxTTL: 900 })
    const openData = headersPolicy(feeds[0].ResponseHeadersPolicyId.Ref)
    expect(openData.CorsConfig).toMatchObject({
      AccessControlAllowOrigins: { Items: ['*'] },
      AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
      AccessControlAllowCredentials: false,
    })
    expect(openData.SecurityHeadersConfig).toEqual(
      headersPolicy(config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref).SecurityHeadersConfig,
    )
  })

  it('caches pages for at most a day at the edge (publishing invalidates them) and hashed assets for long', () => {
    const config = distributionConfig()
    const pageCache =
      site().findResources('AWS::CloudFront::CachePolicy')[config.DefaultCacheBehavior.CachePolicyId.Ref]!.Properties
        .CachePolicyConfig
    expect(pageCache).toMatchObject({ DefaultTTL: 3600, MaxTTL: 86400 })
    const assets = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/_astro/*')
    expect(assets.CachePolicyId).toBe(CACHING_OPTIMIZED)
  })

  it('stays within the 25 cache behaviours CloudFront allows a distribution by default', () => {
    expect(distributionConfig().CacheBehaviors.length).toBeLessThanOrEqual(25)
  })

  it("answers a missing page with the site's 404 page and status 404", () => {
    expect(distributionConfig().CustomErrorResponses).toEqual(
      [403, 404].map((ErrorCode) => ({
        ErrorCode,
        ResponseCode: 404,
        ResponsePagePath: '/404.html',
        ErrorCachingMinTTL: 60,
      })),
    )
  })

  it('serves the custom domain with its certificate and TLS 1.2 or newer when one is configured', () => {
    expect(distributionConfig(withDomain)).toMatchObject({
      Aliases: ['agenda.example.nl', '*.agenda.example.nl', 'agenda.jansen.nl'],
      ViewerCertificate: {
        AcmCertificateArn: expect.stringMatching(/^arn:aws:acm:us-east-1:/),
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    })
    expect(distributionConfig().Aliases).toBeUndefined()
  })
})

describe('site stack: the behaviour that serves each file the site emits', () => {
  type Behavior = {
    PathPattern?: string
    /** A policy of this stack (`{ Ref }`) or a managed one's id. */
    CachePolicyId: { Ref: string } | string
    ResponseHeadersPolicyId: { Ref: string }
    FunctionAssociations?: unknown[]
  }
  /** CloudFront's path-pattern match: `*` any characters (`/` too), `?` one, case-sensitive, leading `/` optional. */
  const matches = (pattern: string, path: string) => {
    const strip = (s: string) => s.replace(/^\//, '')
    const source = [...strip(pattern)]
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')
    return new RegExp(`^${source}$`).test(strip(path))
  }
  /** The first behaviour in the distribution's order whose pattern matches, else the default one. */
  const behaviorFor = (path: string): Behavior => {
    const config = distributionConfig()
    return config.CacheBehaviors.find((b: Behavior) => matches(b.PathPattern!, path)) ?? config.DefaultCacheBehavior
  }
  const feedCache = () => logicalId(byDefault.stack.node.findChild('FeedCache'))
  const openDataHeaders = () => logicalId(byDefault.stack.node.findChild('OpenDataHeaders'))
  const isFeed = (behavior: Behavior) =>
    typeof behavior.CachePolicyId !== 'string' &&
    behavior.CachePolicyId.Ref === feedCache() &&
    behavior.ResponseHeadersPolicyId.Ref === openDataHeaders()

  /**
   * The files Astro's endpoints write (each .ts under site/src/pages; `[...part]` is a section's
   * path, added below), with a sample for each parameter, and those the site builder writes beside
   * them (functions/publish/build-site.ts): the calendars, the CSV and the snapshot.
   */
  const PAGES = fileURLToPath(new URL('../../site/src/pages/', import.meta.url))
  const endpoints = readdirSync(PAGES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) =>
      file
        .slice(0, -'.ts'.length)
        .replace(/^\[\.\.\.part\]\//, '')
        .replace('[n]', '0'),
    )
  const journal = new JournalBuilder()
  journal.entry({ title: 'Overleg', start: '2015-03-10T09:00', themes: ['Woningbouw'] })
  const snapshot = buildPublicSnapshot(journal.items(), { now: new Date('2015-04-01T12:00:00Z') })
  const builderFiles = [
    ...timelineFiles(snapshot, { site: 'https://agenda.example.nl', base: '' }),
    { path: FEED_PATHS.snapshot },
  ]
  const emitted = [...endpoints, ...builderFiles.map(({ path }) => path.slice(1))].sort()

  it('finds every feed, calendar and data file among the endpoints', () => {
    expect(emitted).toEqual(
      expect.arrayContaining([
        ...['agenda', 'digest', 'posts'].flatMap((feed) => ['atom', 'json', 'xml'].map((kind) => `${feed}.${kind}`)),
        'agenda.ics',
        'themes/woningbouw.ics',
        'data/agenda.csv',
        'data/journal.json',
      ]),
    )
  })

  const FEED_KINDS = ['atom', 'ics', 'json', 'xml', 'csv']
  const cases = emitted.flatMap((file) =>
    ['', '/jansen'].map((section) => [`${section}/${file}`, FEED_KINDS.includes(file.split('.').pop()!)] as const),
  )
  it.each(cases)('serves %s with the feed behaviour (short cache, CORS): %s', (path, feed) => {
    expect(isFeed(behaviorFor(path))).toBe(feed)
  })

  it.each([
    '/_astro/index.B2x9.css',
    '/jansen/_astro/index.C3y4.css',
    '/jansen/_astro/Layout.D5z6.js',
    '/jansen/_astro/sprite.E7a8.xml',
  ])("serves Astro's hashed asset %s with the long cache, as it is, without the index-page rewrite", (path) => {
    const behavior = behaviorFor(path)
    expect(behavior.CachePolicyId).toBe(CACHING_OPTIMIZED)
    expect(behavior.FunctionAssociations ?? []).toEqual([])
  })

  it.each([
    '/',
    '/data/',
    '/data/index.html',
    '/jansen/data/',
    '/pagefind/pagefind-entry.json',
    '/en/pagefind/pagefind-entry.json',
    '/jansen/pagefind/pagefind-entry.json',
    '/jansen/en/agenda/',
  ])('serves the page or search file %s as a page', (path) => {
    expect(behaviorFor(path)).toBe(distributionConfig().DefaultCacheBehavior)
  })
})

type ViewerRequest = { uri: string; headers: Record<string, { value: string }> }
/** The function's code run as CloudFront runs it: one `handler(event)`, given the request. */
const viewerRequest = (config: Parameters<typeof viewerRequestFunction>[0]) => {
  const handler = new Function(`${viewerRequestFunction(config)}; return handler`)() as (e: {
    request: ViewerRequest
  }) => ViewerRequest
  return (host: string, uri: string) => handler({ request: { uri, headers: { host: { value: host } } } }).uri
}

describe('site stack: directory pages', () => {
  const rewrite = viewerRequest({})
  it.each([
    ['/', '/index.html'],
    ['/week/2015-W12/', '/week/2015-W12/index.html'],
    ['/week/2015-W12', '/week/2015-W12/index.html'],
    ['/feed.xml', '/feed.xml'],
    ['/agenda.ics', '/agenda.ics'],
    ['/_astro/page.D1x2.css', '/_astro/page.D1x2.css'],
    ['/data/v1.0/entries', '/data/v1.0/entries/index.html'],
  ])('serves %s from %s', (uri, expected) => {
    expect(rewrite('agenda.example.nl', uri)).toBe(expected)
  })
})

describe("site stack: a servant's own host name", () => {
  const rewrite = viewerRequest(CONFIGURED)
  it.each([
    ['agenda.jansen.nl', '/', '/jansen/index.html'],
    ['agenda.jansen.nl', '/en/', '/jansen/en/index.html'],
    ['agenda.jansen.nl', '/agenda/2015/w12', '/jansen/agenda/2015/w12/index.html'],
    ['agenda.jansen.nl', '/agenda.ics', '/jansen/agenda.ics'],
    // The section's pages link to /jansen/…: those links keep working on the servant's host.
    ['agenda.jansen.nl', '/jansen/agenda/2015/w12/', '/jansen/agenda/2015/w12/index.html'],
    ['agenda.jansen.nl', '/jansen', '/jansen/index.html'],
    ['agenda.jansen.nl', '/jansen/_astro/page.D1x2.css', '/jansen/_astro/page.D1x2.css'],
    ['agenda.jansen.nl', '/jansenius/', '/jansen/jansenius/index.html'],
    ['wouter.agenda.example.nl', '/', '/wouter/index.html'],
    ['Wouter.Agenda.Example.NL', '/agenda.json', '/wouter/agenda.json'],
    ['m-de-vries.agenda.example.nl', '/themes/', '/m-de-vries/themes/index.html'],
    // The organisation's own domain, and names that cannot be a servant's, are served as they are.
    ['agenda.example.nl', '/', '/index.html'],
    ['agenda.example.nl', '/wouter/', '/wouter/index.html'],
    ['a.b.agenda.example.nl', '/', '/index.html'],
    ['agenda.agenda.example.nl', '/', '/index.html'],
    ['-x.agenda.example.nl', '/', '/index.html'],
    ['agenda.jansen.nl:443', '/', '/jansen/index.html'],
    ['agenda.jansen.nl.', '/', '/jansen/index.html'],
    ['constructor', '/', '/index.html'],
    ['__proto__', '/', '/index.html'],
    ['elsewhere.example.org', '/', '/index.html'],
  ])('on %s serves %s from %s', (host, uri, expected) => {
    expect(rewrite(host, uri)).toBe(expected)
  })

  it("keeps the organisation's own domain its own when it lies under the servant domain", () => {
    const underServants = viewerRequest({ siteDomain: 'open.example.nl', servantDomain: 'example.nl' })
    expect(underServants('open.example.nl', '/agenda/')).toBe('/agenda/index.html')
    expect(underServants('Open.Example.NL', '/')).toBe('/index.html')
    expect(underServants('wouter.example.nl', '/agenda/')).toBe('/wouter/agenda/index.html')
  })

  it("fits CloudFront's 10 KB of function code with a hundred host names of servants' own", () => {
    const hosts = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`agenda.servant-${i}.nl`, `servant-${i}`]))
    expect(viewerRequestFunction({ servantDomain: 'agenda.example.nl', servantHostNames: hosts }).length).toBeLessThan(
      10_240,
    )
  })
})
