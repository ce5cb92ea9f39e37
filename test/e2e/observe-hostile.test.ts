import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAuditBrowser, startFixtureServer } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import type { AuditBrowser } from '../../lib/headless/audit-browser';
import type { Observation } from '../../lib/model/observation';

/**
 * Pages that do not want to be audited, in the CLI's browser: one that tries to see and silence
 * the hooks, one that inspects them, one that says goodbye with a beacon while the tab moves to
 * another site, and one whose link is a download.
 */
const SITE = 'https://www.auditor-fixture.com';
const OTHER_SITE = 'https://www.other-fixture.org';
const PIXELS = 'https://pixel.metrics-fixture.io';
const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let server: FixtureServer;
let browser: AuditBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchAuditBrowser(server.hostRules);
  await browser.warmUp();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `url` in a tab of its own, runs `then`, closes the tab and returns everything recorded. */
async function browse(url: string, then: (page: Page) => Promise<void> = () => settle(1500)): Promise<Observation[]> {
  await browser.forgetObservations();
  await browser.inTab(async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    await then(page);
  });
  await settle(500); // the last batch, sent when the tab closed
  return browser.observations();
}

describe('quiet hooks', () => {
  it('records the writes of a page that stops every event it can name and patches dispatchEvent, addEventListener and friends', async () => {
    const observations = await browse(`${SITE}/quiet.html`);
    const caught = server.requests.find((r) => r.startsWith('www.auditor-fixture.com /quiet-caught?'));
    expect(decodeURIComponent(caught ?? '').split('?')[1]).toBe('reports=0&calls=');
    const storage = observations.find((o) => o.kind === 'storage' && o.name === 'quiet_ls');
    expect(storage?.source === 'page-hook' || storage?.confirmedBy?.includes('page-hook')).toBe(true);
    const cookie = observations.find((o) => o.kind === 'cookie' && o.name === 'quiet_js');
    expect(cookie?.via).toContain('js');
    const keepalive = observations.find((o) => o.url === `${PIXELS}/keep?quiet=1`);
    expect(keepalive).toMatchObject({ kind: 'beacon', via: ['keepalive'] });
  });

  it('shows hooked functions as native code, with their names and lengths', async () => {
    await browser.inTab(async (page) => {
      await page.goto(`${SITE}/landing.html`, { waitUntil: 'load' });
      // A string, not a function: the test runner's transform would add helpers the page lacks.
      const looks = await page.evaluate(`(() => {
        const text = (f) => Function.prototype.toString.call(f);
        const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
        return {
          fetch: fetch.toString(),
          fetchCall: text(fetch),
          sendBeacon: text(navigator.sendBeacon),
          setItem: text(Storage.prototype.setItem),
          cookieSetter: text(cookie.set),
          open: text(IDBFactory.prototype.open),
          cacheOpen: text(CacheStorage.prototype.open),
          register: text(ServiceWorkerContainer.prototype.register),
          cookieStoreSet: text(CookieStore.prototype.set),
          setTimeout: setTimeout.toString(),
          clearTimeout: text(clearTimeout),
          toString: text(Function.prototype.toString),
          shapes: [fetch.name, fetch.length, 'prototype' in fetch, setTimeout.name, setTimeout.length, Function.prototype.toString.name].join(),
        };
      })()`);
      expect(looks).toEqual({
        fetch: 'function fetch() { [native code] }',
        fetchCall: 'function fetch() { [native code] }',
        sendBeacon: 'function sendBeacon() { [native code] }',
        setItem: 'function setItem() { [native code] }',
        cookieSetter: 'function set cookie() { [native code] }',
        open: 'function open() { [native code] }',
        cacheOpen: 'function open() { [native code] }',
        register: 'function register() { [native code] }',
        cookieStoreSet: 'function set() { [native code] }',
        setTimeout: 'function setTimeout() { [native code] }',
        clearTimeout: 'function clearTimeout() { [native code] }',
        toString: 'function toString() { [native code] }',
        shapes: 'fetch,1,false,setTimeout,1,toString',
      });
    });
  });

  it('converts what the page passes exactly once, as the browser alone would', async () => {
    const observations = await browse(`${SITE}/landing.html`, async (page) => {
      const counts = await page.evaluate(`(() => {
        const counts = {};
        const counted = (name, text) => ({ toString: () => { counts[name] = (counts[name] || 0) + 1; return text; } });
        fetch(counted('fetch', '${PIXELS}/keep?counted=1'), { method: 'POST', body: 'x', keepalive: true });
        const init = { method: 'POST', body: 'x' };
        Object.defineProperty(init, 'keepalive', { get: () => { counts.keepalive = (counts.keepalive || 0) + 1; return true; } });
        fetch('${PIXELS}/keep?counted=2', init);
        navigator.sendBeacon(counted('sendBeacon', '${PIXELS}/beacon?counted=1'), 'x');
        localStorage.setItem(counted('setItemKey', 'counted_key'), counted('setItemValue', 'v'));
        document.cookie = counted('cookie', 'counted_cookie=1; path=/');
        indexedDB.open(counted('indexedDB', 'counted_db'));
        caches.open(counted('caches', 'counted_cache')).catch(() => undefined);
        navigator.serviceWorker.register(counted('serviceWorker', '/no-such-worker.js')).catch(() => undefined);
        const cookieInit = { value: counted('cookieStoreValue', '1'), path: '/' };
        Object.defineProperty(cookieInit, 'name', { enumerable: true, get: () => { counts.cookieStoreName = (counts.cookieStoreName || 0) + 1; return 'counted_store'; } });
        cookieStore.set(cookieInit);
        cookieStore.set(counted('cookieStoreByName', 'counted_store_2'), '1');
        setTimeout(() => undefined, { valueOf: () => { counts.setTimeout = (counts.setTimeout || 0) + 1; return 10; } });
        return counts;
      })()`);
      expect(counts).toEqual({ fetch: 1, keepalive: 1, sendBeacon: 1, setItemKey: 1, setItemValue: 1, cookie: 1, indexedDB: 1, caches: 1, serviceWorker: 1, cookieStoreName: 1, cookieStoreValue: 1, cookieStoreByName: 1, setTimeout: 1 });
      await settle(1500);
    });
    // What the hooks reported is what the page meant.
    expect(observations.find((o) => o.url === `${PIXELS}/keep?counted=1`)?.via).toEqual(['keepalive']);
    expect(observations.find((o) => o.url === `${PIXELS}/keep?counted=2`)?.via).toEqual(['keepalive']);
    expect(observations.some((o) => o.kind === 'storage' && o.name === 'counted_key')).toBe(true);
    expect(observations.filter((o) => o.kind === 'cookie' && o.name?.startsWith('counted_store')).map((o) => `${o.name} ${o.via}`).sort()).toEqual(['counted_store api', 'counted_store_2 api']);
  });
});

describe('right page', () => {
  it('credits a pagehide beacon to the page that sent it, not to the site the tab moved on to', async () => {
    const observations = await browse(`${SITE}/leave.html`, async (page) => {
      await settle(800);
      await page.goto(`${OTHER_SITE}/arrive.html`, { waitUntil: 'load' });
      await settle(1500);
    });
    const pageOf = (url: string) => observations.find((o) => o.url === url)?.pageUrl;
    expect(pageOf(`${PIXELS}/beacon?from=leave`)).toBe(`${SITE}/leave.html`);
    expect(pageOf(`${PIXELS}/p.gif?on=leave`)).toBe(`${SITE}/leave.html`);
    expect(pageOf(`${PIXELS}/p.gif?on=arrive`)).toBe(`${OTHER_SITE}/arrive.html`);
  });

  it('keeps the page when a link downloads a file', async () => {
    const observations = await browse(`${SITE}/download.html`, () => settle(2500));
    const pageOf = (match: (o: Observation) => boolean) => observations.filter(match).map((o) => o.pageUrl);
    expect(pageOf((o) => o.url === `${SITE}/files/report.bin`)).toEqual([`${SITE}/download.html`]);
    expect(pageOf((o) => o.url === `${PIXELS}/p.gif?after=download`)).toEqual([`${SITE}/download.html`]);
    expect(pageOf((o) => o.kind === 'storage' && o.name === 'after_download')).toEqual([`${SITE}/download.html`]);
    expect(new Set(observations.map((o) => o.pageUrl))).toEqual(new Set([`${SITE}/download.html`]));
  });
});
