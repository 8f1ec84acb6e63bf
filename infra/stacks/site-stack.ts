import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront'
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as s3 from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import type { JournalConfig } from '../config.js'
import { nagRef } from '../nag.js'
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS, PERMISSIONS_POLICY } from '../site/security-headers.js'
import { servantAliases, viewerRequestFunction } from '../site/servant-hosts.js'
import { FEED_PATH_PATTERNS, IMMUTABLE_PATH_PATTERNS } from '../site/site-files.js'

export interface SiteStackProps extends StackProps {
  readonly config: JournalConfig
}

/**
 * Serves `site/dist`, static files only: a private bucket that only this distribution may read
 * (origin access control), HTTPS only, strict security headers, and caching that keeps feeds
 * and calendars fresh within minutes while pages are invalidated on every publish.
 */
export class SiteStack extends Stack {
  readonly bucket: s3.Bucket
  readonly distribution: cloudfront.Distribution
  /**
   * What publishing needs here, defined beside what it touches: list, write and delete objects,
   * invalidate the cache and wait for the invalidation.
   */
  readonly publisherPolicy: iam.ManagedPolicy
  /** The site's public address, `https://…`, without a trailing slash. */
  readonly siteUrl: string

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props)
    const { config } = props
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...privateBucket,
      // S3 server access logs can only be delivered to SSE-S3 encrypted buckets.
      lifecycleRules: [{ expiration: Duration.days(config.logRetentionDays) }],
    })
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...privateBucket,
      // Versions let an operator restore the previous site after a bad publish.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true }],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site-bucket/',
    })

    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket)
    const securityHeaders = this.securityHeadersPolicy('SecurityHeaders', false)
    const openDataHeaders = this.securityHeadersPolicy('OpenDataHeaders', true)
    const indexPages = new cloudfront.Function(this, 'IndexPages', {
      comment: servantAliases(config).length
        ? "Serves /path/ and /path from /path/index.html, and a servant's host name from their section"
        : 'Serves /path/ and /path from /path/index.html, as Astro writes pages',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(viewerRequestFunction(config)),
    })
    const viewerRequest = [{ function: indexPages, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }]
    const behavior = (
      cachePolicy: cloudfront.ICachePolicy,
      responseHeadersPolicy: cloudfront.IResponseHeadersPolicy,
    ): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      cachePolicy,
      responseHeadersPolicy,
      functionAssociations: viewerRequest,
    })
    const feedCache = new cloudfront.CachePolicy(this, 'FeedCache', {
      comment: 'Feeds, calendars and open data: at most 15 minutes at the edge',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.minutes(5),
      maxTtl: Duration.minutes(15),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    })
    const pageCache = new cloudfront.CachePolicy(this, 'PageCache', {
      comment: 'Pages: an hour at the edge unless invalidated by a publish, at most a day',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.hours(1),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    })
    const certificate = config.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
      : undefined

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Open Agenda Journal of ${config.person}`,
      defaultRootObject: 'index.html',
      defaultBehavior: behavior(pageCache, securityHeaders),
      additionalBehaviors: {
        ...Object.fromEntries(
          IMMUTABLE_PATH_PATTERNS.map((pattern) => [
            pattern,
            { ...behavior(cloudfront.CachePolicy.CACHING_OPTIMIZED, securityHeaders), functionAssociations: [] },
          ]),
        ),
        ...Object.fromEntries(FEED_PATH_PATTERNS.map((pattern) => [pattern, behavior(feedCache, openDataHeaders)])),
      },
      // Without s3:ListBucket a missing object answers 403; both become the site's own 404 page.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 404,
        responsePagePath: '/404.html',
        ttl: Duration.minutes(1),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(certificate && config.siteDomain
        ? {
            certificate,
            domainNames: [config.siteDomain, ...servantAliases(config)],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    })
    this.siteUrl = `https://${config.siteDomain ?? this.distribution.distributionDomainName}`
    this.publisherPolicy = this.createPublisherPolicy()
    this.acknowledgeDistributionFindings(config)

    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl, description: 'The public journal site' })
    new CfnOutput(this, 'DistributionDomain', {
      value: this.distribution.distributionDomainName,
      description: 'Point the site domain here (CNAME or alias)',
    })
    new CfnOutput(this, 'SiteBucketName', { value: this.bucket.bucketName })
  }

  /** Security headers on every response; with `openData`, CORS for reuse of feeds and data by other sites. */
  private securityHeadersPolicy(id: string, openData: boolean): cloudfront.ResponseHeadersPolicy {
    return new cloudfront.ResponseHeadersPolicy(this, id, {
      comment: openData
        ? 'Security headers plus CORS for feeds, calendars and open data'
        : 'Security headers of the journal site',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        // The legacy XSS auditor is off: it has itself been a source of leaks; the CSP does the work.
        xssProtection: { protection: false, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
      ...(openData
        ? {
            corsBehavior: {
              accessControlAllowOrigins: ['*'],
              accessControlAllowMethods: ['GET', 'HEAD'],
              accessControlAllowHeaders: ['*'],
              accessControlAllowCredentials: false,
              originOverride: true,
            },
          }
        : {}),
    })
  }

  private createPublisherPolicy(): iam.ManagedPolicy {
    const policy = new iam.ManagedPolicy(this, 'PublisherPolicy', {
      description: 'Upload the built journal site and invalidate its CloudFront cache',
      statements: [
        new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
        new iam.PolicyStatement({
          actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
          resources: [this.bucket.arnForObjects('*')],
        }),
        new iam.PolicyStatement({
          // GetInvalidation: old files are deleted only once the invalidation is complete.
          actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          resources: [this.distribution.distributionArn],
        }),
      ],
    })
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagRef(this.bucket, 'Arn')}/*]`,
      reason:
        'Publishing writes and deletes whichever pages changed, ' +
        'so it needs every object key, but only in the site bucket.',
    })
    return policy
  }

  private acknowledgeDistributionFindings(config: JournalConfig): void {
    const acknowledge = (id: string, reason: string) => Validations.of(this.distribution).acknowledge({ id, reason })
    acknowledge(
      'AwsSolutions-CFR1',
      'An open agenda is public information meant to be read from anywhere, so no country is blocked.',
    )
    acknowledge(
      'AwsSolutions-CFR2',
      'The origin is a private bucket of static files with no forms, logins or server code to attack, ' +
        'so a web ACL (from about $6 a month) would protect nothing that Shield Standard does not already cover.',
    )
    acknowledge(
      'AwsSolutions-CFR3',
      "Readers are not logged: CloudFront access logs would store every reader's IP address, " +
        'which a public agenda has no need for (GDPR data minimisation), and CloudWatch metrics cover operations.',
    )
    if (!config.siteDomain) {
      acknowledge(
        'AwsSolutions-CFR4',
        'Without a custom domain CloudFront serves *.cloudfront.net with its default certificate, ' +
          'whose minimum TLS version cannot be set; configuring siteDomain and certificateArn enforces TLSv1.2_2021.',
      )
    }
  }
}

/** Private, encrypted, TLS-only buckets that S3 owns every object of (no ACLs). */
export const privateBucket: s3.BucketProps = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
}
