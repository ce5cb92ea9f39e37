import type { AuditBrowser } from './audit-browser';
import { UserError } from './errors';
import { WORKER_START_MS } from './extension-worker';
import { trace } from './trace';

export const WARM_UP_ORIGIN = 'http://auditor-warm-up.invalid';

/**
 * A navigation the extension sees is in its record within a few tens of milliseconds; on a busy
 * machine it may land later, which the next attempt's check still notices.
 */
const SEEN_WITHIN_MS = 150;

/**
 * Waits until the extension's worker has run its script (extension-worker.ts), so its webRequest
 * listeners are in place. Chromium does not deliver navigations to them before that. In practice
 * the next navigation is then recorded, so the first audited page is the proof
 * (`recordsADocument`), and only when it was not recorded does the run warm up with navigations
 * of its own.
 */
export async function workerAnswers(browser: AuditBrowser, timeoutMs = WORKER_START_MS): Promise<void> {
  await browser.worker(timeoutMs);
  trace('extension worker answers');
}

/**
 * Navigates until the extension has seen a navigation, then forgets that traffic. The page is
 * answered by the browser's own request interception under a name that never resolves
 * (`.invalid`), so no server is involved: nothing can hold the run up by keeping a connection
 * open, and no host rule of the user's can send it elsewhere. The record is polled briefly after
 * each navigation.
 */
export function warmUp(browser: AuditBrowser, timeoutMs = 20_000): Promise<void> {
  return browser.inStartTab(async (page) => {
    await page.route(`${WARM_UP_ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>auditor warm-up</title>' }),
    );
    const deadline = Date.now() + timeoutMs;
    await workerAnswers(browser, timeoutMs);
    for (let attempt = 1; Date.now() < deadline; attempt++) {
      await page.goto(`${WARM_UP_ORIGIN}/auditor-warm-up?attempt=${attempt}`).catch(() => undefined);
      if (await seesWarmUp(browser, Math.min(SEEN_WITHIN_MS, deadline - Date.now()))) {
        trace(`warm-up navigation ${attempt} recorded`);
        // Blank again, as a tab waiting for its next page is (tabs.ts).
        await page.goto('about:blank').catch(() => undefined);
        await browser.forgetObservations();
        return;
      }
    }
    throw new UserError('the auditor extension loaded but never recorded a request (warm-up timed out)');
  });
}

async function seesWarmUp(browser: AuditBrowser, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  do {
    if ((await browser.observations({ includeWarmUp: true })).some((o) => o.url?.startsWith(`${WARM_UP_ORIGIN}/auditor-warm-up`))) return true;
    await new Promise((resolve) => setTimeout(resolve, 40));
  } while (Date.now() < until);
  return false;
}
