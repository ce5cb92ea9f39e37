import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMap } from '../../lib/extension/messages';
import { parseReport, type Report } from '../../lib/model/report';
import type { Observation } from '../../lib/model/observation';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { buildFirefoxExtension } from './firefox-build';
import { startFixtureProxy, type FixtureProxy } from './firefox-fixture-proxy';

/*
 * The Firefox build (.output/firefox-mv2) installed as a temporary add-on in headless Firefox,
 * driven over WebDriver BiDi by puppeteer-core, browsing the demo site. Observations are read
 * through the extension's own report page, as a user would see them.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));
const DEMO = 'https://www.inbenta.com/';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
// Pinned so the test knows the add-on's moz-extension:// address (one per profile, random otherwise).
const EXTENSION_UUID = '3d0c6f4e-8a1b-4c52-9e7d-5b2a6c1f0e93';

/**
 * Third-party requests of the demo home page (as in the Chromium demo test), with Firefox's
 * webRequest types: navigator.sendBeacon is `beacon` there, where Chromium says `ping`.
 */
const EXPECTED_THIRD_PARTY: [host: string, resourceType: string][] = [
  ['www.googletagmanager.com', 'script'],
  ['www.google-analytics.com', 'script'],
  ['www.google-analytics.com', 'image'],
  ['www.google-analytics.com', 'beacon'],
  ['stats.g.doubleclick.net', 'image'],
  ['ad.doubleclick.net', 'image'],
  ['px.ads.linkedin.com', 'image'],
  ['marketing.actonservice.com', 'script'],
  ['connect.facebook.net', 'script'],
  ['www.facebook.com', 'sub_frame'],
  ['platform.twitter.com', 'sub_frame'],
  ['static.hotjar.com', 'script'],
  ['in.hotjar.com', 'xmlhttprequest'],
  ['analytics.tiktok.com', 'beacon'],
];

if (!FIREFOX) console.warn('firefox-extension.test.ts skipped: no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH); CI installs it.');

describe.skipIf(!FIREFOX)('the extension in headless Firefox', () => {
  let server: FixtureServer;
  let proxy: FixtureProxy;
  let browser: Browser;
  let workDir: string;
  let manifest: { manifest_version: number; icons: Record<string, string>; browser_specific_settings: { gecko: { id: string } } };
  let installedId: string;
  let report: Report;

  /** Opens one of the extension's pages (report, options) in a new tab. */
  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    const url = `moz-extension://${EXTENSION_UUID}/${path}`;
    // The tab moves to the extension's process: puppeteer never sees the load event, and its
    // evaluations fail while the old document goes away. Ask the document itself until it is there.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (state === `${url} complete`) return page;
      await sleep(200);
    }
    throw new Error(`${url} did not open`);
  }

  /** The worker's report for a site (the demo's by default), asked as the popup asks it; undefined until the worker answers. */
  async function siteReport(page: Page, site = 'inbenta.com'): Promise<Report | undefined> {
    const answer = (await page.evaluate(async (site) => {
      const ext = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      return ext.runtime.sendMessage({ type: 'site-report', site });
    }, site)) as ResponseMap['site-report'] | null | undefined;
    return answer && 'report' in answer ? parseReport(answer.report, 'site-report') : undefined;
  }

  beforeAll(async () => {
    const timings: string[] = [];
    let since = Date.now();
    const took = (step: string) => {
      timings.push(`${step} in ${((Date.now() - since) / 1000).toFixed(1)} s`);
      since = Date.now();
    };
    workDir = await mkdtemp(join(tmpdir(), 'auditor-firefox-'));
    // A private copy of the build: another build in the same checkout empties .output/ midway.
    const extension = join(workDir, 'extension');
    await buildFirefoxExtension(ROOT);
    await cp(join(ROOT, '.output', 'firefox-mv2'), extension, { recursive: true });
    manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8'));
    took('built');
    server = await startFixtureServer();
    proxy = await startFixtureProxy(server);
    since = Date.now();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The fixture's certificate is self-signed.
      acceptInsecureCerts: true,
      // WebDriver BiDi navigates only to http(s), file and blob URLs without it; the extension's pages are moz-extension://.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...proxy.firefoxPrefs,
        'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID }),
      },
    });
    took('launched');
    installedId = await browser.installExtension(extension);
    took('add-on installed');
    const helper = await openExtensionPage('options.html');
    const site = await browser.newPage();
    // The background may still be starting: browse again until it saw the trackers.
    let seen: Report | undefined;
    for (let attempt = 0; attempt < 3 && !seen?.observations.some((o) => o.host === 'www.google-analytics.com'); attempt++) {
      await site.goto(DEMO, { waitUntil: 'load' });
      await sleep(3000);
      seen = await siteReport(helper);
    }
    if (!seen) throw new Error('the extension never answered with a report for inbenta.com');
    report = seen;
    took('demo site audited');
    console.info(`${await browser.version()}: ${timings.join(', ')}`);
    await helper.close();
    await site.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await proxy?.close();
    await server?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const observed = (kind: Observation['kind']) => report.observations.filter((o) => o.kind === kind);

  it('installs the MV2 build under our add-on id, with its icons', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(installedId).toBe(manifest.browser_specific_settings.gecko.id);
    expect(Object.keys(manifest.icons).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
  });

  it('records the third-party requests of every type', () => {
    const seen = new Set(report.observations.filter((o) => o.party === 'third').map((o) => `${o.host} ${o.resourceType}`));
    expect(EXPECTED_THIRD_PARTY.map(([host, type]) => `${host} ${type}`).filter((key) => !seen.has(key))).toEqual([]);
  });

  it('records only requests that reached the fixture web, through the proxy', () => {
    const served = new Set(server.requests);
    const invented = report.observations
      .filter((o) => o.url !== undefined && o.source === 'network' && (o.kind === 'request' || o.kind === 'beacon'))
      .map((o) => new URL(o.url!))
      .filter((url) => !served.has(`${url.hostname} ${url.pathname}${url.search}`));
    expect(invented.map(String)).toEqual([]);
    expect(proxy.tunnels).toContain('www.inbenta.com:443');
  });

  it('records cookies from Set-Cookie headers (Firefox shows them without extraHeaders) and from document.cookie', () => {
    const cookies = observed('cookie').map((o) => ({ name: o.name, host: o.host, party: o.party, via: o.via }));
    expect(cookies).toEqual(
      expect.arrayContaining([
        { name: 'PHPSESSID', host: 'www.inbenta.com', party: 'first', via: ['http'] },
        { name: 'IDE', host: 'doubleclick.net', party: 'third', via: ['http'] },
        { name: 'fr', host: 'facebook.com', party: 'third', via: ['http'] },
        expect.objectContaining({ name: '_ga', via: ['js'] }),
      ]),
    );
    const ga = observed('cookie').find((o) => o.name === '_ga')!;
    expect(ga.url).toBe('https://www.google-analytics.com/analytics.js');
  });

  it('records beacons: tracking pixels and navigator.sendBeacon', () => {
    const beacons = observed('beacon').map((o) => `${o.host} ${o.via?.join(',')}`);
    expect(beacons).toEqual(
      expect.arrayContaining([
        'www.google-analytics.com pixel',
        'www.google-analytics.com send-beacon',
        'analytics.tiktok.com send-beacon',
        'px.ads.linkedin.com pixel',
      ]),
    );
  });

  it('records local and session storage written by the page and by Hotjar', () => {
    const storage = observed('storage').map((o) => `${o.storage?.area} ${o.name}`);
    expect(storage).toEqual(expect.arrayContaining(['localStorage _hjid', 'sessionStorage _hjSession_123456', 'localStorage inbenta_lang']));
    expect(observed('storage').find((o) => o.name === '_hjid')?.url).toMatch(/^https:\/\/static\.hotjar\.com\//);
  });

  it('records a hostile page\'s writes, and credits a pagehide beacon to the page that sent it (no document ids in Firefox)', async () => {
    const tab = await browser.newPage();
    await tab.goto('https://www.auditor-fixture.com/quiet.html', { waitUntil: 'load' });
    await sleep(1000);
    await tab.goto('https://www.auditor-fixture.com/leave.html', { waitUntil: 'load' });
    await sleep(800);
    await tab.goto('https://www.other-fixture.org/arrive.html', { waitUntil: 'load' });
    await sleep(2000);
    await tab.close();
    const helper = await openExtensionPage('options.html');
    const fixture = (await siteReport(helper, 'auditor-fixture.com'))!;
    const other = (await siteReport(helper, 'other-fixture.org'))!;
    await helper.close();
    const find = (name: string) => fixture.observations.find((o) => o.name === name || o.url?.endsWith(name));
    expect(find('quiet_ls')?.confirmedBy).toContain('page-hook');
    expect(find('quiet_js')?.via).toContain('js');
    expect(find('keep?quiet=1')).toMatchObject({ kind: 'beacon', via: ['keepalive'] });
    expect(find('beacon?from=leave')?.pageUrl).toBe('https://www.auditor-fixture.com/leave.html');
    expect(other.observations.filter((o) => o.url?.includes('from=leave'))).toEqual([]);
    expect(other.observations.find((o) => o.url?.endsWith('p.gif?on=arrive'))?.pageUrl).toBe('https://www.other-fixture.org/arrive.html');
  });

  it('shows the findings on the report page, Hotjar undisclosed', async () => {
    const page = await openExtensionPage('report.html?site=inbenta.com');
    await page.waitForSelector('[data-finding-id]');
    const rows = await page.$$eval('[data-finding-id]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-finding-id'), status: el.getAttribute('data-status') })),
    );
    const current = (await siteReport(page))!;
    expect(rows.map((r) => r.id).sort()).toEqual(current.findings.map((f) => f.id).sort());
    expect(current.findings.length).toBeGreaterThan(5);
    const hotjar = current.findings.find((f) => f.subject === 'Hotjar');
    expect(rows.find((r) => r.id === hotjar?.id)?.status).toBe('undisclosed');
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('Privacy policy audit: inbenta.com');
    await page.close();
  });
});
