import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { ChromiumProcess, chromiumDidNotStart } from './chromium-process';
import { WORKER_START_MS, type ExtensionWorker } from './extension-worker';
import { ConsentDriver, type ConsentAnswer, type ConsentOutcome } from './consent';
import { sendGpcSignal } from './gpc';
import { NetworkQuiet } from './network-quiet';
import { PendingTimers } from './pending-timers';
import { WARM_UP_ORIGIN, warmUp } from './warm-up';
import { SCROLL_BUDGET_MS, withTimeout } from './page-actions';
import { loadPage, SCHEDULED_TAG_HORIZON_MS, type VisitLimits } from './page-load';
import { PageEvidenceRecorder, type CapturedEvidence, type EvidenceRequest } from './page-evidence';
import { firstLine } from './errors';
import { trace } from './trace';
import { Tabs } from './tabs';
import { TabListeners } from './tab-listeners';
import { hostOf } from '../classify/domain';
import { cappedByPage, clearRecord, readRecord, recordsADocument } from './extension-record';
import type { Observation } from '../model/observation';
import type { PageVisit } from '../model/report';
import type { AnchorSeen } from '../policy/discover-links';

/**
 * Required, not imported: Playwright is CommonJS, and importing it from an ES module has Node scan
 * its large sources for export names first (about a fifth of a second of the CLI's start). Required
 * when the browser is launched, not when this module loads: Chromium starts meanwhile.
 */
const playwright = () => createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

export interface LaunchOptions {
  executablePath: string;
  extensionDir: string;
  hostRules?: string;
  insecure: boolean;
  chromiumArgs: string[];
  blockThirdPartyCookies: boolean;
  headed: boolean;
  gpc: boolean;
  /** False: the extension records storage values by size only (default true). */
  valuePreviews?: boolean;
  /** Pages audited at once (each then gets a window of its own: tabs.ts). */
  concurrency?: number;
  /** Answer consent banners in this profile; undefined leaves them alone. */
  consent?: ConsentAnswer;
  /** Chromium already started with these options (the run starts it before loading Playwright). */
  started?: Promise<ChromiumProcess>;
}

export interface PageResult {
  visit: PageVisit;
  /** Links on the page, for a crawl and for finding the site's policy. */
  anchors: AnchorSeen[];
  /** Host names the page (any frame) sent requests to, for progress counts. */
  hosts: string[];
  /** The address served something other than HTML (a download, an image): nothing to audit. */
  notHtml: boolean;
  /** `--screenshot`, `--har`: taken before the tab closed, written once the page's number is known. */
  evidence?: CapturedEvidence;
}

/** Chromium up and its DevTools answering; on a loaded machine it can take seconds. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** Headless Chromium with the built extension loaded, driven page by page. */
export class AuditBrowser {
  private closed = false;
  private readonly tabs: Tabs;

  private constructor(
    private readonly context: BrowserContext,
    private readonly process: ChromiumProcess,
    private readonly consent: ConsentDriver | undefined,
    private readonly timers: PendingTimers | undefined,
    slots: number,
  ) {
    this.tabs = new Tabs(context, () => this.closed, slots);
    context.on('close', () => {
      this.closed = true;
    });
    void process.exited.then(() => {
      this.closed = true;
    });
  }

  /**
   * Starts Chromium as a process of our own on its DevTools pipe and attaches Playwright to it
   * (chromium-process.ts).
   */
  static async launch(options: LaunchOptions): Promise<AuditBrowser> {
    trace('launching Chromium');
    const process = await (options.started ?? AuditBrowser.start(options));
    let context: BrowserContext;
    try {
      const browser = await playwright().chromium.connectOverCDP(process.pipe, { timeout: LAUNCH_TIMEOUT_MS });
      context = browser.contexts()[0]!;
    } catch (error) {
      await process.stop();
      throw chromiumDidNotStart(options.executablePath, firstLine(error), process);
    }
    try {
      // Both hook into every new document: they must be in place before the first page opens.
      if (options.gpc) await sendGpcSignal(context);
      const consent = options.consent ? await ConsentDriver.attach(context, options.consent) : undefined;
      const timers = await PendingTimers.watch(context, SCHEDULED_TAG_HORIZON_MS);
      const browser = new AuditBrowser(context, process, consent, timers, Math.max(1, options.concurrency ?? 1));
      const [start] = context.pages();
      if (start?.url() === 'about:blank') await browser.tabs.adopt(start);
      trace('Chromium launched');
      if (options.valuePreviews === false) {
        // The extension's own setting (the options page's switch), read before any page is recorded.
        const worker = await browser.worker();
        await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ keepValuePreviews: false }));
      }
      return browser;
    } catch (error) {
      await process.stop();
      throw error;
    }
  }

  /** Starts the browser an AuditBrowser is launched with (see LaunchOptions.started). */
  static start(options: Omit<LaunchOptions, 'started'>): Promise<ChromiumProcess> {
    return ChromiumProcess.start({ ...options, extra: options.chromiumArgs });
  }

  /** The extension's service worker once its script has run; after it was stopped, the one that replaced it. */
  async worker(timeoutMs = WORKER_START_MS): Promise<ExtensionWorker> {
    await this.process.worker.ready(timeoutMs);
    return this.process.worker;
  }

  /** Proves the extension records with navigations of its own, then forgets them (see warm-up.ts). */
  warmUp(timeoutMs?: number): Promise<void> {
    return warmUp(this, timeoutMs);
  }

  /**
   * Visits the session's first page, which proves the extension records; if it recorded nothing
   * of it, warms up with navigations of its own, forgets that visit and makes it again (the
   * cookies it left stay in the profile). Nothing else may run in the browser meanwhile.
   */
  async visitFirst(url: string, limits: VisitLimits, evidence?: EvidenceRequest): Promise<PageResult> {
    const result = await this.visit(url, limits, evidence);
    if (await recordsADocument(await this.worker(), WARM_UP_ORIGIN)) return result;
    trace('first page not recorded: warming up, then visiting it again');
    await this.warmUp();
    return this.visit(url, limits, evidence);
  }

  /**
   * Opens `url` and lets autoconsent answer its banner, so the pages audited next are seen with
   * the choice stored (cookies, local storage). What this visit recorded is forgotten: it mixes
   * before and after the click.
   */
  async answerConsent(url: string, limits: VisitLimits): Promise<Omit<ConsentOutcome, 'state'>> {
    if (!this.consent) return { outcome: 'not-requested' };
    const page = await this.openPage();
    const answered = this.consent.watch(page, limits.pageTimeoutMs + 15_000);
    try {
      await page.goto(url, { waitUntil: 'load', timeout: limits.pageTimeoutMs }).catch(() => undefined);
      const outcome = await answered;
      await new NetworkQuiet(new TabListeners(page)).wait(Math.min(limits.waitMs, 3_000));
      return outcome;
    } finally {
      await this.tabs.close(page);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await this.forgetObservations();
    }
  }

  async visit(url: string, limits: VisitLimits, evidence?: EvidenceRequest): Promise<PageResult> {
    const page = await this.openPage();
    const listeners = new TabListeners(page);
    const recorder = evidence ? new PageEvidenceRecorder(listeners, url, evidence) : undefined;
    const hosts = new Set<string>();
    listeners.on('request', (request) => hosts.add(hostOf(request.url())));
    const result: PageResult = { visit: { url, finalUrl: url }, anchors: [], hosts: [], notHtml: false };
    let crashed = false;
    listeners.on('crash', () => {
      crashed = true;
    });
    // The longest a visit may take, whatever the page does: load, quiet, scroll, quiet, links.
    const capMs = limits.pageTimeoutMs + 2 * limits.waitMs + (limits.scroll ? SCROLL_BUDGET_MS + 2_000 : 0) + 10_000;
    const finished = await withTimeout(loadPage(listeners, url, limits, result, this.timers), capMs);
    if (finished === undefined && !result.visit.error) {
      result.visit.error = `the page did not finish within ${Math.round(capMs / 1000)} s`;
    }
    if (crashed) result.visit.error = 'the page crashed';
    result.visit.finalUrl = page.url() === 'about:blank' ? url : page.url();
    // A copy: a load that outlived its cap may still settle later, and must not change the record.
    const snapshot: PageResult = { ...result, visit: { ...result.visit }, hosts: [...hosts] };
    if (recorder) snapshot.evidence = await recorder.capture(page, { screenshot: !crashed && !snapshot.notHtml });
    listeners.detach();
    // Leaving the page fires pagehide, when storage collectors take their last snapshot. A tab
    // whose load outlived its cap may still be loading: it is closed, not kept.
    if (finished === undefined || crashed) await this.tabs.close(page);
    else await this.tabs.keep(page);
    trace('tab left');
    return snapshot;
  }

  /**
   * Runs `work` in the blank tab Chromium starts with, when it is still there and blank, and leaves
   * it open: no tab to open or close (the warm-up). Otherwise in a tab of its own.
   */
  async inStartTab<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const [start] = this.context.pages(); // the first: later blank tabs are spares (tabs.ts)
    return start?.url() === 'about:blank' ? work(start) : this.inTab(work);
  }

  /** Runs `work` in a tab of its own, then closes it: for pages read, not audited (the site's policy). */
  async inTab<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.openPage();
    try {
      return await work(page);
    } finally {
      await this.tabs.close(page);
    }
  }

  /** Opens the next tab ahead of need (see tabs.ts). */
  prepareTab(): void {
    this.tabs.prepare();
  }

  private openPage(): Promise<Page> {
    return this.tabs.open();
  }

  /**
   * Everything the extension recorded so far, after it wrote its pending batch. A closed warm-up
   * tab may still report its last request (the favicon) after the record was cleared: never audit it.
   */
  async observations({ includeWarmUp = false } = {}): Promise<Observation[]> {
    const all = await readRecord(await this.worker());
    if (includeWarmUp) return all;
    return all.filter((o) => !o.pageUrl.startsWith(WARM_UP_ORIGIN) && !o.url?.startsWith(WARM_UP_ORIGIN));
  }

  /** Per page URL, how many of its reports the extension left out (see extension-record.ts). */
  async cappedByPage(): Promise<Record<string, number>> {
    return cappedByPage(await this.worker());
  }

  /** Drops everything recorded so far: traffic that is not the audit's (warm-up, consent answering). */
  async forgetObservations(): Promise<void> {
    await clearRecord(await this.worker());
  }

  /** Never throws: a profile left in /tmp must not cost the report. */
  async close(): Promise<void> {
    // Everything was read from it, and the profile is thrown away: nothing to shut down gracefully.
    await this.process.stop();
  }
}
