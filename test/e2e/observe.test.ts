import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, startFixtureServer } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import { hookChecks } from '../fixtures/routes';
import type { Observation } from '../../lib/model/observation';

/**
 * One fixture page per mechanism, with the hand-written list of what each must produce. Every
 * expected observation must be found exactly once, and nothing may be recorded that the pages did
 * not cause.
 */
const SITE = 'https://www.auditor-fixture.com';
type Expected = Partial<Pick<Observation, 'kind' | 'host' | 'name' | 'party' | 'resourceType'>> & {
  page: string;
  url?: string;
  via?: string[];
  area?: string;
};

const EXPECTED: Expected[] = [
  // cookies.html: header, document.cookie, third-party header, CookieStore API, cross-site frame.
  { page: 'cookies.html', kind: 'cookie', name: 'fp_http', host: 'www.auditor-fixture.com', party: 'first', via: ['http'] },
  { page: 'cookies.html', kind: 'cookie', name: 'js_cookie', host: 'www.auditor-fixture.com', party: 'first', via: ['js'] },
  { page: 'cookies.html', kind: 'cookie', name: 'tp_http', host: 'tracker.adnet-fixture.com', party: 'third', via: ['http'] },
  { page: 'cookies.html', kind: 'cookie', name: 'cs_api', host: 'www.auditor-fixture.com', party: 'first', via: ['api'] },
  { page: 'cookies.html', kind: 'cookie', name: 'widget_js', host: 'cdn.widget-fixture.net', party: 'third', via: ['js'] },
  { page: 'cookies.html', kind: 'beacon', url: 'https://tracker.adnet-fixture.com/set-cookie.gif', via: ['pixel'] },
  { page: 'cookies.html', kind: 'request', resourceType: 'sub_frame', url: 'https://cdn.widget-fixture.net/cookie-frame.html' },
  // beacons.html
  { page: 'beacons.html', kind: 'beacon', url: 'https://pixel.metrics-fixture.io/p.gif', via: ['pixel'], party: 'third' },
  { page: 'beacons.html', kind: 'request', url: 'https://cdn.widget-fixture.net/banner.svg', resourceType: 'image' },
  { page: 'beacons.html', kind: 'beacon', url: 'https://pixel.metrics-fixture.io/beacon', via: ['send-beacon'], resourceType: 'ping' },
  { page: 'beacons.html', kind: 'beacon', url: 'https://pixel.metrics-fixture.io/aping', via: ['a-ping'], resourceType: 'ping' },
  { page: 'beacons.html', kind: 'beacon', url: 'https://pixel.metrics-fixture.io/keep', via: ['keepalive'] },
  { page: 'beacons.html', kind: 'request', url: `${SITE}/landing.html`, resourceType: 'sub_frame' },
  // storage.html
  { page: 'storage.html', kind: 'storage', area: 'localStorage', name: 'ls_hook', party: 'first' },
  { page: 'storage.html', kind: 'storage', area: 'localStorage', name: 'ls_direct', party: 'first' },
  { page: 'storage.html', kind: 'storage', area: 'sessionStorage', name: 'ss_key', party: 'first' },
  { page: 'storage.html', kind: 'storage', area: 'indexedDB', name: 'fixture-db' },
  { page: 'storage.html', kind: 'storage', area: 'cache', name: 'fixture-cache' },
  { page: 'storage.html', kind: 'storage', area: 'serviceWorker', name: `${SITE}/` },
  { page: 'storage.html', kind: 'storage', area: 'localStorage', name: 'widget_ls', host: 'cdn.widget-fixture.net', party: 'third' },
  { page: 'storage.html', kind: 'request', resourceType: 'sub_frame', url: 'https://cdn.widget-fixture.net/storage-frame.html' },
  // flash.html: two in the markup, one inserted later.
  { page: 'flash.html', kind: 'flash', url: `${SITE}/media/movie.swf`, party: 'first' },
  { page: 'flash.html', kind: 'flash', url: 'https://cdn.widget-fixture.net/player.swf', party: 'third' },
  { page: 'flash.html', kind: 'flash', url: `${SITE}/media/late.swf` },
  // frames.html: requests made inside a cross-site (out-of-process) frame count for the top page.
  { page: 'frames.html', kind: 'request', url: 'https://cdn.widget-fixture.net/ad-frame.html', resourceType: 'sub_frame', party: 'third' },
  { page: 'frames.html', kind: 'request', url: 'https://tracker.adnet-fixture.com/in-frame.js', resourceType: 'script', party: 'third' },
  { page: 'frames.html', kind: 'request', url: 'https://tracker.adnet-fixture.com/bid?slot=1', resourceType: 'xmlhttprequest' },
  // transparent.html: the page checks that the hooks are invisible; its own writes are still seen.
  { page: 'transparent.html', kind: 'storage', area: 'localStorage', name: 'hk' },
  { page: 'transparent.html', kind: 'storage', area: 'localStorage', name: 'hk2' },
  { page: 'transparent.html', kind: 'cookie', name: 'hc', via: ['js'] },
  { page: 'transparent.html', kind: 'request', url: `${SITE}/hook-check`, resourceType: 'xmlhttprequest' },
];

/**
 * Incidental but real: each page itself, the favicon, the service worker's script (fetched when
 * storage.html registers it, and again whenever the browser checks it for an update on a later
 * navigation in its scope, which Chromium does after a delay of its own).
 */
const ALLOWED = (o: Observation) =>
  o.resourceType === 'main_frame' || o.url === `${SITE}/favicon.ico` || (o.url === `${SITE}/sw.js` && o.pageUrl.startsWith(`${SITE}/`));

const PAGES = [...new Set(EXPECTED.map((e) => e.page))].map((p) => `${SITE}/${p}`);

function matches(o: Observation, e: Expected): boolean {
  return (
    o.pageUrl === `${SITE}/${e.page}` &&
    (e.kind === undefined || o.kind === e.kind) &&
    (e.host === undefined || o.host === e.host) &&
    (e.name === undefined || o.name === e.name) &&
    (e.party === undefined || o.party === e.party) &&
    (e.resourceType === undefined || o.resourceType === e.resourceType) &&
    (e.url === undefined || o.url === e.url) &&
    (e.area === undefined || o.storage?.area === e.area) &&
    (e.via === undefined || JSON.stringify(o.via) === JSON.stringify(e.via))
  );
}

const describeObservation = (o: Observation) =>
  `${o.kind} ${o.resourceType ?? o.storage?.area ?? ''} ${o.url ?? o.name} on ${o.pageUrl}`;

let server: FixtureServer;
let observations: Observation[];

beforeAll(async () => {
  server = await startFixtureServer();
  const run = await auditFixture(server, PAGES, ['--wait-ms', '3000']);
  if (!run.report) throw new Error(`no report; CLI said:\n${run.log.join('\n')}`);
  observations = run.report.observations;
});

afterAll(async () => {
  await server?.close();
});

describe('complete observation, one fixture page per mechanism', () => {
  it('finds every expected observation exactly once', () => {
    const problems = EXPECTED.flatMap((e) => {
      const found = observations.filter((o) => matches(o, e));
      return found.length === 1 ? [] : [`${found.length}× ${JSON.stringify(e)}`];
    });
    expect(problems).toEqual([]);
  });

  it('records nothing the pages did not cause', () => {
    const unexplained = observations.filter(
      (o) => !EXPECTED.some((e) => matches(o, e)) && !ALLOWED(o),
    );
    expect(unexplained.map(describeObservation)).toEqual([]);
  });

  it('keeps cookie details: lifetime, flags and where it was confirmed', () => {
    const header = observations.find((o) => o.name === 'fp_http')!;
    expect(header.cookie).toMatchObject({ lifetimeSeconds: 3600, secure: true, httpOnly: true, path: '/' });
    expect(header.confirmedBy).toEqual(['browser-api']);
    const script = observations.find((o) => o.name === 'js_cookie')!;
    expect(script.source).toBe('browser-api'); // the cookies API confirmed what the hook reported
    expect(script.confirmedBy).toEqual(['page-hook']);
    expect(script.url).toBe(`${SITE}/cookies.html`); // the inline script that wrote it
  });

  it('confirms hooked storage writes with an isolated-world read, and sees direct assignment', () => {
    const hooked = observations.find((o) => o.name === 'ls_hook')!;
    expect(hooked.confirmedBy).toContain('page-hook');
    expect(hooked.storage).toMatchObject({ origin: SITE, valueSize: 3, valuePreview: 'abc' });
    const direct = observations.find((o) => o.name === 'ls_direct')!;
    expect(direct.source).toBe('browser-api');
    expect(direct.confirmedBy).toBeUndefined();
  });

  it('hooks do not change what the page sees (names, lengths, attributes, exceptions, conversions)', () => {
    expect(hookChecks).toHaveLength(1);
    const results = JSON.parse(hookChecks[0]!) as Record<string, unknown>;
    expect(Object.keys(results)).toHaveLength(13);
    expect(Object.entries(results).filter(([, ok]) => ok !== true)).toEqual([]);
  });

  it('explains Flash in the finding text', () => {
    const flash = observations.find((o) => o.kind === 'flash')!;
    expect(flash.reason).toBe('Flash object embedded; Local Shared Objects possible in browsers with Flash');
  });
});
