import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { UserError } from './errors';
import { withTimeout } from './page-actions';

/** What a screenshot shows; lazy content below it is not loaded unless --scroll. */
const VIEWPORT = { width: 1280, height: 720 };

const LOST = 'Chromium closed unexpectedly; the remaining pages were not audited';

/**
 * Tabs for the audit. Opening one costs a tenth of a second or more (a renderer, Playwright's
 * set-up of the page), and a window of its own several times that (Chromium builds a window's
 * toolbar even headless), so a tab whose page was audited is blanked and kept for the next page:
 * a crawl opens one tab per page audited at once, not one per page. Like a visitor's tab, it
 * keeps its session storage from page to page (as the profile keeps cookies and local storage);
 * what a page finds stored when it starts is not counted as its own (lib/observe/page/observer.ts).
 * The first tab is opened while the extension's worker starts. Not while a page is audited: the
 * newest tab is the one Chromium shows, and the audited one would be hidden.
 */
export class Tabs {
  private spare: Promise<Page | undefined> | undefined;
  /** Blank tabs whose pages were audited, ready for the next. */
  private readonly kept: Page[] = [];
  private browserSession: Promise<CDPSession> | undefined;
  private readonly targetIds = new WeakMap<Page, Promise<string | undefined>>();

  /** The tabs the audit opened (or adopted); those still open count against the slots. */
  private readonly ours = new Set<Page>();

  constructor(
    private readonly context: BrowserContext,
    private readonly isClosed: () => boolean,
    /** Pages audited at once; with more than one, each tab gets a window of its own (see inOwnWindow). */
    private readonly slots: number,
  ) {}

  private get ownWindows(): boolean {
    return this.slots > 1;
  }

  /**
   * The blank tab Chromium starts with becomes the first audited one: no tab to open before the
   * first page. It is still blank between pages, so a warm-up can use it (AuditBrowser.inStartTab).
   */
  async adopt(tab: Page): Promise<void> {
    await tab.setViewportSize(VIEWPORT);
    this.ours.add(tab);
    this.kept.push(tab);
  }

  /** Starts opening the next tab now, unless one is ready or on its way. */
  prepare(timeoutMs = 30_000): void {
    if (this.isClosed() || this.kept.length > 0 || this.openCount() >= this.slots) return;
    this.spare ??= withTimeout(this.create(), timeoutMs);
  }

  /**
   * A new tab. A browser that cannot open one any more (it crashed, or hangs) ends the session:
   * its pages so far are reported, and the error says the rest were not audited.
   */
  async open(timeoutMs = 30_000): Promise<Page> {
    if (this.isClosed()) throw new UserError(LOST);
    const kept = this.kept.pop();
    if (kept && !kept.isClosed()) return kept;
    const spare = this.spare;
    this.spare = undefined;
    const page = (await spare) ?? (await withTimeout(this.create(), timeoutMs));
    // In windows of their own, the next tab opens while this one is audited: it hides nothing.
    if (this.ownWindows) this.prepare(timeoutMs);
    if (page && !page.isClosed()) return page;
    throw new UserError(this.isClosed() ? LOST : `Chromium did not open a tab within ${timeoutMs / 1000} s; the remaining pages were not audited`);
  }

  /**
   * Leaves the audited page for a blank one (its `pagehide` fires, as on a close) and keeps the
   * tab for the next page, or closes it when that fails.
   */
  async keep(tab: Page, timeoutMs = 10_000): Promise<void> {
    const blank = await withTimeout(tab.goto('about:blank').then(() => true), timeoutMs);
    if (blank && !tab.isClosed() && !this.isClosed()) this.kept.push(tab);
    else await this.close(tab, timeoutMs);
  }

  /** Closes a tab for good; a hung renderer may never confirm it, and the run goes on regardless. */
  async close(tab: Page, timeoutMs = 10_000): Promise<void> {
    this.ours.delete(tab);
    await withTimeout(tab.close(), timeoutMs);
  }

  /** Our tabs still open: one its page closed, or that crashed away, frees its slot. */
  private openCount(): number {
    let open = 0;
    for (const tab of this.ours) {
      if (tab.isClosed()) this.ours.delete(tab);
      else open += 1;
    }
    return open;
  }

  private async create(): Promise<Page> {
    const page = this.ownWindows ? await this.inOwnWindow() : await this.context.newPage();
    this.ours.add(page);
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
