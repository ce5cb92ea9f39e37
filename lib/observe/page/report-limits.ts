/**
 * What one frame's observer may send the worker. A page can call the hooked APIs in a loop
 * (localStorage.setItem with 4 KB random keys, document.cookie, IndexedDB opens, keepalive
 * fetches to unique URLs), and each call is a report: unbounded, they would cost the worker work
 * per call and the content script messages of any size. Past these limits a report is counted,
 * not sent, and the count goes to the worker with the next batch (`leftOut`), which adds it to
 * the page's `capped`: nothing is dropped silently.
 */
export interface FrameLimits {
  /** Reports one frame sends in all: the worker records no more of a page (page-budget.ts). */
  reports: number;
  /** Characters of report text one frame sends in all. */
  chars: number;
  /** Reports that may come at once… */
  burst: number;
  /** …and per second after that. */
  perSecond: number;
}

export const FRAME_LIMITS: FrameLimits = { reports: 5_000, chars: 1_000_000, burst: 1_000, perSecond: 200 };

/** Longest storage key or database name a report carries; a longer one is cut, its length kept. */
export const KEY_LIMIT = 256;
/** Longest URL a report carries (a keepalive fetch, a service worker, the writing script). */
export const URL_LIMIT = 2_048;
/** Longest `document.cookie` line a report carries: the browser refuses a longer cookie anyway. */
export const COOKIE_LIMIT = 8_192;

/**
 * A token bucket for the rate, and running totals for count and size. Each question is O(1), so a
 * flood costs constant work per call. The hooks keep one too, in the page's world, so a flooded
 * call skips reading its caller and making its report: it calls nothing but `now` (the browser's
 * own clock, taken before page scripts ran) and arithmetic, nothing a page could patch.
 */
export class ReportLimiter {
  private tokens: number;
  private last: number;
  private sent = 0;
  private chars = 0;
  private leftOut = 0;

  constructor(
    private readonly limits: FrameLimits = FRAME_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tokens = limits.burst;
    this.last = now();
  }

  /** Whether a report of `size` characters may be sent; if not, it is counted as left out. */
  admit(size: number): boolean {
    const now = this.now();
    const refilled = this.tokens + ((now - this.last) / 1000) * this.limits.perSecond;
    this.tokens = refilled > this.limits.burst ? this.limits.burst : refilled;
    this.last = now;
    if (this.tokens < 1 || this.sent >= this.limits.reports || this.chars + size > this.limits.chars) {
      this.leftOut += 1;
      return false;
    }
    this.tokens -= 1;
    this.sent += 1;
    this.chars += size;
    return true;
  }

  /** Counts reports left out before they reached the limiter (the hooks' early queue, a report that cannot be cut). */
  countLeftOut(count: number): void {
    if (Number.isSafeInteger(count) && count > 0) this.leftOut += count;
  }

  /** Reports left out since the last call; the count starts again from zero. */
  takeLeftOut(): number {
    const count = this.leftOut;
    this.leftOut = 0;
    return count;
  }

  get pendingLeftOut(): number {
    return this.leftOut;
  }
}

/** Characters a report of our own reads stands for: about its text, without making it. */
export function reportSize(event: object): number {
  let size = 16;
  for (const value of Object.values(event)) size += typeof value === 'string' ? value.length + 8 : 12;
  return size;
}

const cut = (text: string, limit: number): string => (text.length > limit ? text.slice(0, limit) : text);

/**
 * Cuts the long fields of a hook report, keeping the full length of what a reader compares
 * (`keyLength`, `urlLength`); undefined when a report cannot be cut without changing its meaning
 * (a cookie line: its attributes come last). The writing script's URL is cut without a length:
 * only its host attributes the write.
 */
export function boundReport(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const report = { ...raw };
  if (typeof report.scriptUrl === 'string') report.scriptUrl = cut(report.scriptUrl, URL_LIMIT);
  const keepLength = (field: 'key' | 'name' | 'url', lengthField: 'keyLength' | 'urlLength', limit: number) => {
    const text = report[field];
    if (typeof text !== 'string') return;
    const claimed = report[lengthField];
    // The hooks cut a long key before it travels and say how long it was.
    const full = typeof claimed === 'number' && Number.isSafeInteger(claimed) && claimed > text.length ? claimed : text.length;
    report[field] = cut(text, limit);
    if (full > limit) report[lengthField] = full;
    else delete report[lengthField];
  };
  switch (report.type) {
    case 'storage':
      keepLength('key', 'keyLength', KEY_LIMIT);
      return report;
    case 'database':
      keepLength('name', 'keyLength', KEY_LIMIT);
      if (typeof report.url === 'string') report.url = cut(report.url, URL_LIMIT);
      return report;
    case 'beacon':
      keepLength('url', 'urlLength', URL_LIMIT);
      return report;
    case 'cookie-store-write':
      if (typeof report.name === 'string') report.name = cut(report.name, KEY_LIMIT);
      return report;
    case 'cookie-write':
      return typeof report.cookie === 'string' && report.cookie.length <= COOKIE_LIMIT ? report : undefined;
    default:
      return report;
  }
}
