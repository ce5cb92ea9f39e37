import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';
import { PROJECT_ROOT } from '../../lib/headless/project';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { workerAnswers } from '../../lib/headless/warm-up';
import { launchAuditBrowser } from './helpers';
import { chromium } from 'playwright-core';
import { ChromiumProcess } from '../../lib/headless/chromium-process';
import { findChromium } from '../../lib/headless/chromium';

/**
 * A generous bound on the time from launching the browser to the first audited navigation: a
 * few seconds on a 2-core machine. A run that waits on something idle (a peer's connection,
 * a fixed sleep) takes tens of seconds and fails here.
 */
const STARTUP_BOUND_MS = 10_000;

let server: FixtureServer;

beforeAll(async () => {
  if (buildIsStale(PROJECT_ROOT)) await buildExtension(PROJECT_ROOT, () => undefined);
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

const launch = (hostRules: string) => launchAuditBrowser(hostRules);

/** A peer that accepts connections and never answers nor closes them. */
async function startSilentPeer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const peer: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((done) => peer.listen(0, '127.0.0.1', done));
  return {
    port: (peer.address() as { port: number }).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => peer.close(() => done()));
    },
  };
}

describe('browser start-up', () => {
  it('reaches the first audited page within a few seconds of launch, and records it', async () => {
    const launchedAt = Date.now();
    const browser = await launch(server.hostRules);
    try {
      await workerAnswers(browser);
      const startupMs = Date.now() - launchedAt;
      console.info(`browser launch to first audited navigation: ${startupMs} ms`);
      expect(startupMs).toBeLessThan(STARTUP_BOUND_MS);

      const page = await browser.visitFirst('https://www.inbenta.com/en/products/', { pageTimeoutMs: 15_000, waitMs: 2_000, scroll: false });
      expect(page.visit.error).toBeUndefined();
      const observations = await browser.observations();
      expect(observations.filter((o) => o.kind === 'request' && o.url === 'https://www.inbenta.com/en/products/')).toHaveLength(1);
      // Had the first visit gone unrecorded, the warm-up's own traffic is forgotten: the report starts with the audited page.
      expect(observations.some((o) => o.url?.includes('auditor-warm-up'))).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('warms up with navigations of its own, answered by the browser, and forgets them', async () => {
    const browser = await launch(server.hostRules);
    try {
      await browser.warmUp(); // throws unless the extension recorded one of them
      // Its pages are forgotten (the favicon Chromium asks for after the page may still arrive).
      const left = await browser.observations({ includeWarmUp: true });
      expect(left.filter((o) => o.url && new URL(o.url).pathname === '/auditor-warm-up')).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('does not wait on any peer: every host name sent to a server that never answers', async () => {
    const silent = await startSilentPeer();
    const launchedAt = Date.now();
    const browser = await launch(`MAP * 127.0.0.1:${silent.port}`);
    try {
      await browser.warmUp();
      expect(Date.now() - launchedAt).toBeLessThan(STARTUP_BOUND_MS);
    } finally {
      await browser.close();
      await silent.close();
    }
  });
});

describe('a browser that dies under the audit', () => {
  it('ends every call still waiting on it when the browser process dies', async () => {
    const started = await ChromiumProcess.start({ executablePath: findChromium(), headed: false, blockThirdPartyCookies: false, extensionDir: extensionDir(PROJECT_ROOT), hostRules: server.hostRules, insecure: true, extra: [] });
    const browser = await chromium.connectOverCDP(started.pipe);
    try {
      const page = await browser.contexts()[0]!.newPage();
      const waiting = page.evaluate(() => new Promise(() => undefined)).then(() => 'answered', () => 'failed');
      process.kill(started.pid!, 'SIGKILL'); // the browser process alone, as a crash would
      const outcome = await Promise.race([waiting, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 20_000))]);
      expect(outcome).toBe('failed');
    } finally {
      await started.stop();
    }
  });
});

describe('tags a page schedules after its load', () => {
  it('waits for the timers due in the page’s first seconds, not for later ones, and ends a quiet page at once', async () => {
    const browser = await launch(server.hostRules);
    try {
      await browser.warmUp();
      const started = Date.now();
      const page = await browser.visit('https://www.auditor-fixture.com/delayed.html', { pageTimeoutMs: 15_000, waitMs: 5_000, scroll: false });
      const visitMs = Date.now() - started;
      expect(page.visit.error).toBeUndefined();
      const urls = (await browser.observations()).map((o) => o.url ?? '');
      expect(urls.filter((u) => u.includes('delayed=')).map((u) => new URL(u).searchParams.get('delayed')).sort()).toEqual(['1000', '2200']);
      console.info(`page with tags at 1 s and 2.2 s after load: visit ${visitMs} ms`);
      // The 20 s timer is beyond the horizon: the visit does not wait for it.
      expect(visitMs).toBeLessThan(15_000);
    } finally {
      await browser.close();
    }
  });
});

describe('the tool’s own privacy', () => {
  it('records storage values by size only when asked (--no-values)', async () => {
    const browser = await launchAuditBrowser(server.hostRules, { valuePreviews: false });
    try {
      await browser.warmUp();
      await browser.visit('https://www.auditor-fixture.com/storage.html', { pageTimeoutMs: 15_000, waitMs: 3_000, scroll: false });
      const storage = (await browser.observations()).filter((o) => o.kind === 'storage' && o.storage?.area === 'localStorage');
      expect(storage.length).toBeGreaterThan(0);
      expect(storage.every((o) => o.storage?.valueSize !== undefined)).toBe(true);
      expect(storage.filter((o) => o.storage?.valuePreview !== undefined)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('a page that floods the record', () => {
  it('records every real request, leaves out the flood past the page budget and says how much', async () => {
    const browser = await launchAuditBrowser(server.hostRules);
    try {
      await browser.warmUp();
      const page = await browser.visit('https://www.auditor-fixture.com/flood.html', { pageTimeoutMs: 30_000, waitMs: 5_000, scroll: false });
      expect(page.visit.error).toBeUndefined();
      const observations = await browser.observations();
      const real = observations.filter((o) => o.url?.includes('p.gif?real='));
      expect(new Set(real.map((o) => o.url)).size).toBe(20);
      const stored = observations.filter((o) => o.kind === 'storage' && o.name?.startsWith('flood_')).length;
      expect(stored).toBeLessThanOrEqual(5_000);
      const capped = await browser.cappedByPage();
      expect(capped['https://www.auditor-fixture.com/flood.html']).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
