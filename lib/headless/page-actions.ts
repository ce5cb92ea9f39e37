import type { Page } from 'playwright-core';
import type { AnchorSeen } from '../policy/discover-links';
import { anchorsInDocument } from '../policy/page-text';

/**
 * What the CLI does inside an audited page besides loading it. Each action is bounded: a page
 * whose script hangs must cost a few seconds of the run, never the rest of it.
 */

/** Longest time spent scrolling one page: infinite feeds never reach a bottom. */
export const SCROLL_BUDGET_MS = 10_000;
const LINK_LIMIT = 5_000;

/**
 * Scrolls down a screen at a time until the bottom stops moving, so trackers that load when an
 * element comes into view (lazy widgets, scroll-depth analytics) fire as they would for a reader.
 */
export async function scrollThrough(page: Page, budgetMs = SCROLL_BUDGET_MS): Promise<void> {
  await withTimeout(
    page.evaluate(async (budget) => {
      const deadline = Date.now() + budget;
      const root = document.scrollingElement ?? document.documentElement;
      let heightAtBottom = -1;
      while (Date.now() < deadline) {
        if (window.scrollY + window.innerHeight >= root.scrollHeight - 2) {
          // At the bottom twice with the same height: nothing more was loaded.
          if (root.scrollHeight === heightAtBottom) break;
          heightAtBottom = root.scrollHeight;
        }
        window.scrollBy(0, Math.max(200, Math.floor(window.innerHeight * 0.8)));
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }, budgetMs),
    budgetMs + 2_000,
  );
}

/**
 * The page's links (main frame): absolute addresses for the crawl to choose from, with the words
 * a reader sees on them, which tell a privacy-policy link from the rest.
 */
export async function anchorsOn(page: Page, timeoutMs = 5_000): Promise<AnchorSeen[]> {
  const anchors = await withTimeout(page.evaluate(anchorsInDocument, LINK_LIMIT), timeoutMs);
  return anchors ?? [];
}

/** Resolves to undefined when `promise` takes longer than `ms` (it is left to settle on its own). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
