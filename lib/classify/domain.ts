import { getDomain, getHostname } from 'tldts';

/**
 * Registrable domain (eTLD+1) of a host. Private suffixes (github.io, cloudfront.net, …) count as
 * suffixes, so two tenants of one hosting platform are different parties.
 * IP addresses and single-label hosts have no registrable domain: the host itself stands in.
 */
export function registrableDomain(host: string): string {
  const bare = host.replace(/^\.+/, '').toLowerCase();
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

export function hostOf(url: string): string {
  return getHostname(url) ?? '';
}

/** First party when the host shares a registrable domain with one of the site's domains. */
export function isFirstParty(host: string, siteDomains: readonly string[]): boolean {
  const domain = registrableDomain(host);
  return siteDomains.some((d) => registrableDomain(d) === domain);
}
