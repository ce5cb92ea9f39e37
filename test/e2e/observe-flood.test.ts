import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { WorkerCalls } from '../../lib/headless/extension-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../lib/headless/chromium';
import { auditFixture, launchAuditBrowser, startFixtureServer } from './helpers';
import type { FixtureServer } from '../fixtures/server';

/**
 * A page that calls the hooked APIs 100,000 times (99,000 localStorage.setItem with unique 4 KB
 * keys, 1,000 sendBeacon to unique URLs) and then loads 20 real third-party pixels
 * (test/fixtures/hosts/www.auditor-fixture.com/flood-calls.html).
 */
const FLOOD_URL = 'https://www.auditor-fixture.com/flood-calls.html?keys=99000&beacons=1000';
const KEYS = 99_000;
/** What one page view may have recorded of its own reports (lib/observe/page-budget.ts). */
const EVENTS_PER_PAGE = 5_000;
/** "Answers within a few seconds": the longest the worker may take to answer while the page floods it. */
const RESPONSIVE_MS = 5_000;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

/** The page in plain Chromium (no extension): the floor the audit is held against. */
async function plainLoadMs(url: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', `--host-resolver-rules=${server.hostRules}`, '--ignore-certificate-errors'],
  });
  try {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return Date.now() - started;
  } finally {
    await browser.close();
  }
}

/**
 * Asks the worker, over and over while the page floods it, for something that waits its turn:
 * a task of its own (behind the messages queued before it) and the store's pending write.
 * Returns the slowest answer, in milliseconds, as the test sees it.
 */
function probeWorker(worker: WorkerCalls): { stop(): Promise<{ slowestMs: number; answers: number }> } {
  let running = true;
  let slowestMs = 0;
  let answers = 0;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      await worker.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await (globalThis as unknown as { auditor: { store: { flush(): Promise<void> } } }).auditor.store.flush();
      });
      slowestMs = Math.max(slowestMs, Date.now() - started);
      answers += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { slowestMs, answers };
    },
  };
}

const isFloodKey = (name: string | undefined) => name !== undefined && /^\d+_[a-z]{16}/.test(name);

describe('a page that floods the hooked APIs', () => {
  it('records the 20 real pixels, stays responsive, counts what it left out and finishes in bounded time', async () => {
    const plainMs = await plainLoadMs(FLOOD_URL);
    const browser = await launchAuditBrowser(server.hostRules);
    try {
      await browser.warmUp();
      const worker = await browser.worker();
      const probe = probeWorker(worker);
      const started = Date.now();
      const page = await browser.visit(FLOOD_URL, { pageTimeoutMs: 120_000, waitMs: 3_000, scroll: false });
      const visitMs = Date.now() - started;
      const { slowestMs, answers } = await probe.stop();
      const readStarted = Date.now();
      const observations = await browser.observations();
      const capped = (await browser.cappedByPage())[FLOOD_URL] ?? 0;
      const readMs = Date.now() - readStarted;
      const stored = observations.filter((o) => o.kind === 'storage' && isFloodKey(o.name));

      // The report page answers too: it is the popup's question, asked by an extension page.
      const extensionId = new URL(worker.url()).host;
      const { reportMs, reportCapped, notice } = await browser.inTab(async (tab) => {
        await tab.goto(`chrome-extension://${extensionId}/popup.html?site=auditor-fixture.com`);
        const asked = Date.now();
        const answer = (await tab.evaluate(() =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'site-report', site: 'auditor-fixture.com' }),
        )) as { report: { pages: { url: string; capped?: number }[] } };
        const ms = Date.now() - asked;
        const text = await tab.getByTestId('capped-notice').textContent({ timeout: 30_000 }).catch(() => null);
        return { reportMs: ms, reportCapped: answer.report.pages.find((p) => p.url === FLOOD_URL)?.capped, notice: text };
      });
      console.info(
        `flood of ${KEYS.toLocaleString('en-US')} setItem + 1,000 sendBeacon: plain Chromium ${plainMs} ms; audited visit ${visitMs} ms; ` +
          `slowest worker answer ${slowestMs} ms (${answers} answers); record read ${readMs} ms; site report ${reportMs} ms; ` +
          `${stored.length} flood keys stored, ${capped} reports left out`,
      );

      expect(page.visit.error).toBeUndefined();
      const pixels = new Set(observations.filter((o) => o.url?.includes('/p.gif?real=')).map((o) => o.url));
      expect(pixels.size).toBe(20);
      expect(stored.length).toBeLessThanOrEqual(EVENTS_PER_PAGE);
      // Every report is either recorded or counted: nothing is dropped silently.
      expect(stored.length + capped).toBeGreaterThanOrEqual(KEYS);
      // Long keys are cut before they travel, with their length kept.
      expect(stored.every((o) => (o.name?.length ?? 0) <= 256 && o.storage?.keyLength !== undefined && o.storage.keyLength > 4_000)).toBe(true);
      expect(slowestMs).toBeLessThan(RESPONSIVE_MS);
      expect(reportMs).toBeLessThan(RESPONSIVE_MS);
      expect(reportCapped).toBe(capped);
      expect(notice).toMatch(/^[\d,]+ reports? from this site’s pages (was|were) left out: a page flooded the record/);
      // Bounded: the audited visit (load, 3 s of quiet, close) stays within twice the page's own time and a margin.
      expect(visitMs).toBeLessThan(2 * plainMs + 15_000);
    } finally {
      await browser.close();
    }
  });

  it('the CLI report says the page was capped and by how much, in report.json, report.html and the summary', async () => {
    const started = Date.now();
    // A page timeout as long as the first test's: on a busy machine plain Chromium alone can take 20 s to load the page.
    const run = await auditFixture(server, [FLOOD_URL], ['--wait-ms', '3000', '--page-timeout', '120000', '--format', 'json,html,markdown']);
    const auditMs = Date.now() - started;
    console.info(`CLI audit of the flood page: ${auditMs} ms, exit ${run.code}\n${run.log.join('\n')}`);
    expect(run.code).toBe(0);
    const page = run.report!.pages[0]!;
    expect(page.capped).toBeGreaterThanOrEqual(KEYS - EVENTS_PER_PAGE);
    expect(run.report!.observations.filter((o) => o.url?.includes('/p.gif?real=')).length).toBe(20);
    const summary = run.log.join('\n');
    expect(summary).toContain(`${page.capped!.toLocaleString('en-US')} reports from 1 page were left out`);
    const html = await readFile(join(run.outDir, 'report.html'), 'utf8');
    expect(html).toContain(`${page.capped!.toLocaleString('en-US')} reports left out`);
    const markdown = await readFile(join(run.outDir, 'report.md'), 'utf8');
    expect(markdown).toContain(`${page.capped!.toLocaleString('en-US')} reports left out`);
    expect(auditMs).toBeLessThan(180_000);
  });
});
