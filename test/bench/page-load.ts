/**
 * What the extension costs a page: the same pages loaded in headless Chromium with and without the
 * auditor, in one run, printed as ratios. A third browser has an extension that only listens to
 * the same webRequest events and does nothing with them: what any extension observing every
 * request pays the browser, which no work of ours can take back.
 * Run: npx tsx test/bench/page-load.ts [--requests N]
 * Prints; asserts nothing (timings depend on the machine).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';

const ROOT = resolve(import.meta.dirname, '..', '..');
const requestsArg = process.argv.indexOf('--requests');
const REQUESTS = requestsArg > 0 ? Number(process.argv[requestsArg + 1]) : 2000;

type Variant = 'without' | 'listeners' | 'with';

/**
 * The webRequest listeners lib/observe/request-collector.ts adds (events, filters, extra info),
 * each doing nothing.
 */
const LISTENERS_ONLY = `
  const all = { urls: ['<all_urls>'] };
  const noop = () => {};
  chrome.webRequest.onSendHeaders.addListener(noop, { urls: ['<all_urls>'], types: ['ping'] }, ['requestHeaders', 'extraHeaders']);
  chrome.webRequest.onBeforeRequest.addListener(noop, all);
  chrome.webRequest.onBeforeRedirect.addListener(noop, all, ['responseHeaders', 'extraHeaders']);
  chrome.webRequest.onCompleted.addListener(noop, all, ['responseHeaders', 'extraHeaders']);
  chrome.webRequest.onErrorOccurred.addListener(noop, all);
`;

async function listenersOnlyExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'auditor-bench-listeners-'));
  const manifest = { manifest_version: 3, name: 'listeners only', version: '1', permissions: ['webRequest'], host_permissions: ['<all_urls>'], background: { service_worker: 'worker.js' } };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'worker.js'), LISTENERS_ONLY);
  return dir;
}

async function launch(variant: Variant, hostRules: string): Promise<{ context: BrowserContext; cleanup(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'auditor-bench-'));
  await prepareProfile(profile, false);
  const extension = variant === 'listeners' ? await listenersOnlyExtension() : extensionDir(ROOT);
  const flags = chromiumFlags({ extensionDir: extension, hostRules, insecure: true, extra: [] }).filter(
    (flag) => variant !== 'without' || !flag.includes('-extension'),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: flags,
    ignoreHTTPSErrors: true,
  });
  if (variant === 'listeners') context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (variant === 'with') {
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
  const cleanup = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    if (variant === 'listeners') await rm(extension, { recursive: true, force: true });
  };
  return { context, cleanup };
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
// The three browsers are open together and take turns, page by page, in a rotating order: each
// comparison is made between loads a few seconds apart, so a machine busier for a minute (this
// one's load varies a lot) weighs on all three alike. Each browser first loads every page once
// untimed (connections, caches, compiling).
const cases = [
  { name: `burst of ${REQUESTS} third-party requests`, url: `https://www.auditor-fixture.com/burst.html?n=${REQUESTS}`, warmUrl: 'https://www.auditor-fixture.com/burst.html?n=100', done: 'title' as const, loads: 4 },
  { name: 'demo home page (20 trackers)', url: 'https://www.inbenta.com/', done: 'load' as const, loads: 15 },
  { name: 'storage page (hooks + reads)', url: 'https://www.auditor-fixture.com/storage.html', done: 'load' as const, loads: 15 },
];
const variants: Variant[] = ['without', 'listeners', 'with'];
const browsers = new Map<Variant, Awaited<ReturnType<typeof launch>>>();
for (const variant of variants) browsers.set(variant, await launch(variant, server.hostRules));
/** Per case, one entry per turn: each variant's time in that turn. */
const turns: Record<string, Record<Variant, number>[]> = {};
for (const c of cases) {
  for (const variant of variants) await timePage(browsers.get(variant)!.context, c.warmUrl ?? c.url, c.done);
  for (let turn = 0; turn < c.loads; turn++) {
    const times = {} as Record<Variant, number>;
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(turn + i) % variants.length]!;
      times[variant] = await timePage(browsers.get(variant)!.context, c.url, c.done);
    }
    (turns[c.name] ??= []).push(times);
  }
}
for (const browser of browsers.values()) await browser.cleanup();
await server.close();
console.log('Page load with vs. without the auditor extension (three browsers taking turns; medians of the ratios within each turn; one run).');
console.log('"listeners": an extension with the same webRequest listeners doing nothing; "ours": with / listeners.');
for (const [name, rows] of Object.entries(turns)) {
  const ratio = (a: Variant, b: Variant) => median(rows.map((t) => t[a] / t[b])).toFixed(2);
  const ms = (v: Variant) => median(rows.map((t) => t[v])).toFixed(0).padStart(6);
  console.log(
    `  ${name.padEnd(42)} without ${ms('without')} ms   with ${ms('with')} ms   ratio ${ratio('with', 'without')}×` +
      `   listeners ${ratio('listeners', 'without')}×   ours ${ratio('with', 'listeners')}×   (${rows.length} turns)`,
  );
}
