import type { Observation } from '../model/observation';

/**
 * fetch(…, {keepalive: true}) looks like any other fetch to webRequest; only the page hook can tell.
 * The hook's report and the request can arrive in either order, so both sides consult this.
 */
export class KeepaliveRegistry {
  private readonly marked = new Map<string, number>();
  /** The latest request observation per tab and URL, so a late hook report can still mark it. */
  private readonly requests = new Map<string, Observation>();

  constructor(private readonly now: () => number = Date.now) {}

  mark(tabId: number, url: string): void {
    this.marked.set(`${tabId} ${url}`, this.now());
    if (this.marked.size > 1000) this.prune();
  }

  has(tabId: number, url: string): boolean {
    return this.marked.has(`${tabId} ${url}`);
  }

  rememberRequest(observation: Observation): void {
    if (observation.tabId === undefined || !observation.url) return;
    const key = `${observation.tabId} ${observation.url}`;
    this.requests.delete(key); // re-insert: Map order is then oldest first
    this.requests.set(key, observation);
    if (this.requests.size > 2000) this.requests.delete(this.requests.keys().next().value!);
  }

  lastRequest(tabId: number, url: string): Observation | undefined {
    return this.requests.get(`${tabId} ${url}`);
  }

  private prune(): void {
    for (const [key, at] of this.marked) if (this.now() - at > 60_000) this.marked.delete(key);
  }
}
