import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { UserError } from './errors';
import { withTimeout } from './page-actions';

/** What a screenshot shows; lazy content below it is not loaded unless --scroll. */
const VIEWPORT = { width: 1280, height: 720 };

const LOST = 'Chromium closed unexpectedly; the remaining pages were not audited';

/**
 * New tabs for the audit. Opening one costs a tenth of a second or more (a renderer, Playwright's
 * set-up of the page), so the first is opened while the extension's worker starts. Not while a
 * page is audited: the newest tab is the one Chromium shows, and the audited one would be hidden.
 */
export class Tabs {
  private spare: Promise<Page | undefined> | undefined;
  private browserSession: Promise<CDPSession> | undefined;
  private readonly targetIds = new WeakMap<Page, Promise<string | undefined>>();

  constructor(
    private readonly context: BrowserContext,
    private readonly isClosed: () => boolean,
    /** Several pages are audited at once (see inOwnWindow). */
    private readonly ownWindows: boolean,
  ) {}

  /** Starts opening the next tab now, unless one is ready or on its way. */
  prepare(timeoutMs = 30_000): void {
    if (this.isClosed()) return;
    this.spare ??= withTimeout(this.create(), timeoutMs);
  }

  /**
   * A new tab. A browser that cannot open one any more (it crashed, or hangs) ends the session:
   * its pages so far are reported, and the error says the rest were not audited.
   */
  async open(timeoutMs = 30_000): Promise<Page> {
    if (this.isClosed()) throw new UserError(LOST);
    const spare = this.spare;
    this.spare = undefined;
    const page = (await spare) ?? (await withTimeout(this.create(), timeoutMs));
    // In windows of their own, the next tab opens while this one is audited: it hides nothing.
    if (this.ownWindows) this.prepare(timeoutMs);
    if (page && !page.isClosed()) return page;
    throw new UserError(this.isClosed() ? LOST : `Chromium did not open a tab within ${timeoutMs / 1000} s; the remaining pages were not audited`);
  }

  private async create(): Promise<Page> {
    const page = this.ownWindows ? await this.inOwnWindow() : await this.context.newPage();
    // Every tab lays out at one size so screenshots match and what is below the fold (lazy
    // content) is the same whatever else is open.
    await page.setViewportSize(VIEWPORT);
    return page;
  }

  /**
   * Tabs audited side by side each get a window: Chromium shows one tab per window, and a hidden
   * tab lays out no lazy content and runs no animation frames, so it would see less of its page
   * than a tab audited alone.
   */
  private async inOwnWindow(): Promise<Page> {
    this.browserSession ??= this.context.browser()!.newBrowserCDPSession();
    const { targetId } = await (await this.browserSession).send('Target.createTarget', { url: 'about:blank', newWindow: true });
    // Found by its target: an audited page may open windows of its own meanwhile.
    for (;;) {
      for (const page of this.context.pages()) if ((await this.targetIdOf(page)) === targetId) return page;
      if (this.isClosed()) throw new UserError(LOST);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private targetIdOf(page: Page): Promise<string | undefined> {
    let id = this.targetIds.get(page);
    if (!id) {
      id = this.context
        .newCDPSession(page)
        .then(async (session) => {
          const { targetInfo } = await session.send('Target.getTargetInfo');
          await session.detach();
          return targetInfo.targetId;
        })
        .catch(() => undefined);
      this.targetIds.set(page, id);
    }
    return id;
  }
}
