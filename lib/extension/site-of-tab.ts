import { hostOf, registrableDomain } from '../classify/domain';

/**
 * The site session a page belongs to: its registrable domain, as the collectors set `sessionId`.
 * Undefined for pages that are not audited (new tab, browser and extension pages, files).
 */
export function siteOfUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  const host = hostOf(url);
  return host ? registrableDomain(host) : undefined;
}
