import { isIpLiteral } from './domain';

/**
 * Finds the entry for a host or, failing that, for its nearest parent domain: for
 * `stats.g.doubleclick.net` it tries the host, `g.doubleclick.net`, `doubleclick.net`, `net`.
 * The most specific entry wins, so `analytics.google.com` can carry another category than
 * `google.com`. Walking past the registrable domain is deliberate: an index may hold a private
 * suffix such as `cloudfront.net` to attribute every tenant to the platform. Indexes never hold
 * ICANN suffixes (the schema and the policy normalizer refuse them), so `net` finds nothing.
 */
export function lookupBySuffix<T>(
  index: ReadonlyMap<string, T>,
  host: string,
): { domain: string; value: T } | undefined {
  if (isIpLiteral(host)) {
    const value = index.get(host);
    return value === undefined ? undefined : { domain: host, value };
  }
  let candidate = host;
  for (;;) {
    const value = index.get(candidate);
    if (value !== undefined) return { domain: candidate, value };
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/**
 * The same rule as lookupBySuffix, for a short list rather than an index: the most specific of
 * `domains` that is the host or one of its parent domains. IP literals match only themselves.
 */
export function closestCoveringDomain(host: string, domains: Iterable<string>): string | undefined {
  const ip = isIpLiteral(host);
  let closest: string | undefined;
  for (const domain of domains) {
    const covers = host === domain || (!ip && host.endsWith(`.${domain}`));
    if (covers && (closest === undefined || domain.length > closest.length)) closest = domain;
  }
  return closest;
}
