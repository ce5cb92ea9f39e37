/**
 * What one page view may cost the worker: a page can report storage writes, cookies and beacons in
 * a loop (unique keys, forged hook events), and each would be an observation on disk. Past the
 * budget its reports are counted, not recorded, so a flood costs the worker constant work per
 * event and a bounded record, and the report can say how much was left out. Requests the browser
 * itself reports (webRequest) are not page reports and are never capped.
 */
export const EVENTS_PER_PAGE = 5_000;

/** Pages remembered at once; the oldest is forgotten first (a long crawl opens thousands). */
const PAGES_REMEMBERED = 500;

export class PageBudget {
  private readonly pages = new Map<string, { used: number; capped: number }>();

  constructor(private readonly perPage = EVENTS_PER_PAGE) {}

  /** How many of `count` new reports from this page view may be recorded (the rest are counted as capped). */
  take(tabId: number, pageUrl: string, count: number): number {
    const key = `${tabId} ${pageUrl}`;
    let page = this.pages.get(key);
    if (!page) {
      page = { used: 0, capped: 0 };
      this.pages.set(key, page);
      if (this.pages.size > PAGES_REMEMBERED) this.pages.delete(this.pages.keys().next().value!);
    }
    const allowed = Math.max(0, Math.min(count, this.perPage - page.used));
    page.used += allowed;
    page.capped += count - allowed;
    return allowed;
  }

  /** Reports left out per page URL (all tabs), for the report's pages. */
  cappedByPage(): Record<string, number> {
    const capped: Record<string, number> = {};
    for (const [key, page] of this.pages) {
      if (page.capped === 0) continue;
      const pageUrl = key.slice(key.indexOf(' ') + 1);
      capped[pageUrl] = (capped[pageUrl] ?? 0) + page.capped;
    }
    return capped;
  }
}
