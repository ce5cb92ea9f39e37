import type { Page, Request } from 'playwright-core';

type RequestEvent = 'request' | 'requestfinished' | 'requestfailed';
type LoadEvent = 'domcontentloaded' | 'load' | 'crash';

/**
 * The listeners one visit puts on a tab, taken off together when the visit ends: the tab is kept
 * for the next page (tabs.ts), which must not feed the last page's counters.
 */
export class TabListeners {
  private readonly detachers: (() => void)[] = [];

  constructor(readonly tab: Page) {}

  on(event: RequestEvent, listener: (request: Request) => void): void;
  on(event: LoadEvent, listener: () => void): void;
  on(event: RequestEvent | LoadEvent, listener: (request: Request) => void): void {
    // Playwright types `on` per event; these events all pass a Request or nothing.
    const tab = this.tab as unknown as Record<'on' | 'off', (event: string, listener: (request: Request) => void) => void>;
    tab.on(event, listener);
    this.detachers.push(() => tab.off(event, listener));
  }

  detach(): void {
    for (const detach of this.detachers.splice(0)) detach();
  }
}
