import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, startFixtureServer, type AuditRun } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import type { Report } from '../../lib/model/report';

/**
 * Browsing as a visitor who answered the consent banner (--consent, autoconsent clicking the
 * fixture's CookieYes-style banner) or sends Global Privacy Control (--gpc).
 */
const EU_PAGES = ['https://www.inbenta.com/eu/', 'https://www.inbenta.com/eu/contact/'];
const MARKETING_HOSTS = ['snap.licdn.com', 'px.ads.linkedin.com', 'analytics.tiktok.com'];

let server: FixtureServer;
let consent: AuditRun;
let report: Report;

beforeAll(async () => {
  server = await startFixtureServer();
  consent = await auditFixture(server, EU_PAGES, ['--consent', 'none,accept,reject']);
  if (!consent.report) throw new Error(`no report written; CLI said:\n${consent.log.join('\n')}`);
  report = consent.report;
});

afterAll(async () => {
  await server?.close();
});

const hostsIn = (state: string, pageUrl: string) =>
  new Set(report.observations.filter((o) => o.consent === state && o.pageUrl === pageUrl).map((o) => o.host));

describe('--consent none,accept,reject: one site under three consent states, side by side', () => {
  it('answers the banner in a fresh profile per state and records how', () => {
    expect(consent.code, consent.log.join('\n')).toBe(0);
    expect(report.settings?.consent).toEqual([
      { state: 'none', outcome: 'not-requested' },
      { state: 'accept', outcome: 'handled', cmp: 'cookieyes' },
      { state: 'reject', outcome: 'handled', cmp: 'cookieyes' },
    ]);
    expect(consent.log).toContain('Consent (accept): cookieyes banner answered on https://www.inbenta.com/eu/');
  });

  it('visits the same pages in every state and tags every page and observation with its state', () => {
    expect(report.pages.map((p) => `${p.consent} ${p.url} ${p.error ?? 'ok'}`)).toEqual(
      ['none', 'accept', 'reject'].flatMap((state) => EU_PAGES.map((url) => `${state} ${url} ok`)),
    );
    const states = new Set(report.observations.map((o) => o.consent));
    expect([...states].sort()).toEqual(['accept', 'none', 'reject']);
    const ids = report.observations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows what fires before consent, after accept and after reject', () => {
    for (const page of EU_PAGES) {
      for (const state of ['none', 'accept', 'reject']) {
        expect(hostsIn(state, page).has('www.googletagmanager.com'), `${state} ${page}`).toBe(true);
      }
      // The choice made on the first page holds on the next one: it lives in the profile.
      for (const host of MARKETING_HOSTS) {
        expect(hostsIn('accept', page).has(host), `accept ${page} ${host}`).toBe(true);
        expect(hostsIn('none', page).has(host), `none ${page} ${host}`).toBe(false);
        expect(hostsIn('reject', page).has(host), `reject ${page} ${host}`).toBe(false);
      }
    }
  });

  it('prints the states side by side in the summary', () => {
    const table = consent.log.slice(consent.log.findIndex((line) => line.includes('Third party (observations)')));
    expect(table[0]).toMatch(/^ {2}Third party \(observations\) +none +accept +reject$/);
    expect(table.find((line) => line.trimStart().startsWith('TikTok'))).toMatch(/^ {2}TikTok +– +\d+ +–$/);
    expect(table.find((line) => line.trimStart().startsWith('Google'))).toMatch(/^ {2}Google +\d+ +\d+ +\d+$/);
  });
});

describe('--gpc on a site with no policy in policy/', () => {
  /** Two sites of our own: a page and a cross-site frame, each reporting what it sees. */
  let gpcServer: Server;
  const seen: { method: string; host: string; path: string; gpc?: string }[] = [];
  let gpc: AuditRun;

  beforeAll(async () => {
    gpcServer = createServer((req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      seen.push({ method: req.method ?? '', host, path: req.url ?? '', gpc: req.headers['sec-gpc'] as string | undefined });
      const html = (body: string) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      };
      if (req.url === '/') {
        return html(
          '<!doctype html><title>GPC</title><script>' +
            "new Image().src = '/seen?frame=top&gpc=' + navigator.globalPrivacyControl;" +
            "fetch('http://gpc-frame.test/api', { method: 'POST', body: '{}' });" +
            '</script><iframe src="http://gpc-frame.test/frame"></iframe>',
        );
      }
      if (req.url === '/frame') {
        return html("<!doctype html><script>new Image().src = '/seen?frame=cross-site&gpc=' + navigator.globalPrivacyControl;</script>");
      }
      res.writeHead(204, { 'access-control-allow-origin': '*' });
      res.end();
    });
    await new Promise<void>((done) => gpcServer.listen(0, '127.0.0.1', done));
    const port = (gpcServer.address() as AddressInfo).port;
    const rules = `MAP gpc-site.test 127.0.0.1:${port}, MAP gpc-frame.test 127.0.0.1:${port}, ${server.hostRules}`;
    gpc = await auditFixture(server, ['http://gpc-site.test/'], ['--gpc', '--host-rules', rules, '--format', 'json', '--no-policy-discovery']);
  });

  afterAll(async () => {
    await new Promise((done) => gpcServer?.close(done));
  });

  it('sends Sec-GPC: 1 with every request, without turning cross-site requests into preflights', () => {
    expect(gpc.code, gpc.log.join('\n')).toBe(0);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.filter((r) => r.gpc !== '1')).toEqual([]);
    expect(seen.some((r) => r.method === 'OPTIONS')).toBe(false);
    expect(seen.some((r) => r.method === 'POST' && r.host === 'gpc-frame.test' && r.path === '/api')).toBe(true);
  });

  it('sets navigator.globalPrivacyControl in every frame, cross-site frames included', () => {
    const reports = seen.filter((r) => r.path.startsWith('/seen')).map((r) => `${r.host}${r.path}`);
    expect(reports.sort()).toEqual(['gpc-frame.test/seen?frame=cross-site&gpc=true', 'gpc-site.test/seen?frame=top&gpc=true']);
  });

  it('records the signal in the report settings', () => {
    expect(gpc.report?.settings?.gpc).toBe(true);
  });

  it('leaves findings unreviewed when no policy is the site’s, and says so', () => {
    const findings = gpc.report!.findings;
    expect(findings.map((f) => [f.subject, f.status])).toEqual([
      ['gpc-frame.test', 'unreviewed'],
      ['gpc-site.test', 'first-party'],
    ]);
    expect(gpc.report!.policy).toBeUndefined();
    expect(gpc.log).toContain('No policy in policy/ is for gpc-site.test: findings stay unreviewed (pass --policy <file> to judge them).');
    expect(gpc.log).toContain('Policy: none (findings are unreviewed)');
  });
});
