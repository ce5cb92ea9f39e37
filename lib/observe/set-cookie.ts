import type { CookieDetails } from '../model/observation';

export interface ParsedCookie {
  name: string;
  details: CookieDetails;
  /** True when the header deletes the cookie (expiry in the past or Max-Age ≤ 0). */
  deletes: boolean;
}

/**
 * Parses one Set-Cookie header value as a browser would (RFC 6265 §5.2), keeping what an auditor
 * reports: name, domain, path, lifetime and flags. `now` is passed in so parsing stays pure.
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
  // Max-Age wins over Expires when both are present.
  if (maxAge !== undefined) details.lifetimeSeconds = maxAge;
  else if (expires !== undefined) details.lifetimeSeconds = Math.round((expires - now) / 1000);
  const deletes = details.lifetimeSeconds !== null && details.lifetimeSeconds <= 0;
  return { name: eq === -1 ? pair.trim() : name, details, deletes };
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
