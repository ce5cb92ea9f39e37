import type { TabListeners } from './tab-listeners';

/**
 * Counts the page's requests in flight so the visit can wait for the network to go quiet.
 * Bounded: a page with an event stream, a WebSocket or long polling never goes quiet, and its
 * audit must still end.
 */
export class NetworkQuiet {
  private inFlight = 0;
  private lastActivity = Date.now();

  constructor(tab: TabListeners) {
    tab.on('request', () => this.activity(+1));
    tab.on('requestfinished', () => this.activity(-1));
    tab.on('requestfailed', () => this.activity(-1));
  }

  private activity(delta: number): void {
    this.inFlight = Math.max(0, this.inFlight + delta);
    this.lastActivity = Date.now();
  }

  /** Resolves true once nothing was in flight for `quietMs`, false when `maxMs` ran out first. */
  async wait(maxMs: number, quietMs = 500): Promise<boolean> {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      if (this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }
}
