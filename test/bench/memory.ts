/**
 * Memory stays bounded (issue 12), against the targets, each figure twice:
 * - the extension's worker heap (≤ 50 MB), read over the DevTools Protocol after forced garbage
 *   collections: after 100,000 observations of one site (5,000 from a page's real requests, the
 *   rest added through the worker's store), with that site's report built and kept, and after a
 *   second site as large asked for its report too;
 * - the CLI's node process (≤ 1 GB for a 1,000-page crawl): its resident memory while crawling the
 *   fixture site's generated catalog at two page counts (--crawl-pages, default 50,200), the growth
 *   per page and the projection to 1,000 pages, plus the end of a run at the most a session holds
 *   (100,000 observations read from the worker, report built and written; this file run again
 *   with --end-of-run-child); Chromium's processes are summed apart (proportional set size);
 * - `merge` of 50 shard reports of 2,000 observations each, as the CLI runs it (≤ 5 s).
 * Prints one table; asserts nothing.
 * Run: npx tsx test/bench/memory.ts [--crawl-pages 50,200] [--only worker,crawl,merge] [--rounds 2]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';
import { buildReport } from '../../lib/audit/build-report';
import { listOrganizations } from '../../lib/classify/builtin-source';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';
import type { WorkerCalls } from '../../lib/headless/extension-worker';
import { loadAttributionSources } from '../../lib/headless/policy-choice';
import type { Observation } from '../../lib/model/observation';
import type { PageVisit } from '../../lib/model/report';
import { loadPolicy } from '../../lib/policy/loader';
import { startFixtureServer } from '../fixtures/server';
import { CATALOG_PAGES } from '../fixtures/routes';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const ONLY = new Set(argument('--only', 'worker,crawl,merge').split(','));
const CRAWL_PAGES = argument('--crawl-pages', '50,200').split(',').map(Number).sort((a, b) => a - b);
const ROUNDS = Number(argument('--rounds', '2'));

const rows: string[][] = [];
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------
// Synthetic evidence, shaped like a crawl's: a few hundred third-party hosts (real tracker
// domains of the built-in map and unknown ones), each page loading a few dozen of them, with
// cookies, storage and beacons among the requests.

const THIRD_PARTY_HOSTS: string[] = [
  ...listOrganizations()
    .flatMap((org) => org.domains.slice(0, 1))
    .slice(0, 200)
    .map((domain, i) => (i % 3 === 0 ? domain : `${['cdn', 'pixel', 'api', 'static'][i % 4]}.${domain}`)),
  ...Array.from({ length: 100 }, (_, i) => `cdn.vendor-${i}.example`),
];

/**
 * About `perPage` observations of page `n` of a site, as the extension records them. Self-contained
 * (it also runs inside the extension's worker, from its source text).
 */
function pageObservations(site: string, n: number, perPage: number, idPrefix: string, time: number, hosts: readonly string[]): Observation[] {
  const pageUrl = `https://www.${site}/en/catalog/${n}`;
  const out: Observation[] = [];
  for (let i = 0; out.length < perPage; i++) {
    const host = hosts[(n * 37 + i * 11) % hosts.length]!;
    const base = { pageUrl, host, party: 'third' as const, time: time + out.length, sessionId: site, tabId: 2 + (n % 50) };
    const id = `${idPrefix}${n}-${i}`;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        out.push({ ...base, id: `${id}-s`, kind: 'request', url: `https://${host}/tag/${i}.js?site=${site}&page=${n}`, resourceType: 'script', method: 'GET', statusCode: 200, responseBytes: 20_000 + i, source: 'network', initiator: `https://www.${site}` });
        break;
      case 3:
      case 4:
        out.push({ ...base, id: `${id}-x`, kind: 'request', url: `https://${host}/api/v2/events?cid=${n}.${i}&t=${time}`, resourceType: 'xmlhttprequest', method: 'POST', statusCode: 204, source: 'network', initiator: `https://www.${site}` });
        break;
      case 5:
        out.push({ ...base, id: `${id}-b`, kind: 'beacon', url: `https://${host}/collect?v=1&dp=%2Fcatalog%2F${n}&cid=${i}`, resourceType: 'image', via: ['pixel'], source: 'network', reason: '1×1 image with query parameters' });
        break;
      case 6:
      case 7:
        out.push({ ...base, id: `${id}-c`, kind: 'cookie', url: `https://${host}/`, name: `_v${i % 7}_id`, via: ['http'], source: 'browser-api', cookie: { domain: `.${host}`, path: '/', lifetimeSeconds: 34_560_000, secure: true, httpOnly: false, sameSite: 'no_restriction' } });
        break;
      case 8:
        out.push({ ...base, id: `${id}-l`, kind: 'storage', url: `https://${host}/tag/${i}.js`, name: `_vendor_${i % 5}`, via: ['js'], source: 'page-hook', storage: { area: 'localStorage', origin: `https://www.${site}`, key: `_vendor_${i % 5}`, valueSize: 36, valuePreview: 'a1b2c3d4-e5f6-7890-abcd-ef12345678' } });
        break;
      default:
        out.push({ ...base, id: `${id}-i`, kind: 'request', url: `https://${host}/img/${i}.gif`, resourceType: 'image', method: 'GET', statusCode: 200, responseBytes: 43, source: 'network' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 1. The worker's heap: real traffic first (a burst page's requests), then synthetic observations
// of the same site session through the worker's own store, up to 100,000; then the site report.

const WORKER_OBSERVATIONS = 100_000;
const WORKER_TARGET = 50 * MB;

/**
 * The worker's V8 heap over the DevTools Protocol: Playwright opens sessions on pages only, so a
 * page's session attaches to the service-worker target and relays commands to it.
 */
async function workerHeapProbe(context: BrowserContext) {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) throw new Error('no extension service worker among the browser targets');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result ?? message.error);
  });
  const send = async (method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const answered = new Promise((done) => waiting.set(id, done));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answered;
  };
  return {
    /** Bytes in use on the worker's heap after two full garbage collections. */
    async usedAfterGc(): Promise<number> {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      return ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    },
    close: () => page.close(),
  };
}

interface AuditorInWorker {
  auditor: { store: { add(o: unknown): void; flush(): Promise<void>; count(): Promise<number> } };
}

/**
 * Adds `count` synthetic observations of `site`'s session (100 per page, pages 1, 2, …) through
 * the worker's store, 5,000 at a time, generated in the worker itself: the bench's own process
 * then holds none of them.
 */
async function seedWorker(worker: WorkerCalls, site: string, count: number, idPrefix: string): Promise<void> {
  for (let done = 0; done < count; ) {
    const size = Math.min(5_000, count - done);
    const args = { site, firstPage: Math.floor(done / 100) + 1, size, idPrefix, time: Date.now(), hosts: THIRD_PARTY_HOSTS };
    await worker.evaluate(`(async () => {
      const pageObservations = ${pageObservations.toString()};
      const args = ${JSON.stringify(args)};
      const { store } = globalThis.auditor;
      for (let n = args.firstPage, left = args.size; left > 0; n++) {
        const page = pageObservations(args.site, n, Math.min(100, left), args.idPrefix, args.time, args.hosts);
        for (const o of page) store.add(o);
        left -= page.length;
      }
      await store.flush();
    })()`);
    done += size;
  }
}

async function workerBench(round: number): Promise<void> {
  const t0 = performance.now();
  const step = (what: string) => process.env.BENCH_TRACE && console.error(`${((performance.now() - t0) / 1000).toFixed(1)} s ${what}`);
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'auditor-bench-memory-'));
  await prepareProfile(profile, false);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumFlags({ extensionDir: extensionDir(ROOT), hostRules: server.hostRules, insecure: true, extra: [] }),
    ignoreHTTPSErrors: true,
  });
  try {
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 120_000 }));
    const extensionId = new URL(worker.url()).host;
    const count = () => worker.evaluate(() => (globalThis as unknown as AuditorInWorker).auditor.store.count());
    // Past the first navigation, which a fresh install does not see.
    const tab = await context.newPage();
    for (let i = 0; i < 20 && (await count()) === 0; i++) await tab.goto(`https://www.auditor-fixture.com/landing.html?warm=${i}`);
    const heap = await workerHeapProbe(context);
    const idle = await heap.usedAfterGc();
    step('warm');

    // Real traffic: 5,000 third-party requests from one page of the site.
    await tab.goto('https://www.auditor-fixture.com/burst.html?n=5000');
    await tab.waitForFunction(() => document.title === 'done', undefined, { timeout: 300_000 });
    await tab.goto('about:blank');
    await worker.evaluate(() => (globalThis as unknown as AuditorInWorker).auditor.store.flush());
    const real = await count();
    step('real');

    // The rest through the store, as the collectors hand observations to it.
    await seedWorker(worker, 'auditor-fixture.com', WORKER_OBSERVATIONS - real, `syn${round}-`);
    const stored = await count();
    step('synthetic');
    const afterObservations = await heap.usedAfterGc();

    // The badge: once a policy judges the site, a page of it makes the worker count its undisclosed
    // trackers, which keeps a tally of every observation of the session (until a report is built).
    /** Runs `fn` in an extension page (the options page), as the popup asks the worker. */
    const inExtensionPage = async <T>(fn: (site: string) => Promise<T>, site: string): Promise<T> => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      const answer = await page.evaluate(fn, site);
      await page.close();
      return answer;
    };
    await inExtensionPage(
      (s) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'choose-policy', site: s, choice: 'bundled:inbenta' }),
      'auditor-fixture.com',
    );
    await tab.goto('https://www.auditor-fixture.com/landing.html?badge');
    await tab.waitForTimeout(6_000); // the badge recounts at most 3 s after activity; reading 85,000 takes a while
    const afterTally = await heap.usedAfterGc();
    step('badge');

    // The popup's question: the site report, which the worker then keeps.
    const askReport = (site: string) =>
      inExtensionPage(async (s) => {
        const started = performance.now();
        const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ report?: { observations: unknown[]; findings: unknown[] } }> } } }).chrome.runtime.sendMessage({ type: 'site-report', site: s })) ?? {};
        return { ms: performance.now() - started, observations: reply.report?.observations.length ?? 0, findings: reply.report?.findings.length ?? 0 };
      }, site);
    const first = await askReport('auditor-fixture.com');
    const afterReport = await heap.usedAfterGc();
    step('report');
    // A second site as large (the database holds 200,000 in all): the worker keeps reports of
    // several sites, but not two of this size.
    await seedWorker(worker, 'second-site.example', WORKER_OBSERVATIONS, `two${round}-`);
    const second = await askReport('second-site.example');
    const afterTwo = await heap.usedAfterGc();
    step('second report');
    await heap.close();

    const label = `run ${round + 1}`;
    const reportText = (answer: typeof first) => `${answer.observations.toLocaleString('en-US')} observations, ${answer.findings} findings, built in ${(answer.ms / 1000).toFixed(1)} s`;
    rows.push([
      `worker heap after ${WORKER_OBSERVATIONS.toLocaleString('en-US')} observations (${real.toLocaleString('en-US')} from real requests; the store's limits kept ${stored.toLocaleString('en-US')}), ${label}`,
      (afterObservations / WORKER_TARGET).toFixed(2),
      '≤ 1.00',
      `${mb(afterObservations)} vs target 50 MB (idle worker: ${mb(idle)})`,
    ]);
    rows.push([
      `worker heap with the badge's count of that site kept (a policy chosen), ${label}`,
      (afterTally / WORKER_TARGET).toFixed(2),
      '≤ 1.00',
      `${mb(afterTally)} vs target 50 MB`,
    ]);
    rows.push([
      `worker heap with the site report kept (${reportText(first)}), ${label}`,
      (afterReport / WORKER_TARGET).toFixed(2),
      '≤ 1.00',
      `${mb(afterReport)} vs target 50 MB`,
    ]);
    rows.push([
      `worker heap after a second site's report (${reportText(second)}), ${label}`,
      (afterTwo / WORKER_TARGET).toFixed(2),
      '≤ 1.00',
      `${mb(afterTwo)} vs target 50 MB`,
    ]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The CLI's resident memory over a crawl of the fixture site's generated catalog.

const CRAWL_TARGET = 1024 * MB;

/** kB fields of /proc/<pid>/status or smaps_rollup, in bytes (0 once the process is gone). */
function procField(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every process below `root` (Chromium's browser, renderers, GPU and utility processes). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length > 0; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

interface CrawlMemory {
  pages: number;
  seconds: number;
  /** Resident memory of the CLI's node process while its last fifth of the pages was crawled (median of the samples). */
  nodeCrawling: number;
  /** Its peak (VmHWM), the end of the run (observations read, report built and written) included. */
  nodePeak: number;
  /** Proportional set size summed over Chromium's processes (shared pages counted once): the same median, and the peak. */
  chromiumCrawling: number;
  chromiumPeak: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The CLI as a user starts it, crawling `pages` pages of the catalog, sampled every half second. */
async function crawl(pages: number): Promise<CrawlMemory> {
  const server = await startFixtureServer();
  const out = await mkdtemp(join(tmpdir(), 'auditor-bench-memory-out-'));
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin/policy-audit.mjs'), 'https://www.inbenta.com/en/catalog/1', '--max-pages', String(pages), '--host-rules', server.hostRules, '--insecure', '--out', out, '--no-build'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid!;
  let done = 0;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
    for (const match of chunk.toString().matchAll(/\[(\d+)\/\d+\]/g)) done = Math.max(done, Number(match[1]));
  });
  const samples: { done: number; node: number; chromium: number }[] = [];
  let nodePeak = 0;
  let chromiumPeak = 0;
  const timer = setInterval(() => {
    const node = procField(`/proc/${pid}/status`, 'VmRSS');
    const chromium = descendants(pid).reduce((sum, p) => sum + procField(`/proc/${p}/smaps_rollup`, 'Pss'), 0);
    nodePeak = Math.max(nodePeak, procField(`/proc/${pid}/status`, 'VmHWM'));
    chromiumPeak = Math.max(chromiumPeak, chromium);
    if (node > 0 && done < pages) samples.push({ done, node, chromium });
  }, 500);
  const code = await new Promise<number | null>((finish) => child.on('close', finish));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  await rm(out, { recursive: true, force: true });
  await server.close();
  if (code !== 0 && code !== 1) throw new Error(`the crawl exited ${code}: ${stderr}`);
  const lastFifth = samples.filter((x) => x.done >= pages * 0.8);
  return {
    pages: done,
    seconds,
    nodeCrawling: median(lastFifth.map((x) => x.node)),
    nodePeak,
    chromiumCrawling: median(lastFifth.map((x) => x.chromium)),
    chromiumPeak,
  };
}

/**
 * What the CLI does once the pages are audited, at the most a session holds (the extension keeps
 * 100,000 observations per site session): a 1,000-page crawl of 100 observations a page. Runs in a
 * process of its own (this file with --end-of-run-child) and prints its memory as JSON: resident
 * memory before, and the peak after, reading the observations from the worker, building the report
 * and writing json, csv and html, as run-audit does.
 */
async function endOfRunChild(): Promise<void> {
  const { AuditBrowser } = await import('../../lib/headless/audit-browser');
  const { deliverReport } = await import('../../lib/headless/outputs');
  const { toolInfo } = await import('../../lib/headless/project');
  const browser = await AuditBrowser.launch({ executablePath: findChromium(), extensionDir: extensionDir(ROOT), insecure: true, chromiumArgs: [], blockThirdPartyCookies: false, headed: false, gpc: false });
  const out = await mkdtemp(join(tmpdir(), 'auditor-bench-memory-end-'));
  try {
    await seedWorker(await browser.worker(), 'inbenta.com', 100_000, 'req-');
    const policyFile = join(ROOT, 'policy/inbenta.policy.json');
    const policy = await loadPolicy(policyFile, { repoRoot: ROOT });
    const sources = await loadAttributionSources(true);
    (globalThis as unknown as { gc(): void }).gc();
    // Linux: writing 5 to clear_refs resets the peak (VmHWM) to what is resident now.
    writeFileSync('/proc/self/clear_refs', '5');
    const before = procField('/proc/self/status', 'VmRSS');
    const started = performance.now();
    let peak = before;
    const phase = (what: string) => {
      const phasePeak = procField('/proc/self/status', 'VmHWM');
      peak = Math.max(peak, phasePeak);
      if (process.env.BENCH_TRACE) console.error(`${what}: peak ${mb(phasePeak)}, now ${mb(procField('/proc/self/status', 'VmRSS'))}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      writeFileSync('/proc/self/clear_refs', '5');
    };
    const observations = (await browser.observations()).map((o) => ({ ...o, consent: 'none' as const }));
    phase('observations read');
    const pages = Array.from({ length: 1000 }, (_, i) => ({ url: `https://www.inbenta.com/en/catalog/${i + 1}`, finalUrl: `https://www.inbenta.com/en/catalog/${i + 1}`, consent: 'none' as const }));
    const report = buildReport({ tool: await toolInfo(), startedAt: Date.now() - 600_000, finishedAt: Date.now(), pages, observations, policy: { policy, file: policyFile }, settings: { consent: [{ state: 'none', outcome: 'not-requested' }] }, sources });
    phase('report built');
    await deliverReport(report, { outDir: out, formats: ['json', 'csv', 'html'], failOn: 'none' }, { log: () => undefined, out: () => undefined });
    phase('report written');
    if (process.env.BENCH_TRACE) for (const f of readdirSync(out)) console.error(`  ${f} ${mb(statSync(join(out, f)).size)}`);
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ observations: observations.length, before, peak, seconds }));
  } finally {
    await browser.close();
    await rm(out, { recursive: true, force: true });
  }
}

async function endOfRun(): Promise<{ observations: number; before: number; peak: number; seconds: number }> {
  const child = spawn(process.execPath, [...process.execArgv, '--expose-gc', import.meta.filename, '--end-of-run-child'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((finish) => child.on('close', finish));
  if (code !== 0) throw new Error(`the end-of-run measurement exited ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function crawlBench(round: number): Promise<void> {
  const [small, large] = [CRAWL_PAGES[0]!, CRAWL_PAGES.at(-1)!];
  if (large > CATALOG_PAGES) throw new Error(`the fixture catalog has ${CATALOG_PAGES} pages (test/fixtures/routes.ts)`);
  const a = await crawl(small);
  const b = await crawl(large);
  const end = await endOfRun();
  const span = Math.max(1, b.pages - a.pages);
  const nodePerPage = (b.nodeCrawling - a.nodeCrawling) / span;
  const crawling1000 = b.nodeCrawling + nodePerPage * (1000 - b.pages);
  const endCost = end.peak - end.before;
  const projected = crawling1000 + endCost;
  const label = `run ${round + 1}`;
  const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
  rows.push([
    `CLI (node) RSS while crawling the catalog, ${label}`,
    (crawling1000 / CRAWL_TARGET).toFixed(2),
    '≤ 1.00',
    `${mb(a.nodeCrawling)} at ${a.pages} pages, ${mb(b.nodeCrawling)} at ${b.pages} (${kB(nodePerPage)} a page): ${mb(crawling1000)} at 1,000 pages, projected; ` +
      `peaks with the report ${mb(a.nodePeak)} and ${mb(b.nodePeak)}; ${a.seconds.toFixed(0)} s and ${b.seconds.toFixed(0)} s`,
  ]);
  rows.push([
    `CLI (node) end of run with ${end.observations.toLocaleString('en-US')} observations (read from the worker, report built, json + csv + html written), ${label}`,
    (endCost / CRAWL_TARGET).toFixed(2),
    '—',
    `+${mb(endCost)} over ${mb(end.before)} resident, ${end.seconds.toFixed(1)} s`,
  ]);
  rows.push([
    `CLI (node) peak of a 1,000-page crawl of 100 observations a page, projected, ${label}`,
    (projected / CRAWL_TARGET).toFixed(2),
    '≤ 1.00',
    `${mb(projected)} (crawling ${mb(crawling1000)} + end of run ${mb(endCost)}) vs target 1 GB`,
  ]);
  const chromiumPeakPerPage = (b.chromiumPeak - a.chromiumPeak) / span;
  rows.push([
    `Chromium (all its processes, PSS), same crawls, ${label}`,
    '—',
    '—',
    `peaks ${mb(a.chromiumPeak)} at ${a.pages} pages and ${mb(b.chromiumPeak)} at ${b.pages} (${kB(chromiumPeakPerPage)} a page, ${mb(b.chromiumPeak + chromiumPeakPerPage * (1000 - b.pages))} at 1,000 projected); ` +
      `while crawling ${mb(a.chromiumCrawling)} and ${mb(b.chromiumCrawling)}`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// 3. merge: 50 shard reports of 2,000 observations each (a 1,000-page crawl in 50 jobs).

const MERGE_TARGET_MS = 5_000;

/** The shard reports, written once for both rounds. */
let shards: Promise<{ dir: string; files: string[]; bytes: number }> | undefined;

async function writeShards(): Promise<{ dir: string; files: string[]; bytes: number }> {
  const SHARDS = 50;
  const PAGES_PER_SHARD = 20;
  const PER_PAGE = 100;
  const dir = await mkdtemp(join(tmpdir(), 'auditor-bench-merge-'));
  const policyFile = join(ROOT, 'policy/inbenta.policy.json');
  const policy = await loadPolicy(policyFile, { repoRoot: ROOT });
  const sources = await loadAttributionSources(true);
  const files: string[] = [];
  let bytes = 0;
  const started = Date.parse('2025-01-01T00:00:00Z');
  for (let k = 1; k <= SHARDS; k++) {
    const pages: PageVisit[] = [];
    const observations: Observation[] = [];
    // Shard k of 50 took pages k, k+50, k+100, … of a 1,000-page list.
    for (let j = 0; j < PAGES_PER_SHARD; j++) {
      const n = k + j * SHARDS;
      const url = `https://www.inbenta.com/en/catalog/${n}`;
      pages.push({ url, finalUrl: url, networkQuiet: true, consent: 'none' });
      observations.push(...pageObservations('inbenta.com', n, PER_PAGE, 'req-', started + n * 1000, THIRD_PARTY_HOSTS).map((o) => ({ ...o, consent: 'none' as const })));
    }
    const report = buildReport({
      tool: { name: 'policy-tracker-auditor', version: '0.1.0' },
      startedAt: started,
      finishedAt: started + 600_000,
      pages,
      observations,
      policy: { policy, file: policyFile },
      settings: { thirdPartyCookies: 'allowed', consent: [{ state: 'none', outcome: 'not-requested' }], shard: { index: k, count: SHARDS } },
      sources,
    });
    const text = `${JSON.stringify(report, null, 2)}\n`;
    bytes += text.length;
    const file = join(dir, `shard-${k}.json`);
    await writeFile(file, text, 'utf8');
    files.push(file);
  }
  return { dir, files, bytes };
}

async function mergeBench(round: number): Promise<void> {
  const { dir, files, bytes } = await (shards ??= writeShards());
  const out = join(dir, `merged-${round}`);
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/policy-audit.mjs'), 'merge', ...files, '--out', out, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let peak = 0;
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setInterval(() => (peak = Math.max(peak, procField(`/proc/${child.pid}/status`, 'VmHWM'))), 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  const elapsed = performance.now() - started;
  await rm(out, { recursive: true, force: true });
  if (code !== 0 && code !== 1) throw new Error(`merge exited ${code}: ${stderr}`);
  rows.push([
    `merge 50 shards × 2,000 observations (${mb(bytes)} of JSON), run ${round + 1}`,
    (elapsed / MERGE_TARGET_MS).toFixed(2),
    '≤ 1.00',
    `${(elapsed / 1000).toFixed(2)} s (whole CLI process${cliFromBundle() ? '' : ', from the TypeScript sources'}; peak RSS ${mb(peak)}) vs target 5 s`,
  ]);
}

/** Whether bin/policy-audit.mjs runs the prebuilt bundle (else tsx compiles lib/ as it loads). */
function cliFromBundle(): boolean {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  try {
    return statSync(join(ROOT, 'dist/headless/cli.mjs')).mtimeMs >= newest(join(ROOT, 'lib'));
  } catch {
    return false;
  }
}

if (process.argv.includes('--end-of-run-child')) {
  await endOfRunChild();
  process.exit(0);
}
if (buildIsStale(ROOT)) await buildExtension(ROOT, console.error);
for (let round = 0; round < ROUNDS; round++) {
  if (ONLY.has('worker')) await workerBench(round);
  if (ONLY.has('crawl')) await crawlBench(round);
  if (ONLY.has('merge')) await mergeBench(round);
}
if (shards) await rm((await shards).dir, { recursive: true, force: true });

console.log(['figure', 'ratio', 'target', 'measured'].join(' | '));
for (const row of rows) console.log(row.join(' | '));
