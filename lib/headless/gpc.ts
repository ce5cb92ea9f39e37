import type { BrowserContext } from 'playwright-core';

/**
 * Browse with the Global Privacy Control signal, as a visitor who opted out of sale and sharing.
 * Chromium has no GPC setting, so the run adds what a GPC browser sends: the `Sec-GPC: 1` request
 * header (Sec- headers are the browser's own: adding one triggers no CORS preflight) and
 * `navigator.globalPrivacyControl === true` in every frame, before the page's scripts run.
 * Must be applied before the context opens its first page.
 */
export async function sendGpcSignal(context: BrowserContext): Promise<void> {
  await context.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: () => true,
      configurable: true,
      enumerable: true,
    });
  });
}
