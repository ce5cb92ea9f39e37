import type { Request } from 'playwright-core';
import type { TabListeners } from './tab-listeners';
import type { RecordedExchange, RecordedPage } from './har';
import { withTimeout } from './page-actions';

/** Requests recorded per page; a page that sends more is cut short, and the HAR says how many were left out. */
export const HAR_REQUEST_LIMIT = 20_000;

/**
 * Records one tab's requests for its HAR file, from Playwright's events: what every frame of the
 * page (cross-site frames too) sent and received. Headers and sizes are asked for when a request
 * ends, while the tab is still open; `finish` waits for those answers, boundedly.
 */
export class HarRecorder {
  private readonly exchanges = new Map<Request, RecordedExchange>();
  private readonly pending: Promise<void>[] = [];
  private leftOut = 0;
  private readonly page: RecordedPage;

  constructor(tab: TabListeners, url: string, now = Date.now()) {
    this.page = { url, startedAt: now };
    tab.on('request', (request) => this.started(request));
    tab.on('requestfinished', (request) => this.ended(request));
    tab.on('requestfailed', (request) => this.ended(request));
    tab.on('domcontentloaded', () => {
      this.page.onContentLoadMs ??= Date.now() - now;
    });
    tab.on('load', () => {
      this.page.onLoadMs ??= Date.now() - now;
    });
  }

  private started(request: Request): void {
    if (this.exchanges.size >= HAR_REQUEST_LIMIT) {
      this.leftOut += 1;
      return;
    }
    this.exchanges.set(request, {
      startedAt: Date.now(),
      method: request.method(),
      url: request.url(),
      resourceType: request.resourceType(),
      // Without cookies: Playwright gives those with the full headers, asked for when the request ends.
      requestHeaders: Object.entries(request.headers()).map(([name, value]) => ({ name, value })),
    });
  }

  private ended(request: Request): void {
    const exchange = this.exchanges.get(request);
    if (exchange) this.pending.push(this.complete(request, exchange).catch(() => undefined));
  }

  private async complete(request: Request, exchange: RecordedExchange): Promise<void> {
    const timing = request.timing();
    if (timing.startTime > 0) exchange.startedAt = timing.startTime;
    exchange.timing = timing;
    const failure = request.failure();
    if (failure) exchange.failure = failure.errorText;
    exchange.requestHeaders = await request.headersArray().catch(() => exchange.requestHeaders);
    exchange.sizes = await request.sizes().catch(() => undefined);
    const response = await request.response().catch(() => null);
    if (!response) return;
    const [headers, httpVersion, server] = await Promise.all([
      response.headersArray().catch(() => Object.entries(response.headers()).map(([name, value]) => ({ name, value }))),
      response.httpVersion().catch(() => undefined),
      response.serverAddr().catch(() => null),
    ]);
    exchange.response = {
      status: response.status(),
      statusText: response.statusText(),
      headers,
      ...(httpVersion ? { httpVersion } : {}),
      ...(server?.ipAddress ? { serverIp: server.ipAddress } : {}),
    };
  }

  /**
   * What was recorded, once the answers about ended requests are in (at most `timeoutMs`).
   * A request still open is kept as it started, marked as unfinished.
   */
  async finish(timeoutMs = 5_000): Promise<{ page: RecordedPage; exchanges: RecordedExchange[]; leftOut: number }> {
    await withTimeout(Promise.all(this.pending), timeoutMs);
    const exchanges = [...this.exchanges].map(([request, exchange]) =>
      exchange.timing || exchange.failure || request.failure() ? exchange : { ...exchange, failure: 'unfinished when the tab closed' },
    );
    return { page: { ...this.page }, exchanges: exchanges.map((e) => ({ ...e })), leftOut: this.leftOut };
  }
}
