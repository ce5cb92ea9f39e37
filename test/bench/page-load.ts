/**
 * What the extension costs a page: the same pages loaded in headless Chromium with and without the
 * auditor, in one run, printed as ratios. Run: npx tsx test/bench/page-load.ts [--requests N]
 * Prints; asserts nothing (timings depend on the machine).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';

const ROOT = resolve(import.meta.dirname, '..', '..');
const requestsArg = process.argv.indexOf('--requests');
const REQUESTS = requestsArg > 0 ? Number(process.argv[requestsArg + 1]) : 2000;
const ROUNDS = 3;

async function launch(withExtension: boolean, hostRules: string): Promise<{ context: BrowserContext; cleanup(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'auditor-bench-'));
  await prepareProfile(profile, false);
  const flags = chromiumFlags({ extensionDir: extensionDir(ROOT), hostRules, insecure: true, extra: [] }).filter(
    (flag) => withExtension || !flag.includes('-extension'),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: flags,
    ignoreHTTPSErrors: true,
  });
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Warm up past the first navigation, which a fresh install does not see.
    const page = await context.newPage();
    for (let i = 0; i < 20; i++) {
      await page.goto(`https://www.auditor-fixture.com/landing.html?warm=${i}`);
      const seen = await worker.evaluate(() => (globalThis as unknown as { auditor: { store: { count(): Promise<number> } } }).auditor.store.count());
      if (seen > 0) break;
    }
    await page.close();
  }
  return { context, cleanup: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

async function timePage(context: BrowserContext, url: string, done: 'title' | 'load'): Promise<number> {
  const page = await context.newPage();
  const start = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  if (done === 'title') await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 300_000 });
  const elapsed = performance.now() - start;
  await page.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (buildIsStale(ROOT)) await buildExtension(ROOT, console.error);
const server = await startFixtureServer();
// Each browser loads every page once untimed first (a first load also pays for connections,
// caches and compiling), then `loads` times timed; a single first load per browser varied by a
// third from one run to the next.
const cases = [
  { name: `burst of ${REQUESTS} third-party requests`, url: `https://www.auditor-fixture.com/burst.html?n=${REQUESTS}`, warmUrl: 'https://www.auditor-fixture.com/burst.html?n=100', done: 'title' as const, loads: 1 },
  { name: 'demo home page (20 trackers)', url: 'https://www.inbenta.com/', done: 'load' as const, loads: 5 },
  { name: 'storage page (hooks + reads)', url: 'https://www.auditor-fixture.com/storage.html', done: 'load' as const, loads: 5 },
];
const results: Record<string, { without: number[]; with: number[] }> = {};
for (const round of Array.from({ length: ROUNDS }, (_, i) => i)) {
  // Alternate the order between rounds so neither browser always runs on a warmer machine.
  for (const withExtension of round % 2 === 0 ? [false, true] : [true, false]) {
    const browser = await launch(withExtension, server.hostRules);
    for (const c of cases) {
      const entry = (results[c.name] ??= { without: [], with: [] });
      await timePage(browser.context, c.warmUrl ?? c.url, c.done);
      for (let i = 0; i < c.loads; i++) (withExtension ? entry.with : entry.without).push(await timePage(browser.context, c.url, c.done));
    }
    await browser.cleanup();
  }
}
await server.close();
console.log(`Page load with vs. without the auditor extension (medians of ${ROUNDS} browsers each, after a first load; one run):`);
for (const [name, r] of Object.entries(results)) {
  const ratio = median(r.with) / median(r.without);
  console.log(`  ${name.padEnd(42)} without ${median(r.without).toFixed(0).padStart(6)} ms   with ${median(r.with).toFixed(0).padStart(6)} ms   ratio ${ratio.toFixed(2)}×`);
}
