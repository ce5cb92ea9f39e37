import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, startFixtureServer, type AuditRun } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import type { Report } from '../../lib/export/report';

/** Third-party requests the demo home page makes, by host and webRequest resource type. */
const EXPECTED_THIRD_PARTY: [host: string, resourceType: string][] = [
  ['www.googletagmanager.com', 'script'],
  ['www.google-analytics.com', 'script'],
  ['www.google-analytics.com', 'image'],
  ['www.google-analytics.com', 'ping'],
  ['stats.g.doubleclick.net', 'image'],
  ['ad.doubleclick.net', 'image'],
  ['px.ads.linkedin.com', 'image'],
  ['marketing.actonservice.com', 'script'],
  ['marketing.actonservice.com', 'image'],
  ['connect.facebook.net', 'script'],
  ['www.facebook.com', 'sub_frame'],
  ['platform.twitter.com', 'script'],
  ['platform.twitter.com', 'sub_frame'],
  ['w.sharethis.com', 'script'],
  ['privacy-policy.truste.com', 'image'],
  ['static.hotjar.com', 'script'],
  ['in.hotjar.com', 'xmlhttprequest'],
  ['snap.licdn.com', 'script'],
  ['analytics.tiktok.com', 'script'],
  ['analytics.tiktok.com', 'ping'],
];

let server: FixtureServer;
let run: AuditRun;
let report: Report;

beforeAll(async () => {
  server = await startFixtureServer();
  run = await auditFixture(server, ['https://www.inbenta.com/']);
  if (!run.report) throw new Error(`no report written; CLI said:\n${run.log.join('\n')}`);
  report = run.report;
});

afterAll(async () => {
  await server?.close();
});

describe('audit of the demo site in headless Chromium', () => {
  it('exits 0 and records the page', () => {
    expect(run.code, run.log.join('\n')).toBe(0);
    expect(report.pages).toEqual([
      { url: 'https://www.inbenta.com/', finalUrl: 'https://www.inbenta.com/', networkQuiet: true },
    ]);
  });

  it('sees every expected third-party host with its resource type', () => {
    const seen = new Set(
      report.observations.filter((o) => o.party === 'third').map((o) => `${o.host} ${o.resourceType}`),
    );
    const missing = EXPECTED_THIRD_PARTY.map(([h, t]) => `${h} ${t}`).filter((key) => !seen.has(key));
    expect(missing).toEqual([]);
  });

  it('records nothing the page did not cause: every observed URL reached the fixture server', () => {
    const served = new Set(server.requests);
    const invented = report.observations
      .map((o) => new URL(o.url!))
      .filter((url) => !served.has(`${url.hostname} ${url.pathname}${url.search}`));
    expect(invented.map(String)).toEqual([]);
    expect(report.observations.some((o) => o.url?.includes('auditor-warm-up'))).toBe(false);
  });

  it('marks the site itself first party and everything else third party', () => {
    for (const o of report.observations) {
      expect(o.party, o.host).toBe(o.host.endsWith('inbenta.com') ? 'first' : 'third');
    }
  });

  it('links the hops of a redirect chain (cookie sync)', () => {
    const sync = report.observations.find((o) => o.url === 'https://ad.doubleclick.net/sync')!;
    expect(sync.statusCode).toBe(302);
    const next = report.observations.find((o) => o.redirectedFrom === sync.id);
    expect(next?.url).toBe('https://px.ads.linkedin.com/collect/?pid=42&sync=dc');
  });

  it('reports one unreviewed finding per third-party registrable domain', () => {
    const subjects = report.findings.map((f) => f.subject);
    expect(subjects).toEqual(expect.arrayContaining(['google-analytics.com', 'doubleclick.net', 'hotjar.com', 'tiktok.com']));
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(subjects).not.toContain('inbenta.com');
    expect(report.findings.every((f) => f.status === 'unreviewed')).toBe(true);
  });
});

describe('pages that do not behave', () => {
  it('ends a page that never goes network-idle within the bounded wait', async () => {
    const live = await auditFixture(server, ['https://www.inbenta.com/en/live/'], ['--wait-ms', '2000']);
    expect(live.code, live.log.join('\n')).toBe(0);
    expect(live.report?.pages[0]?.networkQuiet).toBe(false);
    expect(live.report?.observations.some((o) => o.url === 'https://www.inbenta.com/live/updates')).toBe(true);
  });

  it('records an unreachable page as an error, keeps the rest and exits non-zero', async () => {
    const mixed = await auditFixture(server, ['https://www.inbenta.com/en/products/', 'https://unreachable.invalid/'], [
      '--host-rules',
      `MAP unreachable.invalid ~NOTFOUND, ${server.hostRules}`,
    ]);
    expect(mixed.code).toBe(2);
    expect(mixed.log.at(-1)).toMatch(/^error: 1 of 2 pages did not load completely \(https:\/\/unreachable\.invalid\/: .*ERR_NAME_NOT_RESOLVED/);
    expect(mixed.report?.pages[1]?.error).toMatch(/ERR_NAME_NOT_RESOLVED/);
    expect(mixed.report?.observations.some((o) => o.host === 'www.googletagmanager.com')).toBe(true);
  });
});
