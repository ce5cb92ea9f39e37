import type { Observation } from '../model/observation';
import { URL_LIMIT } from './page/report-limits';

const MARK_LIFETIME_MS = 60_000;
const MAX_MARKS = 2_000;

/**
 * fetch(…, {keepalive: true}) looks like any other fetch to webRequest; only the page hook can tell.
 * The hook's report and the request can arrive in either order, so both sides consult this.
 */
export class KeepaliveRegistry {
  /** Oldest first (a mark is re-inserted), so pruning looks at the front only: O(1) per mark. */
  private readonly marked = new Map<string, number>();
  /** The latest request observation per tab and URL, so a late hook report can still mark it. */
  private readonly requests = new Map<string, Observation>();

  constructor(private readonly now: () => number = Date.now) {}

  /** `url` may be cut (report-limits.ts): `urlLength` is then its full length. */
  mark(tabId: number, url: string, urlLength = url.length): void {
    const key = keyOf(tabId, url, urlLength);
    this.marked.delete(key);
    this.marked.set(key, this.now());
    this.prune();
  }

  has(tabId: number, url: string): boolean {
    return this.marked.has(keyOf(tabId, url));
  }

  rememberRequest(observation: Observation): void {
    if (observation.tabId === undefined || !observation.url) return;
    const key = keyOf(observation.tabId, observation.url);
    this.requests.delete(key); // re-insert: Map order is then oldest first
    this.requests.set(key, observation);
    if (this.requests.size > 2000) this.requests.delete(this.requests.keys().next().value!);
  }

  lastRequest(tabId: number, url: string, urlLength = url.length): Observation | undefined {
    return this.requests.get(keyOf(tabId, url, urlLength));
  }

  /**
   * Drops marks older than a minute, and the oldest beyond the cap: a page that forges thousands
   * of hook reports costs a bounded map and constant work per report.
   */
  private prune(): void {
    const now = this.now();
    for (const [key, at] of this.marked) {
      if (now - at <= MARK_LIFETIME_MS && this.marked.size <= MAX_MARKS) break;
      this.marked.delete(key);
    }
  }
}

/**
 * A URL as the hook reports it: a long one cut to its first URL_LIMIT characters, with its full
 * length, so the request webRequest saw (whole) and the hook's report (cut) meet.
 */
function keyOf(tabId: number, url: string, length = url.length): string {
  return length > URL_LIMIT ? `${tabId} ${length} ${url.slice(0, URL_LIMIT)}` : `${tabId} ${url}`;
}
