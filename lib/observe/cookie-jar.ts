import { browser, type Browser } from 'wxt/browser';
import { hostOf, registrableDomain } from '../classify/domain';
import type { ParsedCookie } from './set-cookie';

/**
 * Did the browser store this cookie? A Set-Cookie header or a `document.cookie` write is only an
 * attempt: the browser refuses a foreign Domain, a third-party cookie the profile blocks, a Secure
 * cookie from http, one that would overwrite an HttpOnly cookie… Only a cookie the jar holds is a
 * fact; the header or the hook's report then says who set it.
 */
export type JarCookie = Pick<Browser.cookies.Cookie, 'name' | 'domain' | 'path' | 'session' | 'expirationDate'>;

/** The browser stores a cookie a moment after the response or the write: look again after these waits. */
const RETRY_MS = [150, 1000];

/** Pure: the jar's cookie with the claim's name, domain and path (a leading dot is not told apart). */
export function jarCookieFor<T extends JarCookie>(cookies: readonly T[], claim: ParsedCookie): T | undefined {
  const domain = claim.details.domain.replace(/^\./, '').toLowerCase();
  return cookies.find((c) => c.name === claim.name && c.path === claim.details.path && c.domain.replace(/^\./, '').toLowerCase() === domain);
}

/**
 * Pure: the claim with the lifetime the browser gave it, where the two differ by more than a
 * minute (Chromium caps lifetimes at 400 days); otherwise the claim's exact figure is kept.
 */
export function withJarLifetime(claim: ParsedCookie, stored: JarCookie, now: number): ParsedCookie {
  const jarSeconds = stored.session || stored.expirationDate === undefined ? null : Math.round(stored.expirationDate - now / 1000);
  const claimed = claim.details.lifetimeSeconds;
  if (jarSeconds === null || (claimed !== null && Math.abs(claimed - jarSeconds) <= 60)) return claim;
  return { ...claim, details: { ...claim.details, lifetimeSeconds: jarSeconds } };
}

export type CookieQuery = Parameters<typeof browser.cookies.getAll>[0];

export class CookieJar {
  constructor(
    private readonly getAll: (query: CookieQuery) => Promise<JarCookie[]> = (query) => browser.cookies.getAll(query),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly retryMs: readonly number[] = RETRY_MS,
  ) {}

  /** The stored cookie a header or a write of `pageUrl`'s page claims, waiting briefly for the browser to store it. */
  async find(claim: ParsedCookie, pageUrl: string): Promise<JarCookie | undefined> {
    for (let attempt = 0; ; attempt++) {
      const stored = await this.lookUp(claim, pageUrl);
      const delay = this.retryMs[attempt];
      if (stored || delay === undefined) return stored;
      await this.sleep(delay);
    }
  }

  private async lookUp(claim: ParsedCookie, pageUrl: string): Promise<JarCookie | undefined> {
    const queries: CookieQuery[] = [{ name: claim.name, domain: claim.details.domain }];
    // A third party's cookie may live in the page's partition (CHIPS; Firefox partitions them all).
    const site = registrableDomain(hostOf(pageUrl));
    if (registrableDomain(claim.details.domain) !== site) {
      queries.push({ name: claim.name, domain: claim.details.domain, partitionKey: { topLevelSite: `${new URL(pageUrl).protocol}//${site}` } });
    }
    for (const query of queries) {
      try {
        const found = jarCookieFor(await this.getAll(query), claim);
        if (found) return found;
      } catch {
        // A browser without partition keys rejects the query: the unpartitioned one was asked first.
      }
    }
    return undefined;
  }
}
