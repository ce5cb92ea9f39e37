import type { Page } from 'playwright-core';
import type { PageVisit } from '../model/report';
import type { AnchorSeen } from '../policy/discover-links';
import { firstLine } from './errors';
import { NetworkQuiet } from './network-quiet';
import { anchorsOn, scrollThrough } from './page-actions';
import type { PendingTimers } from './pending-timers';
import type { TabListeners } from './tab-listeners';
import { trace } from './trace';

export interface VisitLimits {
  pageTimeoutMs: number;
  waitMs: number;
  scroll: boolean;
}

/** Tags a page schedules for its first seconds are waited for; later ones are not its load. */
export const SCHEDULED_TAG_HORIZON_MS = 3_000;

/** What loading a page finds out, written into the visit's result as it goes (a load may outlive its cap). */
export interface LoadOutcome {
  visit: PageVisit;
  anchors: AnchorSeen[];
  notHtml: boolean;
}

/**
 * Loads `url` in the tab and waits until the page has settled: the network quiet (bounded), the
 * tags it scheduled for its first seconds fired, scrolled through when asked; then reads its links.
 * Never rejects: what went wrong is the visit's error.
 */
export async function loadPage(listeners: TabListeners, url: string, limits: VisitLimits, result: LoadOutcome, timers: PendingTimers | undefined): Promise<true> {
  const page = listeners.tab;
  const quiet = new NetworkQuiet(listeners);
  try {
    trace(`loading ${url}`);
    const response = await page.goto(url, { waitUntil: 'load', timeout: limits.pageTimeoutMs });
    trace('load event');
    const type = response?.headers()['content-type'] ?? 'text/html';
    result.notHtml = !/^\s*(text\/html|application\/xhtml\+xml)/i.test(type);
    if (response && response.status() >= 400) result.visit.error = `HTTP ${response.status()}`;
    result.visit.networkQuiet = await quiet.wait(limits.waitMs);
    trace('network quiet');
    if (result.notHtml) return true;
    result.visit.networkQuiet = (await waitForScheduledTags(page, quiet, limits, timers)) && result.visit.networkQuiet;
    if (limits.scroll) {
      await scrollThrough(page);
      result.visit.networkQuiet = (await quiet.wait(limits.waitMs)) && result.visit.networkQuiet;
    }
    result.anchors = await anchorsOn(page);
    trace('page done');
  } catch (error) {
    const message = firstLine(error);
    // Chromium turns a navigation to a file into a download, which aborts page.goto.
    if (/download is starting/i.test(message)) result.notHtml = true;
    else result.visit.error = message;
  }
  return true;
}

/**
 * Waits for the timers the page scheduled for its first seconds, then for the network to go
 * quiet again, as long as new ones keep coming within the bound.
 */
async function waitForScheduledTags(page: Page, quiet: NetworkQuiet, limits: VisitLimits, timers: PendingTimers | undefined): Promise<boolean> {
  if (!timers) return true;
  let quietAgain = true;
  for (let round = 0; round < 5; round++) {
    const pending = await timers.pendingMs(page);
    if (pending <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pending, SCHEDULED_TAG_HORIZON_MS) + 50));
    quietAgain = await quiet.wait(limits.waitMs, 300);
  }
  return quietAgain;
}
