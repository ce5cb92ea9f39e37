import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, runCli, startFixtureServer, type AuditRun } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import type { Har } from '../../lib/headless/har';
import type { Report } from '../../lib/model/report';

/**
 * --screenshot --har: one page of the demo site, before consent and after accepting, with
 * --no-values; then the report merged, which brings its own copies of the files.
 */
const PAGE = 'https://www.inbenta.com/eu/';
const STATES = ['none', 'accept'] as const;
/** Fire only once the banner is accepted (headless-consent.test.ts). */
const MARKETING_HOSTS = ['snap.licdn.com', 'px.ads.linkedin.com', 'analytics.tiktok.com'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let server: FixtureServer;
let run: AuditRun;
let report: Report;
let merged: AuditRun;
const hars = new Map<string, Har>();

beforeAll(async () => {
  server = await startFixtureServer();
  run = await auditFixture(server, [PAGE], ['--consent', STATES.join(','), '--screenshot', '--har', '--no-values', '--format', 'json,html,markdown']);
  if (!run.report) throw new Error(`no report written; CLI said:\n${run.log.join('\n')}`);
  report = run.report;
  for (const page of report.pages) {
    if (page.har) hars.set(page.consent!, JSON.parse(await readFile(join(run.outDir, page.har), 'utf8')) as Har);
  }
  const mergedDir = await mkdtemp(join(tmpdir(), 'auditor-e2e-merged-'));
  merged = await runCli(['merge', join(run.outDir, 'report.json'), '--out', mergedDir, '--format', 'json,html'], mergedDir);
});

afterAll(async () => {
  await server?.close();
});

const hostOf = (url: string) => new URL(url).hostname;

describe('--screenshot --har: evidence per page and consent state', () => {
  it('links one PNG and one HAR per page and state, named for the page number and state', () => {
    expect(run.code, run.log.join('\n')).toBe(0);
    expect(report.pages.map((p) => [p.consent, p.screenshot, p.har])).toEqual(
      STATES.map((state) => [state, `pages/1-${state}.png`, `pages/1-${state}.har`]),
    );
    expect(run.log).toContain(`Evidence: 2 screenshots, 2 HAR files in ${join(run.outDir, 'pages')}`);
  });

  it('saves real PNG screenshots of the browser window', async () => {
    for (const page of report.pages) {
      const png = await readFile(join(run.outDir, page.screenshot!));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), page.screenshot).toBe(true);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
    }
  });

  it('saves a HAR 1.2 of each page’s traffic, its third-party requests included', () => {
    for (const state of STATES) {
      const har = hars.get(state)!;
      expect(har.log.version).toBe('1.2');
      expect(har.log.pages).toHaveLength(1);
      expect(har.log.pages[0]!.title).toBe(PAGE);
      const document = har.log.entries.find((e) => e.request.url === PAGE)!;
      expect(document.response).toMatchObject({ status: 200, content: { mimeType: expect.stringMatching(/^text\/html/) } });
      expect(document.timings.wait).toBeGreaterThanOrEqual(0);
      expect(document.response.bodySize).toBeGreaterThan(0);
      const inHar = new Set(har.log.entries.map((e) => hostOf(e.request.url)));
      // Every third party the extension saw this page request is in the page's HAR.
      const thirdParties = new Set(
        report.observations
          .filter((o) => (o.kind === 'request' || o.kind === 'beacon') && o.party === 'third' && o.consent === state && o.pageUrl === PAGE)
          .map((o) => o.host),
      );
      expect(thirdParties.size, state).toBeGreaterThanOrEqual(state === 'accept' ? 5 : 2);
      expect([...thirdParties].filter((host) => !inHar.has(host)), state).toEqual([]);
      expect(inHar.has('www.googletagmanager.com'), state).toBe(true);
      for (const host of MARKETING_HOSTS) expect(inHar.has(host), `${state} ${host}`).toBe(state === 'accept');
    }
  });

  it('leaves out Cookie and Set-Cookie values under --no-values', () => {
    for (const har of hars.values()) {
      const text = JSON.stringify(har);
      expect(text).not.toContain('9f8e7d');
      expect(text).not.toContain('PHPSESSID=');
      const document = har.log.entries.find((e) => e.request.url === PAGE)!;
      expect(document.response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie')).toContainEqual({
        name: expect.stringMatching(/^set-cookie$/i),
        value: '',
        comment: 'value omitted (--no-values)',
      });
      expect(har.log.comment).toContain('Cookie and Set-Cookie header values are omitted');
    }
  });

  it('links both from report.html and report.md', async () => {
    const html = await readFile(join(run.outDir, 'report.html'), 'utf8');
    const md = await readFile(join(run.outDir, 'report.md'), 'utf8');
    for (const state of STATES) {
      expect(html).toContain(`<a href="pages/1-${state}.png"`);
      expect(html).toContain(`<a href="pages/1-${state}.har"`);
      expect(md).toContain(`[screenshot](pages/1-${state}.png) · [HAR](pages/1-${state}.har)`);
    }
  });

  it('keeps the links through merge, to copies beside the merged report', async () => {
    expect(merged.code, merged.log.join('\n')).toBe(0);
    expect(merged.report!.pages.map((p) => [p.screenshot, p.har])).toEqual(STATES.map((state) => [`pages/s1-1-${state}.png`, `pages/s1-1-${state}.har`]));
    for (const page of merged.report!.pages) {
      expect(existsSync(join(merged.outDir, page.screenshot!)), page.screenshot).toBe(true);
      expect(await readFile(join(merged.outDir, page.har!), 'utf8')).toBe(await readFile(join(run.outDir, `pages/1-${page.consent}.har`), 'utf8'));
    }
    expect(await readFile(join(merged.outDir, 'report.html'), 'utf8')).toContain('<a href="pages/s1-1-accept.png"');
  });
});
