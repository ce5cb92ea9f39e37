import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumFlags, prepareProfile } from './chromium';
import { NetworkQuiet } from './network-quiet';
import { startWarmUpServer } from './warm-up';
import { UserError } from './errors';
import type { Observation } from '../observe/observation';
import type { PageVisit } from '../export/report';

export interface LaunchOptions {
  executablePath: string;
  extensionDir: string;
  hostRules?: string;
  insecure: boolean;
  chromiumArgs: string[];
  blockThirdPartyCookies: boolean;
  headed: boolean;
}

interface AuditorGlobal {
  auditor: { store: { all(): Promise<Observation[]>; flush(): Promise<void>; clear(): Promise<void> } };
}

/** Headless Chromium with the built extension loaded, driven page by page. */
export class AuditBrowser {
  private constructor(
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
  ) {}

  static async launch(options: LaunchOptions): Promise<AuditBrowser> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'auditor-profile-'));
    await prepareProfile(userDataDir, options.blockThirdPartyCookies);
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: options.executablePath,
        headless: !options.headed,
        args: chromiumFlags({
          extensionDir: options.extensionDir,
          hostRules: options.hostRules,
          insecure: options.insecure,
          extra: options.chromiumArgs,
        }),
        ignoreHTTPSErrors: options.insecure,
      });
    } catch (error) {
      await rm(userDataDir, { recursive: true, force: true });
      throw new UserError(`Chromium did not start (${options.executablePath}): ${firstLine(error)}`);
    }
    const browser = new AuditBrowser(context, userDataDir);
    await browser.worker();
    return browser;
  }

  /** The extension's service worker; after it was stopped, the one that replaced it. */
  async worker(timeoutMs = 15_000): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (running) return running;
    try {
      return await this.context.waitForEvent('serviceworker', { timeout: timeoutMs });
    } catch {
      throw new UserError('the auditor extension did not start in Chromium (no service worker appeared)');
    }
  }

  /** Navigates to a loopback page until the extension has seen it, then forgets that traffic. */
  async warmUp(timeoutMs = 20_000): Promise<void> {
    const server = await startWarmUpServer();
    const page = await this.context.newPage();
    const deadline = Date.now() + timeoutMs;
    try {
      for (let attempt = 1; Date.now() < deadline; attempt++) {
        const url = `${server.url}?attempt=${attempt}`;
        await page.goto(url).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 250));
        const seen = await this.observations();
        if (seen.some((o) => o.url === url)) {
          await (await this.worker()).evaluate(() => (globalThis as unknown as AuditorGlobal).auditor.store.clear());
          return;
        }
      }
      throw new UserError('the auditor extension loaded but never recorded a request (warm-up timed out)');
    } finally {
      await page.close();
      await server.close();
    }
  }

  async visit(url: string, limits: { pageTimeoutMs: number; waitMs: number }): Promise<PageVisit> {
    const page = await this.context.newPage();
    const quiet = new NetworkQuiet(page);
    const visit: PageVisit = { url, finalUrl: url };
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: limits.pageTimeoutMs });
      if (response && response.status() >= 400) visit.error = `HTTP ${response.status()}`;
      visit.networkQuiet = await quiet.wait(limits.waitMs);
    } catch (error) {
      visit.error = firstLine(error);
    } finally {
      visit.finalUrl = page.url() === 'about:blank' ? url : page.url();
      // Closing fires pagehide, when storage collectors take their last snapshot.
      await page.close().catch(() => undefined);
    }
    return visit;
  }

  /** Everything the extension recorded so far, after it wrote its pending batch. */
  async observations(): Promise<Observation[]> {
    const worker = await this.worker();
    return worker.evaluate(() => (globalThis as unknown as AuditorGlobal).auditor.store.all());
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await rm(this.userDataDir, { recursive: true, force: true });
  }
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim()) ?? text).trim();
}
