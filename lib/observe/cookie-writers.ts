/** A tab and the page it showed when something happened there. */
export interface TabPage {
  tabId: number;
  pageUrl: string;
}

/** A page's frame on `host` called cookieStore.set; `name` when it passed the name as a string. */
export interface CookieStoreCall extends TabPage {
  host: string;
  name?: string;
  at: number;
}

/** How long a page's own report of a write can explain a change of the browser's cookie jar. */
export const RECENT_MS = 10_000;
/** Calls kept per worker: a page calling cookieStore.set in a loop must not grow the list unbounded. */
const MAX_CALLS = 500;

/**
 * Pure: the pages a cookie the browser stored (cookies.onChanged) belongs to. First the pages
 * whose Set-Cookie header or document.cookie write set this very cookie (`sightings`); else the
 * pages whose frames on a host that may set it called cookieStore.set (by name, when the page gave
 * it as a string); else, for a write no page reported (a worker's), every tab whose page talked to
 * the cookie's site. Two open tabs of one site thus do not both get a cookie one of them wrote.
 */
export function pagesThatWrote(
  cookie: { name: string; domain: string },
  evidence: { sightings: readonly (TabPage & { at: number })[]; calls: readonly CookieStoreCall[]; contacted: readonly TabPage[] },
  now: number,
): TabPage[] {
  const recent = <T extends { at: number }>(list: readonly T[]) => list.filter((s) => now - s.at < RECENT_MS);
  const sightings = recent(evidence.sightings);
  if (sightings.length > 0) return sightings.map(({ tabId, pageUrl }) => ({ tabId, pageUrl }));
  const domain = cookie.domain.replace(/^\./, '');
  const calls = recent(evidence.calls).filter((c) => mayWrite(c.host, domain) && (c.name === undefined || c.name === cookie.name));
  if (calls.length === 0) return [...evidence.contacted];
  // One page per tab: the one that called last.
  const byTab = new Map<number, TabPage>();
  for (const { tabId, pageUrl } of calls) byTab.set(tabId, { tabId, pageUrl });
  return [...byTab.values()];
}

/** The calls worth keeping after `call` arrives: the recent ones, at most MAX_CALLS, newest last. */
export function withCall(calls: readonly CookieStoreCall[], call: CookieStoreCall): CookieStoreCall[] {
  return [...calls.filter((c) => call.at - c.at < RECENT_MS), call].slice(-MAX_CALLS);
}

/** A frame on `host` can write a cookie of `domain` only on that host or a parent domain of it. */
function mayWrite(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
