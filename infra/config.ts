import type { Node } from 'constructs'
import { parseDigestMode, type DigestMode } from '../functions/core/digest/index.js'
import { personSlug } from '../functions/core/model/index.js'
import { VIEWER_REQUEST_CODE_LIMIT, viewerRequestFunction, type ServantHosts } from './site/servant-hosts.js'

/**
 * Everything a deployment may choose. Values come from CDK context — the `journal` object in
 * `infra/cdk.json`, overridden per key on the command line with `-c journal:person=jansen` — and
 * fall back to the defaults below, so `npm run synth` needs no configuration at all.
 */
export interface JournalConfig extends ServantHosts {
  /**
   * Prefix of every stack name; two journals with different prefixes live side by side in one account.
   * @default 'Journal'
   */
  readonly stackPrefix: string
  /**
   * Whose journal this is: the `person` part of every key and JOURNAL_PERSON of the API and digest job.
   * @default 'demo'
   */
  readonly person: string
  /** The site's own host name, e.g. `agenda.example.nl`. @default - the CloudFront domain name */
  readonly siteDomain?: string
  /**
   * ACM certificate for `siteDomain`, in us-east-1 (CloudFront only reads certificates there); it
   * also names `*.<servantDomain>` and every one of `servantHostNames`.
   */
  readonly certificateArn?: string
  /** Where alarms are e-mailed. @default - alarms go to the SNS topic only; subscribe later */
  readonly alarmEmail?: string
  /** How the Monday job leaves a new digest: `publish` at once or `draft` for review. @default 'publish' */
  readonly digestMode: DigestMode
  /** Days to keep Lambda, CodeBuild and access logs. @default 90 */
  readonly logRetentionDays: number
  /** Steady requests per second and burst the HTTP API stage accepts. @default 50 and 100 */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number }
  /**
   * How many builds of the site may run at once (parts of an organisation's site, each a servant's
   * section or the root pages). Keep it below the account's CodeBuild quota of concurrent ARM
   * builds, which is low on new accounts (see the README), and at most 15: each build's invalidation is
   * a wildcard path, and CloudFront refuses more than 15 of those in progress. @default 5
   */
  readonly publishConcurrency: number
  /** Target account and region; left out, the stacks are environment-agnostic (the CLI's profile decides). */
  readonly env?: { readonly account?: string; readonly region?: string }
}

export const DEFAULT_CONFIG: JournalConfig = {
  stackPrefix: 'Journal',
  person: 'demo',
  digestMode: 'publish',
  logRetentionDays: 90,
  apiThrottle: { rateLimit: 50, burstLimit: 100 },
  publishConcurrency: 5,
}

/** CloudWatch Logs accepts only these retention periods. */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]

/** Keys this app no longer reads, each with what to do instead: silently ignoring one would hide a wrong belief. */
const RETIRED_KEYS = [
  [
    'timezone',
    "timezone is no longer a setting: each servant's weekly digest now follows the time zone in their profile " +
      '(Monday 07:00 there). Remove "timezone" from the journal object in infra/cdk.json and -c journal:timezone ' +
      "from the command line; set a servant's zone in their profile (admin, or PUT /api/profile).",
  ],
] as const

/** A configuration problem, said so the person deploying can fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The configuration of this app: context, then defaults, checked before any stack is built. */
export function loadConfig(node: Node): JournalConfig {
  const file = (node.tryGetContext('journal') ?? {}) as Record<string, unknown>
  const value = (key: string): unknown => node.tryGetContext(`journal:${key}`) ?? file[key]
  const text = (key: string): string | undefined => {
    const v = value(key)
    return v === undefined || v === '' ? undefined : String(v)
  }
  const retired = RETIRED_KEYS.filter(([key]) => value(key) !== undefined)
  if (retired.length > 0)
    throw new ConfigError(`The journal configuration needs fixing:\n- ${retired.map(([, why]) => why).join('\n- ')}`)
  const throttle = (value('apiThrottle') ?? {}) as Partial<JournalConfig['apiThrottle']>
  const account = text('account')
  const region = text('region')
  return resolveConfig({
    stackPrefix: text('stackPrefix'),
    person: text('person'),
    siteDomain: text('siteDomain'),
    servantDomain: text('servantDomain'),
    servantHostNames: hostNamesOf(value('servantHostNames')),
    certificateArn: text('certificateArn'),
    alarmEmail: text('alarmEmail'),
    digestMode: text('digestMode') as DigestMode | undefined,
    logRetentionDays: value('logRetentionDays') === undefined ? undefined : Number(value('logRetentionDays')),
    apiThrottle: { ...DEFAULT_CONFIG.apiThrottle, ...throttle },
    publishConcurrency: value('publishConcurrency') === undefined ? undefined : Number(value('publishConcurrency')),
    env: account || region ? { account, region } : undefined,
  })
}

/** In infra/cdk.json an object; on the command line (`-c journal:servantHostNames=…`) its JSON. */
function hostNamesOf(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string') return value as Record<string, string>
  try {
    return JSON.parse(value) as Record<string, string>
  } catch {
    throw new ConfigError(
      `servantHostNames must be a JSON object of host name to servant, e.g. '{"agenda.jansen.nl":"jansen"}'; ` +
        `got ${value}`,
    )
  }
}

type Overrides = { [K in keyof JournalConfig]?: JournalConfig[K] | undefined }

/** Defaults filled in and every value checked; throws a ConfigError naming the key to fix. */
export function resolveConfig(overrides: Overrides = {}): JournalConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  const config: JournalConfig = { ...DEFAULT_CONFIG, ...defined }
  const problems = checkConfig(config)
  if (problems.length > 0) throw new ConfigError(`The journal configuration needs fixing:\n- ${problems.join('\n- ')}`)
  return config
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/

function servantHostProblems(c: JournalConfig): string[] {
  const problems: string[] = []
  if (c.servantDomain !== undefined && !HOST_NAME.test(c.servantDomain))
    problems.push(
      `servantDomain "${c.servantDomain}" must be a host name such as agenda.example.nl ` +
        '(each servant is then served at <person>.agenda.example.nl), without *. or https://',
    )
  const hosts = c.servantHostNames
  if (hosts !== undefined && (typeof hosts !== 'object' || hosts === null || Array.isArray(hosts))) {
    problems.push('servantHostNames must be an object of host name to servant, e.g. { "agenda.jansen.nl": "jansen" }')
    return problems
  }
  for (const [host, person] of Object.entries(hosts ?? {})) {
    if (!HOST_NAME.test(host))
      problems.push(`servantHostNames: "${host}" must be a host name such as agenda.jansen.nl, without https://`)
    else if (host === c.siteDomain)
      problems.push(
        `servantHostNames: "${host}" is the siteDomain, the organisation's own pages; give the servant another`,
      )
    const slug = personSlug.safeParse(person)
    if (typeof person !== 'string')
      problems.push(`servantHostNames: the servant of "${host}" must be their slug in quotes, e.g. "jansen"`)
    else if (!slug.success)
      problems.push(`servantHostNames: the servant of "${host}", "${person}", ${slug.error.issues[0]!.message}`)
    else if (
      c.servantDomain !== undefined &&
      host.endsWith(`.${c.servantDomain}`) &&
      host !== `${person}.${c.servantDomain}`
    )
      problems.push(
        `servantHostNames: "${host}" lies under servantDomain, where it is the address of the servant ` +
          `"${host.slice(0, -c.servantDomain.length - 1)}"; give ${person} a host name elsewhere`,
      )
  }
  if ((c.servantDomain !== undefined || Object.keys(hosts ?? {}).length > 0) && c.siteDomain === undefined)
    problems.push(
      'servantDomain and servantHostNames need siteDomain and certificateArn: CloudFront serves other host ' +
        'names only with a certificate that names them',
    )
  const code = viewerRequestFunction(c).length
  if (code > VIEWER_REQUEST_CODE_LIMIT)
    problems.push(
      `servantHostNames: ${Object.keys(hosts ?? {}).length} host names make the edge function ${code} bytes, ` +
        `over CloudFront's ${VIEWER_REQUEST_CODE_LIMIT}; serve servants at <person>.<servantDomain> instead`,
    )
  return problems
}

function checkConfig(c: JournalConfig): string[] {
  const problems: string[] = []
  if (!/^[A-Z][A-Za-z0-9]{0,39}$/.test(c.stackPrefix))
    problems.push(
      `stackPrefix "${c.stackPrefix}" must start with a capital letter ` +
        'and contain only letters and digits (at most 40)',
    )
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(c.person))
    problems.push(`person "${c.person}" must be lower-case letters, digits and hyphens, like "jansen" or "m-de-vries"`)
  if (c.siteDomain !== undefined && !HOST_NAME.test(c.siteDomain))
    problems.push(`siteDomain "${c.siteDomain}" must be a host name such as agenda.example.nl, without https://`)
  problems.push(...servantHostProblems(c))
  if ((c.siteDomain === undefined) !== (c.certificateArn === undefined))
    problems.push('siteDomain and certificateArn go together: CloudFront needs the certificate to serve the domain')
  if (
    c.certificateArn !== undefined &&
    !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(c.certificateArn)
  )
    problems.push(
      'certificateArn must be an ACM certificate in us-east-1 (arn:aws:acm:us-east-1:…), ' +
        'the only region CloudFront reads certificates from',
    )
  if (c.alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.alarmEmail))
    problems.push(`alarmEmail "${c.alarmEmail}" is not an e-mail address`)
  try {
    parseDigestMode(c.digestMode)
  } catch (error) {
    problems.push(`digestMode: ${(error as Error).message.replace('JOURNAL_DIGEST_MODE ', '')}`)
  }
  if (!RETENTION_DAYS.includes(c.logRetentionDays))
    problems.push(`logRetentionDays must be one of ${RETENTION_DAYS.join(', ')}`)
  const { rateLimit, burstLimit } = c.apiThrottle
  if (!(rateLimit > 0 && burstLimit >= 1 && Number.isInteger(burstLimit)))
    problems.push('apiThrottle needs a positive rateLimit and a whole burstLimit of at least 1')
  if (!(Number.isInteger(c.publishConcurrency) && c.publishConcurrency >= 2 && c.publishConcurrency <= 15))
    problems.push(
      `publishConcurrency "${c.publishConcurrency}" must be a whole number from 2 to 15 ` +
        '(SQS event sources take at least 2; each build invalidates its folder with a wildcard path, and ' +
        "CloudFront takes 15 wildcard invalidations at a time), at most the account's quota of concurrent " +
        'CodeBuild builds',
    )
  return problems
}
