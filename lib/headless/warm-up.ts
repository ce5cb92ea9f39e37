import type { AuditBrowser } from './audit-browser';
import { UserError } from './errors';
import { trace } from './trace';

export const WARM_UP_ORIGIN = 'http://auditor-warm-up.invalid';

/**
 * A navigation the extension sees is in its record within a few tens of milliseconds; one it
 * missed never arrives, so a short wait and another navigation beat a long wait.
 */
const SEEN_WITHIN_MS = 150;

/**
 * Navigates until the extension has seen the navigation, then forgets that traffic: Chromium
 * does not deliver the first navigation after install to the worker's webRequest listeners.
 * The page is answered by the browser's own request interception under a name that never
 * resolves (`.invalid`), so no server is involved: nothing can hold the run up by keeping a
 * connection open, and no host rule of the user's can send it elsewhere. The record is polled
 * briefly after each navigation rather than slept on.
 */
export function warmUp(browser: AuditBrowser, timeoutMs = 20_000): Promise<void> {
  return browser.inTab(async (page) => {
    await page.route(`${WARM_UP_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>auditor warm-up</title>' }),
    );
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; Date.now() < deadline; attempt++) {
      const url = `${WARM_UP_ORIGIN}/auditor-warm-up?attempt=${attempt}`;
      await page.goto(url).catch(() => undefined);
      trace(`warm-up navigation ${attempt}`);
      if (await sees(browser, url, Math.min(SEEN_WITHIN_MS, deadline - Date.now()))) {
        await browser.forgetObservations();
        return;
      }
    }
    throw new UserError('the auditor extension loaded but never recorded a request (warm-up timed out)');
  });
}

async function sees(browser: AuditBrowser, url: string, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  do {
    const seen = (await browser.observations({ includeWarmUp: true })).some((o) => o.url === url);
    trace(`warm-up poll ${seen}`);
    if (seen) return true;
    await new Promise((resolve) => setTimeout(resolve, 40));
  } while (Date.now() < until);
  return false;
}
