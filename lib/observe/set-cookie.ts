import { getDomain } from 'tldts';
import type { CookieDetails } from '../model/observation';

export interface ParsedCookie {
  name: string;
  details: CookieDetails;
  /** True when the header deletes the cookie (expiry in the past or Max-Age ≤ 0). */
  deletes: boolean;
}

/**
 * Parses one Set-Cookie header value (or a `document.cookie` write) as a browser would (RFC 6265
 * §5.2), keeping what an auditor reports: name, domain, path, lifetime and flags. `now` is passed in
 * so parsing stays pure. Undefined when the browser would not store it at all: a Domain that
 * `requestUrl`'s host may not set (see mayHostSetCookieDomain).
 */
export function parseSetCookie(header: string, requestUrl: string, now: number): ParsedCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = (eq === -1 ? '' : pair.slice(0, eq)).trim();
  if (eq === -1 && !pair.trim()) return undefined;
  const url = new URL(requestUrl);
  const details: CookieDetails = { domain: url.hostname, path: defaultPath(url.pathname), lifetimeSeconds: null };
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && value) details.domain = value.replace(/^\./, '').toLowerCase();
    else if (key === 'path' && value.startsWith('/')) details.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
    else if (key === 'secure') details.secure = true;
    else if (key === 'httponly') details.httpOnly = true;
    else if (key === 'samesite' && value) details.sameSite = value.toLowerCase();
  }
  if (!mayHostSetCookieDomain(url.hostname, details.domain)) return undefined;
  // Max-Age wins over Expires when both are present.
  if (maxAge !== undefined) details.lifetimeSeconds = maxAge;
  else if (expires !== undefined) details.lifetimeSeconds = Math.round((expires - now) / 1000);
  const deletes = details.lifetimeSeconds !== null && details.lifetimeSeconds <= 0;
  return { name: eq === -1 ? pair.trim() : name, details, deletes };
}

/**
 * Whether a response from `host`, or a script in a document of `host`, may set a cookie for
 * `domain` (its Domain attribute, or the host itself when it has none). RFC 6265 §5.3 steps 5–6 as
 * Chromium applies them: the host must domain-match the domain, which may not be a public suffix
 * (private ones such as github.io included, so one tenant cannot set cookies for all); a host
 * without a registrable domain (an IP address, `localhost`) may only name itself. Anything else
 * the browser ignores, so it must never be recorded as a cookie.
 */
export function mayHostSetCookieDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.replace(/^\./, '').toLowerCase();
  if (h === d) return true;
  const site = getDomain(h, { allowPrivateDomains: true });
  if (!site) return false;
  return h.endsWith(`.${d}`) && getDomain(d, { allowPrivateDomains: true }) === site;
}

/** Chromium joins several Set-Cookie headers of one response with newlines when extraHeaders is on. */
export function splitSetCookieHeaders(headers: { name: string; value?: string }[] | undefined): string[] {
  return (headers ?? [])
    .filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value)
    .flatMap((h) => h.value!.split('\n'))
    .filter((line) => line.trim());
}

function defaultPath(pathname: string): string {
  const last = pathname.lastIndexOf('/');
  return last <= 0 ? '/' : pathname.slice(0, last);
}
