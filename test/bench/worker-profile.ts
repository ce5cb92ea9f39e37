/**
 * Where the extension's worker spends its time while a page makes a burst of requests: the
 * DevTools Protocol's sampling profiler on the service worker, with IndexedDB counted (puts and
 * transactions). Prints the worker's busy time per request and its costliest functions.
 * Run: npx tsx test/bench/worker-profile.ts [--requests N] [--url URL]
 * Prints; asserts nothing (timings depend on the machine).
 */
import { chromium, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';

const ROOT = resolve(import.meta.dirname, '..', '..');
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const REQUESTS = Number(option('--requests') ?? 1000);
const URL_TO_LOAD = option('--url') ?? `https://www.auditor-fixture.com/burst.html?n=${REQUESTS}`;
const DEBUG_PORT = 9_000 + Math.floor(Math.random() * 1_000);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A DevTools Protocol session on the worker's own target (Playwright's Worker has none). */
async function workerSession(): Promise<{ send(method: string, params?: object): Promise<unknown>; close(): void }> {
  const targets = (await (await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('the extension worker is not among the DevTools targets');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let lastId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? message.error);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve) => {
        const id = ++lastId;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/** Counts IndexedDB puts and read-write transactions in the worker from now on. */
async function countDatabaseWork(worker: Worker): Promise<() => Promise<{ puts: number; transactions: number }>> {
  await worker.evaluate(() => {
    const counts = { puts: 0, transactions: 0 };
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
      if (args[1] === 'readwrite') counts.transactions += 1;
      return transaction.apply(this, args);
    } as typeof transaction;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      counts.puts += 1;
      return put.apply(this, args);
    } as typeof put;
    Object.assign(globalThis, { benchDatabaseCounts: counts });
  });
  return () => worker.evaluate(() => (globalThis as unknown as { benchDatabaseCounts: { puts: number; transactions: number } }).benchDatabaseCounts);
}

function selfTimes(profile: Profile): { busyMs: number; top: [string, number][] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
    if (functionName === '(idle)') return;
    const micros = profile.timeDeltas[i] ?? 0;
    busy += micros;
    const where = url ? ` ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  });
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, micros]): [string, number] => [key, micros / 1000]);
  return { busyMs: busy / 1000, top };
}

if (buildIsStale(ROOT)) await buildExtension(ROOT, console.error);
const server = await startFixtureServer();
const profileDir = await mkdtemp(join(tmpdir(), 'auditor-bench-profile-'));
await prepareProfile(profileDir, false);
const flags = chromiumFlags({ extensionDir: extensionDir(ROOT), hostRules: server.hostRules, insecure: true, extra: [`--remote-debugging-port=${DEBUG_PORT}`] });
const context = await chromium.launchPersistentContext(profileDir, { executablePath: findChromium(), headless: true, args: flags, ignoreHTTPSErrors: true });
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  // Past the first navigation, which a fresh install does not see.
  for (let i = 0; i < 20; i++) {
    await page.goto(`https://www.auditor-fixture.com/landing.html?warm=${i}`);
    if (await worker.evaluate(() => (globalThis as unknown as { auditor: { store: { count(): Promise<number> } } }).auditor.store.count())) break;
  }
  const databaseWork = await countDatabaseWork(worker);
  const session = await workerSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const started = performance.now();
  await page.goto(URL_TO_LOAD, { waitUntil: 'load' });
  if (URL_TO_LOAD.includes('burst.html')) await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 300_000 });
  const pageMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1_500)); // what the worker does once the page is done counts too
  const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
  session.close();
  const { puts, transactions } = await databaseWork();
  const { busyMs, top } = selfTimes(profile);
  const requests = URL_TO_LOAD.includes('burst.html') ? REQUESTS : undefined;
  console.log(`Worker profile while ${URL_TO_LOAD} loads (${Math.round(pageMs)} ms):`);
  console.log(`  worker busy ${Math.round(busyMs)} ms${requests ? `, ${(busyMs / requests).toFixed(2)} ms a request` : ''}; IndexedDB: ${puts} puts in ${transactions} read-write transactions`);
  console.log('  costliest functions (self time, ms):');
  for (const [where, ms] of top) console.log(`  ${ms.toFixed(1).padStart(8)}  ${where}`);
} finally {
  await context.close();
  await server.close();
  await rm(profileDir, { recursive: true, force: true });
}
