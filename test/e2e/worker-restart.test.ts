import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';
import type { Observation } from '../../lib/model/observation';

/**
 * Persistence under stress: an MV3 worker can be stopped at any moment, and a page can make
 * thousands of requests. Drives Playwright directly to reach the page's DevTools session.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SITE = 'https://www.auditor-fixture.com';

let server: FixtureServer;
let context: BrowserContext;
let profile: string;

async function extensionWorker(): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

async function observations(): Promise<Observation[]> {
  // The worker may be starting again: retry until it answers.
  for (let attempt = 0; ; attempt++) {
    try {
      const worker = await extensionWorker();
      return await worker.evaluate(() => (globalThis as unknown as { auditor: { store: { all(): Promise<Observation[]> } } }).auditor.store.all());
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const ticks = (all: Observation[], pageUrl: string) =>
  all.filter((o) => o.pageUrl === pageUrl && o.url?.startsWith('https://tracker.adnet-fixture.com/t?i='));

beforeAll(async () => {
  if (buildIsStale(ROOT)) await buildExtension(ROOT, () => undefined);
  server = await startFixtureServer();
  profile = await mkdtemp(join(tmpdir(), 'auditor-restart-'));
  await prepareProfile(profile, false);
  const dir = extensionDir(ROOT);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumFlags({ extensionDir: dir, hostRules: server.hostRules, insecure: true, extra: [] }),
    ignoreHTTPSErrors: true,
  });
  await extensionWorker();
  // Warm up: the first navigation after install is not delivered to the worker.
  const page = await context.newPage();
  for (let i = 0; i < 40; i++) {
    await page.goto(`${SITE}/landing.html?warm=${i}`);
    if ((await observations()).some((o) => o.url === `${SITE}/landing.html?warm=${i}`)) break;
  }
  await page.close();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('persistence', () => {
  it('loses and duplicates nothing when the service worker is stopped mid-session', async () => {
    const page = await context.newPage();
    const url = `${SITE}/burst.html?n=400&spacing=150`;
    await page.goto(url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    for (const delay of [400, 500, 600]) {
      await new Promise((r) => setTimeout(r, delay));
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 60_000 });
    await new Promise((r) => setTimeout(r, 1000));
    const seen = ticks(await observations(), url);
    const indexes = seen.map((o) => Number(new URL(o.url!).searchParams.get('i'))).sort((a, b) => a - b);
    const missing = Array.from({ length: 400 }, (_, i) => i).filter((i) => !indexes.includes(i));
    expect(missing).toEqual([]);
    expect(seen).toHaveLength(400); // no duplicates either
    // A request whose completion event fell into the restart keeps no status, never a wrong one;
    // what only Resource Timing saw says so.
    expect(seen.filter((o) => o.statusCode !== undefined && o.statusCode !== 204).map((o) => o.url)).toEqual([]);
    expect(seen.filter((o) => o.statusCode === 204).length).toBeGreaterThan(200);
    expect(seen.filter((o) => o.source !== 'network' && !o.reason?.includes('Resource Timing'))).toEqual([]);
    await page.close();
  });

  it('records every one of 5,000 requests a page makes', async () => {
    const page = await context.newPage();
    const url = `${SITE}/burst.html?n=5000`;
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 120_000 });
    await new Promise((r) => setTimeout(r, 1000));
    const seen = ticks(await observations(), url);
    expect(new Set(seen.map((o) => o.url)).size).toBe(5000);
    expect(seen).toHaveLength(5000);
    await page.close();
  });
});
