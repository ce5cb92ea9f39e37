import { getDomain, getHostname } from 'tldts';

/**
 * Registrable domain (eTLD+1) of a host. Private suffixes (github.io, cloudfront.net, …) count as
 * suffixes, so two tenants of one hosting platform are different parties.
 * IP addresses and single-label hosts have no registrable domain: the host itself stands in.
 */
export function registrableDomain(host: string): string {
  let domain = knownDomains.get(host);
  if (domain === undefined) {
    const bare = host.replace(/^\.+/, '').toLowerCase();
    domain = getDomain(bare, { allowPrivateDomains: true }) ?? bare;
    // A page asks about the same few hosts thousands of times; a crawl meets new ones without end.
    if (knownDomains.size >= KNOWN_DOMAINS_LIMIT) knownDomains.clear();
    knownDomains.set(host, domain);
  }
  return domain;
}

const KNOWN_DOMAINS_LIMIT = 10_000;
const knownDomains = new Map<string, string>();

export function hostOf(url: string): string {
  return getHostname(url) ?? '';
}

/** First party when the host shares a registrable domain with one of the site's domains. */
export function isFirstParty(host: string, siteDomains: readonly string[]): boolean {
  const domain = registrableDomain(host);
  return siteDomains.some((d) => registrableDomain(d) === domain);
}

/**
 * One spelling per host, so caches and lookups agree: lower case, without the leading dot of a
 * cookie domain, the trailing dot of a fully-qualified name, or the brackets of an IPv6 literal.
 */
export function normalizeHost(host: string): string {
  // Most hosts arrive canonical already (webRequest lower-cases them); skip the rewriting then.
  if (CANONICAL_HOST.test(host)) return host;
  let bare = host.trim().toLowerCase().replace(/^\.+/, '').replace(/\.+$/, '');
  if (bare.startsWith('[') && bare.endsWith(']')) bare = bare.slice(1, -1);
  return bare;
}

const CANONICAL_HOST = /^[a-z0-9_-](?:[a-z0-9_.-]*[a-z0-9_-])?$/;

/** IP literals are matched exactly: their dotted parts are not parent domains. */
export function isIpLiteral(host: string): boolean {
  const last = host.charCodeAt(host.length - 1);
  // A domain name never ends in a digit (no TLD does), so most hosts need no regex.
  if (last >= 48 && last <= 57) return IPV4.test(host);
  return host.includes(':');
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
