import { RESERVED_PERSON_SLUGS } from '../../functions/core/model/index.js'

/**
 * Host names of servants' own: the same distribution serves a servant's section (`/<person>/` on the
 * organisation's domain) at a host name of theirs too, by rewriting the request's path at the edge.
 * No second bucket, build or distribution: the section is the one the organisation's site already
 * publishes, and its cache entries and invalidations are the same ones (the rewrite happens before
 * CloudFront looks in its cache).
 */
export interface ServantHosts {
  /** The organisation's own domain: never a servant's, even when it lies under `servantDomain`. */
  readonly siteDomain?: string
  /**
   * Every servant also at `<person>.<servantDomain>`, e.g. `jansen.agenda.example.nl` for
   * `agenda.example.nl`: one wildcard alias, so a servant added later needs no deployment.
   */
  readonly servantDomain?: string
  /** Host names of a servant's own, e.g. `{ "agenda.jansen.nl": "jansen" }`: each an alias of the distribution. */
  readonly servantHostNames?: Readonly<Record<string, string>>
}

/** CloudFront Functions take at most 10 KB of code. */
export const VIEWER_REQUEST_CODE_LIMIT = 10_240

/**
 * The shape of a servant's slug (core's `personSlug`, in a form the edge runs): a host label that
 * could not be a servant, or is a page of the organisation's site, gets no rewrite.
 */
const PERSON_LABEL = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'

/** The names the distribution answers to for servants, besides the organisation's own domain. */
export function servantAliases({ servantDomain, servantHostNames = {} }: ServantHosts): string[] {
  return [...(servantDomain ? [`*.${servantDomain}`] : []), ...Object.keys(servantHostNames)]
}

/**
 * The distribution's viewer-request function (cloudfront-js-2.0, so ES5 with a few later methods):
 * Astro writes pages as `/week/2015-W12/index.html`, so `/week/2015-W12` and `/week/2015-W12/` are
 * served from there; on a servant's host name a path gets their section's prefix first.
 *
 * A path that already starts with the section's prefix is left alone: the section's pages link to
 * `/<person>/…` (they are built for the organisation's domain), and those links must keep working on
 * the servant's host too. Without servant hosts the function is the index rewrite alone.
 *
 * @example on `agenda.jansen.nl` → jansen: `/` → `/jansen/index.html`, `/agenda.ics` →
 * `/jansen/agenda.ics`, `/jansen/week/2015-W12` → `/jansen/week/2015-W12/index.html`.
 */
export function viewerRequestFunction(hosts: ServantHosts = {}): string {
  const aliases = servantAliases(hosts)
  if (aliases.length === 0) return INDEX_PAGES
  const suffix = hosts.servantDomain ? `.${hosts.servantDomain}` : ''
  return `var HOSTS = ${JSON.stringify(hosts.servantHostNames ?? {})};
var SERVANT_DOMAIN = ${JSON.stringify(suffix)};
var SITE_DOMAIN = ${JSON.stringify(hosts.siteDomain ?? '')};
var RESERVED = ${JSON.stringify(RESERVED_PERSON_SLUGS)};
function servantOf(value) {
  var host = value.toLowerCase().replace(/:\\d+$/, '').replace(/\\.$/, '');
  if (host === SITE_DOMAIN) return '';
  if (Object.prototype.hasOwnProperty.call(HOSTS, host)) return HOSTS[host];
  if (SERVANT_DOMAIN && host.endsWith(SERVANT_DOMAIN)) {
    var label = host.slice(0, host.length - SERVANT_DOMAIN.length);
    if (label.length <= 40 && RESERVED.indexOf(label) < 0 && /${PERSON_LABEL}/.test(label)) return label;
  }
  return '';
}
${INDEX_PAGES.replace(
  '  var uri = request.uri;\n',
  `  var uri = request.uri;
  var person = request.headers.host ? servantOf(request.headers.host.value) : '';
  if (person && uri !== '/' + person && uri.indexOf('/' + person + '/') !== 0) {
    uri = '/' + person + uri;
    request.uri = uri;
  }
`,
)}`
}

/** `/week/2015-W12` and `/week/2015-W12/` → `/week/2015-W12/index.html`; files keep their name. */
const INDEX_PAGES = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/') + 1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`
