/**
 * A one-page audit (the whole CLI process, as a user runs it) against its floor: a plain headless
 * Chromium launched, the same page loaded, 500 ms of network quiet, closed. Same page, same run,
 * alternating, medians of five; printed as a ratio (target ≤ 1.3), and against the same floor
 * scripted as a process of its own (floor-process.mjs), which also pays for loading Node and
 * Playwright. Also a 50-page crawl with one tab and with two (target: two tabs ≥ 1.7× faster on
 * 2 cores). Asserts nothing.
 * Run: npx tsx test/bench/audit-floor.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../fixtures/server';
import { buildExtension, buildIsStale } from '../../lib/headless/build';
import { chromiumFlags, findChromium, prepareProfile } from '../../lib/headless/chromium';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PAGE = 'https://www.inbenta.com/en/products/';
const ROUNDS = 5;

if (buildIsStale(ROOT)) await buildExtension(ROOT, console.error);
// A CLI bundle older than lib/ would make the bin run the TypeScript sources through tsx, which
// costs a run half a second more than a user's (npm ci builds the bundle).
if (spawnSync(process.execPath, [join(ROOT, 'bin/build-cli.mjs')], { stdio: 'inherit' }).status !== 0) throw new Error('the CLI bundle did not build');
const server = await startFixtureServer();

/** The CLI as a user starts it (the bundle through the bin), wall time of the whole process. */
async function audit(extra: string[]): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'auditor-bench-out-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/policy-audit.mjs'), '--host-rules', server.hostRules, '--insecure', '--out', out, '--format', 'json', '--no-build', ...extra], { stdio: 'ignore' });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const elapsed = performance.now() - started;
  await rm(out, { recursive: true, force: true });
  if (code !== 0 && code !== 1) throw new Error(`audit exited ${code}`);
  return elapsed;
}

/** The audit's Chromium flags, without the extension. */
const floorFlags = () => chromiumFlags({ extensionDir: '', hostRules: server.hostRules, insecure: true, extra: [] }).filter((f) => !f.includes('-extension'));

/** The floor: the least any browser-based audit of the page must do. */
async function floor(): Promise<number> {
  const started = performance.now();
  const profile = await mkdtemp(join(tmpdir(), 'auditor-bench-floor-'));
  await prepareProfile(profile, false);
  const args = floorFlags();
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(PAGE, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  await context.close();
  const elapsed = performance.now() - started;
  await rm(profile, { recursive: true, force: true });
  return elapsed;
}

/** The same floor as a process of its own: what scripting it costs, Node and Playwright loading included. */
async function floorProcess(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'test/bench/floor-process.mjs'), findChromium(), PAGE, ...floorFlags()], { stdio: 'ignore' });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`floor process exited ${code}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const audits: number[] = [];
const floors: number[] = [];
const floorProcesses: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  floors.push(await floor());
  audits.push(await audit([PAGE]));
  floorProcesses.push(await floorProcess());
}
// The fixture site's generated catalog: 50 pages that link on, each with two trackers.
const crawl = (tabs: number) => audit(['https://www.inbenta.com/en/catalog/1', '--max-pages', '50', '--concurrency', String(tabs)]);
const oneTab = await crawl(1);
const twoTabs = await crawl(2);
await server.close();

const rows = [
  ['one-page audit / floor', (median(audits) / median(floors)).toFixed(2), '≤ 1.30', `${Math.round(median(audits))} ms vs ${Math.round(median(floors))} ms`],
  ['one-page audit / floor as a process', (median(audits) / median(floorProcesses)).toFixed(2), '', `${Math.round(median(audits))} ms vs ${Math.round(median(floorProcesses))} ms (Node and Playwright loading included)`],
  ['50-page crawl, 1 tab / 2 tabs', (oneTab / twoTabs).toFixed(2), '≥ 1.70', `${Math.round(oneTab)} ms vs ${Math.round(twoTabs)} ms`],
];
console.log(['figure', 'ratio', 'target', 'medians'].join(' | '));
for (const row of rows) console.log(row.join(' | '));
