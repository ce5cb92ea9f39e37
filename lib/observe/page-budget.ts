/**
 * What one page view may cost the worker: a page can report storage writes, cookies and beacons in
 * a loop (unique keys, 4 KB keys), and each would be an observation on disk. Past the budget its
 * reports are counted, not recorded (the store keeps the count: the page's `capped`), so a flood
 * costs the worker constant work per event and a bounded record. Each frame's observer limits
 * what it sends before this (page/report-limits.ts); requests the browser itself reports
 * (webRequest) are not page reports and are never capped here.
 */
export const EVENTS_PER_PAGE = 5_000;

/** Pages remembered at once; the oldest is forgotten first (a long crawl opens thousands). */
const PAGES_REMEMBERED = 500;

export class PageBudget {
  private readonly used = new Map<string, number>();

  constructor(private readonly perPage = EVENTS_PER_PAGE) {}

  /** How many of `count` new reports from this page view may be recorded; the caller counts the rest as capped. */
  take(tabId: number, pageUrl: string, count: number): number {
    const key = `${tabId} ${pageUrl}`;
    const used = this.used.get(key);
    if (used === undefined) {
      this.used.set(key, 0);
      if (this.used.size > PAGES_REMEMBERED) this.used.delete(this.used.keys().next().value!);
    }
    const allowed = Math.max(0, Math.min(count, this.perPage - (used ?? 0)));
    this.used.set(key, (used ?? 0) + allowed);
    return allowed;
  }
}
